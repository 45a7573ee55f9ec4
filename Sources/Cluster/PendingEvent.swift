import KubeModel

/// An event produced inside one command, with the global sequence number and time it will be stored under.
public struct PendingEvent: Sendable, Hashable {
    public var stream: StreamID
    public var event: ClusterEvent
    public var actor: String
    public var sequence: Int64
    public var time: Timestamp
    /// The command that caused this event, when it is not the one being run: time catching up after a
    /// `set image` belongs to that `set image`.
    public var causedBy: String?

    public init(stream: StreamID, event: ClusterEvent, actor: String, sequence: Int64, time: Timestamp,
                causedBy: String? = nil) {
        self.stream = stream
        self.event = event
        self.actor = actor
        self.sequence = sequence
        self.time = time
        self.causedBy = causedBy
    }
}

