import Cluster
import GRDB
import GRDBSQLite
import KubeModel

/// `time_marks`: the events stamped later than every event before them, so a time resolves to the longest
/// prefix of the log stamped at or before it with one index seek (see ``SQLiteStore/resolve(_:)``).
///
/// The first event stamped after a time *T* is always a mark, and marks' times increase with their sequence
/// numbers, so it is the mark with the smallest time after *T*, even when the clock once went backwards.
struct TimeMarks {
    /// The latest mark's time: an event must be stamped after it to be a mark.
    private var high: Int64?

    /// Continues the marks of the log in `db` (after what it holds now).
    init(continuing db: Database) throws {
        high = try Int64.fetchOne(db.cachedStatement(sql: "SELECT max(seconds) FROM time_marks"))
    }

    private init(high: Int64?) { self.high = high }

    /// Notes event `sequence`, stamped `occurredAt` (as stored).
    mutating func note(_ sequence: Int64, occurredAt: String, in db: Database) throws {
        try note(sequence, seconds: Timestamp(rfc3339: occurredAt)?.seconds, in: db)
    }

    /// Notes event `sequence`, stamped `seconds` (nil for a time that does not parse, which is never a mark).
    private mutating func note(_ sequence: Int64, seconds: Int64?, in db: Database) throws {
        guard let seconds, high.map({ seconds > $0 }) ?? true else { return }
        try db.cachedStatement(sql: "INSERT INTO time_marks (seq, seconds) VALUES (?, ?)")
            .execute(arguments: [sequence, seconds])
        high = seconds
    }

    /// Rebuilds every mark from the log (a replay), the way commits note them. Migration 0005 computes the same
    /// marks in SQL (a window's running maximum of `unixepoch(occurred_at)`), which cost a replay ~9,000
    /// instructions an event; this reads the two columns through SQLite's C API and parses the times itself.
    static func rebuild(in db: Database) throws {
        try db.execute(sql: "DELETE FROM time_marks")
        var marks = TimeMarks(high: nil)
        let select = try db.makeStatement(sql: "SELECT seq, occurred_at FROM events ORDER BY seq")
        let rows = select.sqliteStatement
        defer { withExtendedLifetime(select) { _ = sqlite3_reset(rows) } }
        while true {
            let code = sqlite3_step(rows)
            guard code == SQLITE_ROW else {
                guard code == SQLITE_DONE else { throw DatabaseError(resultCode: ResultCode(rawValue: code)) }
                return
            }
            let text = UnsafeBufferPointer(
                start: sqlite3_column_text(rows, 1), count: Int(sqlite3_column_bytes(rows, 1)))
            try marks.note(sqlite3_column_int64(rows, 0), seconds: Timestamp(rfc3339: text)?.seconds, in: db)
        }
    }

    /// The first event stamped after `time`, if any.
    static func firstLater(than time: Timestamp, in db: Database) throws -> Int64? {
        try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT seq FROM time_marks WHERE seconds > ? ORDER BY seconds LIMIT 1"),
            arguments: [time.seconds])
    }

    /// Marks one commit's events.
    static func append(_ events: [PendingEvent], in db: Database) throws {
        var marks = try TimeMarks(continuing: db)
        for event in events { try marks.note(event.sequence, occurredAt: event.time.description, in: db) }
    }
}
