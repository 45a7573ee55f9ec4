import Cluster
import GRDB

/// One row of the event log together with its stored hash: what `events`, `verify` and `export` read.
///
/// ``EventRow`` holds the fields the hash covers; `hash` is what the row claims, which ``EventRow/computeHash()``
/// must reproduce for the log to be intact.
public struct LoggedEvent: Sendable, Hashable {
    public var row: EventRow
    public var hash: String

    public init(row: EventRow, hash: String) {
        self.row = row
        self.hash = hash
    }

    /// The stored form the decoders and upcasters take.
    public var encoded: EncodedEvent {
        EncodedEvent(type: row.type, schemaVersion: row.schemaVersion, payload: row.payload)
    }

    /// Every column of `events`, in table order.
    static let columns = """
        seq, stream_id, stream_version, type, schema_version, occurred_at, recorded_at, actor, command_id, payload, \
        prev_hash, hash
        """

    init(_ row: Row) {
        self.row = EventRow(
            seq: row["seq"], streamID: row["stream_id"], streamVersion: row["stream_version"], type: row["type"],
            schemaVersion: row["schema_version"], occurredAt: row["occurred_at"], recordedAt: row["recorded_at"],
            actor: row["actor"], commandID: row["command_id"], payload: row["payload"], prevHash: row["prev_hash"])
        self.hash = row["hash"]
    }
}
