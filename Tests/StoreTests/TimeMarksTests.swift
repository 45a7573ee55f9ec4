import Cluster
import Foundation
import GRDB
import KubeModel
@testable import Store
import Testing
import TestSupport

/// Resolving a time through `time_marks` gives what scanning the log gives, even when the clock went backwards.
struct TimeMarksTests {
    static let start: Int64 = 1_790_000_000
    /// One command per entry, its events stamped at start + the offsets: the clock goes back twice.
    static let commands: [[Int64]] = [[0, 0], [10], [5, 5], [20], [15], [20, 30], [25], [40]]

    static func makeStore(_ dir: TemporaryDirectory) throws -> SQLiteStore {
        let store = try SQLiteStore(path: dir.path("store.db"))
        var image = 0
        for offsets in commands {
            let now = Timestamp(seconds: start + offsets.max()!)
            try store.write(command: CommandInfo(actor: "alice", argv: ["images"], now: now)) { writer in
                var node = try writer.node()
                var pending: [PendingEvent] = []
                for offset in offsets {
                    image += 1
                    let event = ClusterEvent.imageLoaded(ImageLoaded(image: "app:\(image)"))
                    let time = Timestamp(seconds: start + offset)
                    node.apply(event, at: time)
                    node.version += 1
                    pending.append(PendingEvent(
                        stream: .node, event: event, actor: "alice",
                        sequence: writer.nextSequence + Int64(pending.count), time: time))
                }
                try writer.commit(pending, streams: [], node: node)
            }
        }
        return store
    }

    static func marks(_ path: String) throws -> [[Int64]] {
        try DatabaseQueue(path: path).read { db in
            try Row.fetchAll(db, sql: "SELECT seq, seconds FROM time_marks ORDER BY seq").map { [$0[0], $0[1]] }
        }
    }

    @Test func marksAreTheEventsStampedLaterThanAllBefore() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Self.makeStore(dir)
        // Events 1-2 at 0, 3 at 10, 4-5 at 5, 6 at 20, 7 at 15, 8 at 20, 9 at 30, 10 at 25, 11 at 40.
        let expected: [[Int64]] = [[1, 0], [3, 10], [6, 20], [9, 30], [11, 40]].map { [$0[0], Self.start + $0[1]] }
        #expect(try Self.marks(store.path) == expected)
        try store.replay()
        #expect(try Self.marks(store.path) == expected, "replay rebuilds them")
        // A replay's first pass finds the marks of the whole log, also of streams another pass folds.
        try store.replay(eventsPerPass: 3)
        #expect(try Self.marks(store.path) == expected, "a replay in four passes rebuilds them")
        #expect(try store.verify().isConsistent)
    }

    @Test func theMigrationFillsMarksForAnExistingLog() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Self.makeStore(dir)
        let written = try Self.marks(store.path)
        let migration = try #require(embeddedMigrations.first { $0.name == "0005_time_marks" })
        try DatabaseQueue(path: store.path).write { db in
            try db.execute(sql: "DROP TABLE time_marks")
            try db.execute(sql: migration.sql)
        }
        #expect(try Self.marks(store.path) == written)
    }

    @Test func timesResolveAsAScanOfTheLogDoes() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Self.makeStore(dir)
        let db = try DatabaseQueue(path: store.path)
        for offset in Int64(-2)...42 {
            let time = Timestamp(seconds: Self.start + offset)
            let scanned = try db.read { db in
                try Int64.fetchOne(
                    db, sql: "SELECT min(seq) FROM events WHERE unixepoch(occurred_at) > ?", arguments: [time.seconds])
            }
            let expected = scanned.map { $0 - 1 } ?? 11
            #expect(try store.resolve(.time(time)) == PointInTime(sequence: expected, time: time), "at +\(offset)")
        }
    }

    @Test func verifyFindsAMissingMark() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try Self.makeStore(dir)
        try DatabaseQueue(path: store.path).write { try $0.execute(sql: "DELETE FROM time_marks WHERE seq = 6") }
        let report = try store.verify()
        #expect(report.problem?.kind == .projectionsDiffer)
        #expect(report.problem?.detail.contains("time_marks 6") == true)
    }
}
