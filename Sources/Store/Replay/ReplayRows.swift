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

    /// The log's events of the streams one pass folds, a batch of up to ``batchSize`` rows at a time.
    ///
    /// Made on the connection's own thread, then stepped by the replay's decoding thread (so that reading
    /// SQLite overlaps folding): the caller must keep every other use of the connection from running at the
    /// same time (``ReplayFold`` holds a lock around both).
    final class Reader: @unchecked Sendable {
        private let statement: Statement
        private let connection: OpaquePointer?
        private let pass: ReplayPass
        private var previousStream: [UInt8] = []
        private var included: Bool
        private var done = false
        /// The first pass also finds the log's time marks (every pass reads every row, in order).
        private var marks: TimeMarks?
        private(set) var timeMarks: [TimeMark] = []

        init(_ db: Database, pass: ReplayPass) throws {
            statement = try db.makeStatement(sql: ReplayRows.sql)
            connection = db.sqliteConnection
            self.pass = pass
            included = pass.includes(UnsafeBufferPointer(start: nil, count: 0))
            marks = pass.index == 0 ? TimeMarks() : nil
        }

        deinit { sqlite3_reset(statement.sqliteStatement) }

        /// The next batch, or nil once the log is read (and on every call after).
        func next() throws -> ReplayBatch? {
            guard !done else { return nil }
            let handle = statement.sqliteStatement
            var batch = ReplayBatch()
            while batch.rows.count < batchSize {
                let code = sqlite3_step(handle)
                if code == SQLITE_DONE {
                    // Stepping again would start the statement over.
                    done = true
                    break
                }
                guard code == SQLITE_ROW else {
                    done = true
                    throw DatabaseError(
                        resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(connection)),
                        sql: ReplayRows.sql)
                }
                // Consecutive events mostly share a stream: one hash per run.
                let stream = ReplayRows.text(handle, 1)
                if !Bytes.equal(stream, previousStream) {
                    previousStream = Array(stream)
                    included = pass.includes(stream)
                }
                // Parsed for the rows this pass folds, and for every row while finding the time marks.
                let time = included || marks != nil ? Timestamp(rfc3339: ReplayRows.text(handle, 4)) : nil
                if let seconds = time?.seconds, marks?.isMark(seconds) == true {
                    timeMarks.append(TimeMark(sequence: sqlite3_column_int64(handle, 0), seconds: seconds))
                }
                guard included else { continue }
                func copy(_ column: Int32) -> Range<Int> {
                    let start = batch.bytes.count
                    if let text = sqlite3_column_text(handle, column) {
                        batch.bytes.append(
                            contentsOf: UnsafeBufferPointer(start: text, count: Int(sqlite3_column_bytes(handle, column))))
                    }
                    return start..<batch.bytes.count
                }
                batch.rows.append(ReplayBatch.Row(
                    sequence: sqlite3_column_int64(handle, 0), schemaVersion: Int(sqlite3_column_int64(handle, 3)),
                    type: EventTypeNames.name(ReplayRows.text(handle, 2)),
                    time: time ?? Timestamp(seconds: 0),
                    stream: copy(1), payload: copy(5), commandID: copy(6)))
            }
            return batch.rows.isEmpty ? nil : batch
        }
    }

    fileprivate static func text(_ handle: SQLiteStatement, _ column: Int32) -> UnsafeBufferPointer<UInt8> {
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
        "ReplicaSetAdopted", "ImageLoaded", "ImageRemoved", "ImageBlocked", "ImageUnblocked", "PodAdopted",
        "ReplicaSetReleased", "ReplicaSetTransferred", "ReplicaSetConfigured", "PodsReleased",
        "PodsTransferred",
    ]

    private static let allBytes = all.map { Array($0.utf8) }

    static func name(_ bytes: UnsafeBufferPointer<UInt8>) -> String {
        for (index, name) in allBytes.enumerated() where Bytes.equal(bytes, name) { return all[index] }
        return String(decoding: bytes, as: UTF8.self)
    }
}
