import Cluster
import GRDB
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

    /// Marks from the start of a log.
    init() {}

    /// Notes event `sequence`, stamped `occurredAt` (as stored).
    mutating func note(_ sequence: Int64, occurredAt: String, in db: Database) throws {
        try note(sequence, seconds: Timestamp(rfc3339: occurredAt)?.seconds, in: db)
    }

    /// Notes event `sequence`, stamped `seconds` (nil for a time that does not parse, which is never a mark).
    private mutating func note(_ sequence: Int64, seconds: Int64?, in db: Database) throws {
        guard let seconds, isMark(seconds) else { return }
        try TimeMarks.insert(TimeMark(sequence: sequence, seconds: seconds), in: db)
    }

    /// Whether the next event, stamped `seconds` (nil for a time that does not parse), is a mark; notes it.
    mutating func isMark(_ seconds: Int64?) -> Bool {
        guard let seconds, high.map({ seconds > $0 }) ?? true else { return false }
        high = seconds
        return true
    }

    /// The marks of a whole log, as a replay's reading thread found them (``ReplayRows/Reader``), in place of
    /// those `db` holds. A second scan of the log for them took a 1M replay 0.6 s.
    ///
    /// Bound through SQLite's C API (``GRDB/Database/run(_:binding:)``): a 1M-event log has ~56,000 marks.
    static func replace(with marks: [TimeMark], in db: Database) throws {
        try db.execute(sql: "DELETE FROM time_marks")
        for mark in marks {
            try db.run(
                "INSERT INTO time_marks (seq, seconds) VALUES (?, ?)",
                binding: [BoundValue(mark.sequence), BoundValue(mark.seconds)])
        }
    }

    private static func insert(_ mark: TimeMark, in db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO time_marks (seq, seconds) VALUES (?, ?)")
            .execute(arguments: [mark.sequence, mark.seconds])
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

/// An event stamped later than every event before it.
struct TimeMark: Sendable, Equatable {
    var sequence: Int64
    var seconds: Int64
}
