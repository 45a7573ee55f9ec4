import KubeModel

/// A moment in the log's past, as `--at`, `--to` and `rewind --to` name it.
///
/// A point is either an event sequence number or an RFC 3339 time. Both resolve to a
/// ``PointInTime``: the last event to fold, and the time that counts as "now" when ages are printed.
public enum Point: Sendable, Hashable, CustomStringConvertible {
    /// The state right after event `seq`; "now" is that event's `occurred_at`.
    case sequence(Int64)
    /// The state of every event stamped at or before this time; "now" is the time itself.
    case time(Timestamp)

    /// Digits are a sequence number; anything else must be an RFC 3339 time.
    public init?(parsing text: String) {
        if !text.isEmpty, text.allSatisfy(\.isASCIIDigit), let sequence = Int64(text) {
            self = .sequence(sequence)
        } else if let time = Timestamp(rfc3339: text) {
            self = .time(time)
        } else {
            return nil
        }
    }

    public var description: String {
        switch self {
        case .sequence(let sequence): "sequence \(sequence)"
        case .time(let time): time.description
        }
    }
}

/// A resolved ``Point``: fold the log up to ``sequence`` and print ages relative to ``time``.
public struct PointInTime: Sendable, Hashable, CustomStringConvertible {
    /// The last event folded; 0 when the point lies before the first event.
    public var sequence: Int64
    /// What "now" was at that point.
    public var time: Timestamp

    public init(sequence: Int64, time: Timestamp) {
        self.sequence = sequence
        self.time = time
    }

    /// `sequence 42 (2026-11-26T15:07:00Z)`
    public var description: String { "sequence \(sequence) (\(time))" }
}

/// A point that does not name a moment in this log. ``description`` is the text after `error: `.
public struct PointError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) { self.description = description }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
