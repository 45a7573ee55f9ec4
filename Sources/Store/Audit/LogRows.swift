import GRDB

/// Inserts log rows exactly as they were stored elsewhere: same sequence numbers, hashes, times and command
/// ids. Used to rebuild a store from an export and to copy a log for verification; never by commands.
enum LogRows {
    static func insert(_ event: LoggedEvent, in db: Database) throws {
        let row = event.row
        try db.execute(
            sql: """
                INSERT INTO events (seq, stream_id, stream_version, type, schema_version, occurred_at, recorded_at,
                  actor, command_id, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                row.seq, row.streamID, row.streamVersion, row.type, row.schemaVersion, row.occurredAt, row.recordedAt,
                row.actor, row.commandID, row.payload, row.prevHash, event.hash,
            ])
    }

    static func insert(_ command: CommandRow, in db: Database) throws {
        try db.execute(
            sql: """
                INSERT INTO commands (command_id, actor, argv, occurred_at, recorded_at, first_seq, last_seq)
                VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                command.commandID, command.actor, command.argv, command.occurredAt, command.recordedAt,
                command.firstSequence, command.lastSequence,
            ])
    }
}
