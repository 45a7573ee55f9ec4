import GRDB

/// One row of the `commands` table: who ran which command line, and the events it appended.
public struct CommandRow: Sendable, Hashable {
    public var commandID: String
    public var actor: String
    /// The command line as stored: a JSON array of strings.
    public var argv: String
    public var occurredAt: String
    public var recordedAt: String
    public var firstSequence: Int64
    public var lastSequence: Int64

    public init(
        commandID: String, actor: String, argv: String, occurredAt: String, recordedAt: String,
        firstSequence: Int64, lastSequence: Int64
    ) {
        self.commandID = commandID
        self.actor = actor
        self.argv = argv
        self.occurredAt = occurredAt
        self.recordedAt = recordedAt
        self.firstSequence = firstSequence
        self.lastSequence = lastSequence
    }

    init(_ row: Row) {
        self.init(
            commandID: row["command_id"], actor: row["actor"], argv: row["argv"], occurredAt: row["occurred_at"],
            recordedAt: row["recorded_at"], firstSequence: row["first_seq"], lastSequence: row["last_seq"])
    }
}
