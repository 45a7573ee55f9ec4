import GRDB
import GRDBSQLite
import KubeModel

/// A run of `events` rows copied out of SQLite, so that another thread can decode them while the replay
/// folds the previous run.
struct ReplayBatch: Sendable {
    struct Row: Sendable {
        var sequence: Int64
        var schemaVersion: Int
        var type: String
        var time: Timestamp
        var stream: Range<Int>
        var payload: Range<Int>
        var commandID: Range<Int>
    }

    var rows: [Row] = []
    /// Every row's text columns, back to back.
    var bytes: [UInt8] = []
}

/// The whole log in order, through SQLite's C API: a GRDB `Row` per event (columns looked up by name,
/// every value copied into a `String`) cost more than folding most events.
enum ReplayRows {
    static let sql = "SELECT seq, stream_id, type, schema_version, occurred_at, payload, command_id FROM events ORDER BY seq"
    static let batchSize = 1_024

    /// The number of events: the log is gapless from 1 (a trigger enforces it), so its last sequence number.
    static func count(in db: Database) throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT coalesce(max(seq), 0) FROM events") ?? 0
    }

    /// Calls `body` with the log's events of the streams `pass` folds, in batches of ``batchSize`` rows.
    static func forEachBatch(in db: Database, pass: ReplayPass, _ body: (ReplayBatch) throws -> Void) throws {
        let statement = try db.makeStatement(sql: sql)
        let handle = statement.sqliteStatement
        defer { sqlite3_reset(handle) }
        var batch = ReplayBatch()
        var previousStream: [UInt8] = [], included = pass.includes(UnsafeBufferPointer(start: nil, count: 0))
        while true {
            let code = sqlite3_step(handle)
            if code == SQLITE_DONE { break }
            guard code == SQLITE_ROW else {
                throw DatabaseError(resultCode: ResultCode(rawValue: code), message: db.lastErrorMessage, sql: sql)
            }
            // Consecutive events mostly share a stream: one hash per run.
            let stream = text(handle, 1)
            if !stream.elementsEqual(previousStream) {
                previousStream = Array(stream)
                included = pass.includes(stream)
            }
            guard included else { continue }
            func copy(_ column: Int32) -> Range<Int> {
                let start = batch.bytes.count
                if let text = sqlite3_column_text(handle, column) {
                    batch.bytes.append(contentsOf: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column))))
                }
                return start..<batch.bytes.count
            }
            batch.rows.append(ReplayBatch.Row(
                sequence: sqlite3_column_int64(handle, 0), schemaVersion: Int(sqlite3_column_int64(handle, 3)),
                type: EventTypeNames.name(text(handle, 2)),
                time: Timestamp(rfc3339: text(handle, 4)) ?? Timestamp(seconds: 0),
                stream: copy(1), payload: copy(5), commandID: copy(6)))
            if batch.rows.count == batchSize {
                try body(batch)
                batch.rows.removeAll(keepingCapacity: true)
                batch.bytes.removeAll(keepingCapacity: true)
            }
        }
        if !batch.rows.isEmpty { try body(batch) }
    }

    private static func text(_ handle: SQLiteStatement, _ column: Int32) -> UnsafeBufferPointer<UInt8> {
        guard let start = sqlite3_column_text(handle, column) else { return UnsafeBufferPointer(start: nil, count: 0) }
        return UnsafeBufferPointer(start: start, count: Int(sqlite3_column_bytes(handle, column)))
    }
}

/// Event type names as shared constants: a replay compares each row's type bytes with them instead of
/// allocating a `String` per row.
enum EventTypeNames {
    static let all = [
        "EventRecorded", "DeploymentStatusUpdated", "PodStatusUpdated", "ReplicaSetStatusUpdated", "ReplicaSetScaled",
        "PodCreated", "PodDeleted", "DeploymentRevisionSet", "ReplicaSetCreated", "DeploymentImageSet",
        "ReplicaSetAnnotated", "DeploymentScaled", "ReplicaSetDeleted", "DeploymentConfigured", "DeploymentAnnotated",
        "DeploymentRestarted", "DeploymentRolledBack", "DeploymentCreated", "DeploymentPaused", "DeploymentResumed",
        "DeploymentDeleted", "PodDeleteRequested", "ReplicaSetDeleteRequested", "ReplicaSetOrphaned",
        "ReplicaSetAdopted", "ImageLoaded", "ImageRemoved", "ImageBlocked", "ImageUnblocked",
    ]

    static func name(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        for name in all where name.utf8.count == bytes.count && name.utf8.elementsEqual(bytes) { return name }
        return String(decoding: bytes, as: UTF8.self)
    }
}
