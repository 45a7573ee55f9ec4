/// The first thing `verify` (or `import`) found wrong with a log, naming the event where it shows.
public struct LogProblem: Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// A sequence number is absent: the log jumps over it.
        case missingEvent
        /// `prev_hash` is not the hash of the event before: events were removed, inserted or reordered.
        case brokenChain
        /// `hash` is not the hash of the row's own fields: the row was edited.
        case editedEvent
        /// A stream's versions skip or repeat.
        case streamVersionGap
        /// The event names a command the `commands` table does not hold.
        case unknownCommand
        /// The payload cannot be read as its type, even after upcasting.
        case undecodablePayload
        /// The projection tables are not what replaying the log gives.
        case projectionsDiffer
    }

    /// The first bad event, or nil when the problem is not one event's (projections).
    public var sequence: Int64?
    public var kind: Kind
    public var detail: String

    public init(sequence: Int64?, kind: Kind, detail: String) {
        self.sequence = sequence
        self.kind = kind
        self.detail = detail
    }

    /// `event 17: hash does not match its content (edited?)`
    public var description: String { sequence.map { "event \($0): \(detail)" } ?? detail }
}

/// What `verify` found: how many events it checked, and the first problem if any.
public struct VerificationReport: Sendable, Equatable {
    public var eventCount: Int64
    public var problem: LogProblem?

    public var isConsistent: Bool { problem == nil }
}
