import Foundation
import GRDB
@testable import Store

/// Checks a store file the way `rollbook verify` does, from the outside: the log is gapless and hash-chained,
/// every stream's versions count 1, 2, 3…, and every event belongs to exactly one recorded command.
///
/// Tests call it after hammering a store with concurrent or killed processes; it opens its own read-only
/// connection, so it sees only what was committed.
struct StoreAudit {
    /// Everything wrong with the log, as readable lines; empty when it is intact.
    private(set) var problems: [String] = []
    private(set) var eventCount = 0
    private(set) var commandCount = 0
    /// The `argv` of each command row, in commit order.
    private(set) var commandArguments: [[String]] = []

    init(path: String) throws {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(10)
        let db = try DatabaseQueue(path: path, configuration: config)
        try db.read { db in
            try checkEvents(db)
            try checkCommands(db)
        }
    }

    private mutating func checkEvents(_ db: Database) throws {
        var previousHash = String(repeating: "0", count: 64)
        var versions: [String: Int] = [:]
        let rows = try Row.fetchCursor(db, sql: "SELECT * FROM events ORDER BY seq")
        while let row = try rows.next() {
            eventCount += 1
            let event = EventRow(
                seq: row["seq"], streamID: row["stream_id"], streamVersion: row["stream_version"], type: row["type"],
                schemaVersion: row["schema_version"], occurredAt: row["occurred_at"], recordedAt: row["recorded_at"],
                actor: row["actor"], commandID: row["command_id"], payload: row["payload"], prevHash: row["prev_hash"])
            if event.seq != Int64(eventCount) { problems.append("event \(event.seq) is at position \(eventCount)") }
            if event.prevHash != previousHash { problems.append("event \(event.seq): prev_hash breaks the chain") }
            let hash: String = row["hash"]
            if event.computeHash() != hash { problems.append("event \(event.seq): hash does not match its content") }
            let expected = (versions[event.streamID] ?? 0) + 1
            if event.streamVersion != expected {
                problems.append(
                    "event \(event.seq): \(event.streamID) version \(event.streamVersion), expected \(expected)")
            }
            versions[event.streamID] = event.streamVersion
            previousHash = hash
        }
    }

    /// Command rows cover the log end to end, in order, without overlap; each event's command id is known.
    private mutating func checkCommands(_ db: Database) throws {
        var next: Int64 = 1
        var known: Set<String> = []
        for row in try Row.fetchAll(db, sql: "SELECT * FROM commands ORDER BY first_seq") {
            commandCount += 1
            let first: Int64 = row["first_seq"], last: Int64 = row["last_seq"]
            if first != next || last < first { problems.append("command rows skip or overlap at event \(next)") }
            next = last + 1
            known.insert(row["command_id"])
            let argv: String = row["argv"]
            commandArguments.append((try? JSONDecoder().decode([String].self, from: Data(argv.utf8))) ?? [])
        }
        if next != Int64(eventCount) + 1 {
            problems.append("command rows end at event \(next - 1) but the log has \(eventCount)")
        }
        let orphans = try Int.fetchOne(
            db, sql: "SELECT count(*) FROM events WHERE command_id NOT IN (SELECT command_id FROM commands)") ?? 0
        if orphans > 0 { problems.append("\(orphans) events name no recorded command") }
        if known.count != commandCount { problems.append("a command id is recorded twice") }
    }

    /// Replays the log into the projections and reports whether they came out byte-identical.
    static func replayMatches(path: String) throws -> Bool {
        let store = try SQLiteStore(path: path)
        let live = try store.projectionDump()
        try store.replay()
        return try store.projectionDump() == live
    }
}
