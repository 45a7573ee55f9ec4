import Cluster
import Foundation
import GRDB
import KubeModel
import Store
import Testing
import TestSupport

/// Resolving points, folding the node stream up to one, and copying a prefix of the log into a new store.
struct PointInTimeStoreTests {
    let start = Timestamp(seconds: 1_790_000_000)

    /// Three commands ten seconds apart: load a and b, remove a, load c.
    func makeStore(_ dir: TemporaryDirectory) throws -> SQLiteStore {
        let store = try SQLiteStore(path: dir.path("store.db"))
        let commands: [[ClusterEvent]] = [
            [.imageLoaded(ImageLoaded(image: "a:1")), .imageLoaded(ImageLoaded(image: "b:1"))],
            [.imageRemoved(ImageRef(image: "a:1"))],
            [.imageLoaded(ImageLoaded(image: "c:1", startupSeconds: 5))],
        ]
        for (index, events) in commands.enumerated() {
            let now = start.adding(seconds: Int64(index) * 10)
            try store.write(command: CommandInfo(actor: "alice", argv: ["images"], now: now)) { writer in
                var node = try writer.node()
                var pending: [PendingEvent] = []
                for event in events {
                    node.apply(event, at: now)
                    node.version += 1
                    pending.append(PendingEvent(stream: .node, event: event, actor: "alice",
                                                sequence: writer.nextSequence + Int64(pending.count), time: now))
                }
                try writer.commit(pending, streams: [], node: node)
            }
        }
        return store
    }

    @Test func sequencePointsTakeTheirEventsTime() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try makeStore(dir)
        #expect(try store.resolve(.sequence(2)) == PointInTime(sequence: 2, time: start))
        #expect(try store.resolve(.sequence(4)) == PointInTime(sequence: 4, time: start.adding(seconds: 20)))
        #expect(throws: PointError("there is no event 5: the log ends at sequence 4")) {
            try store.resolve(.sequence(5))
        }
        #expect(throws: PointError("event sequence numbers start at 1")) { try store.resolve(.sequence(0)) }
    }

    @Test func timePointsKeepEverythingStampedUpToThem() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try makeStore(dir)
        let before = start.adding(seconds: -1)
        #expect(try store.resolve(.time(before)) == PointInTime(sequence: 0, time: before))
        #expect(try store.resolve(.time(start)) == PointInTime(sequence: 2, time: start))
        let between = start.adding(seconds: 15)
        #expect(try store.resolve(.time(between)) == PointInTime(sequence: 3, time: between))
        let after = start.adding(seconds: 3600)
        #expect(try store.resolve(.time(after)) == PointInTime(sequence: 4, time: after))
    }

    @Test func readerFoldsTheNodeUpToThePoint() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try makeStore(dir)
        func images(at sequence: Int64) throws -> [String] {
            let point = try store.resolve(.sequence(sequence))
            return try store.read(at: point) { try $0.images().map(\.image) }
        }
        #expect(try images(at: 1) == ["a:1"])
        #expect(try images(at: 2) == ["a:1", "b:1"])
        #expect(try images(at: 3) == ["b:1"])
        #expect(try images(at: 4) == ["b:1", "c:1"])
        let live = try store.read { try $0.images() }
        #expect(try store.read(at: store.resolve(.sequence(4))) { try $0.images() } == live)
    }

    @Test func pointsParseFromText() {
        #expect(Point(parsing: "42") == .sequence(42))
        #expect(Point(parsing: "2026-11-26T15:00:00Z") == .time(Timestamp(rfc3339: "2026-11-26T15:00:00Z")!))
        #expect(Point(parsing: "-1") == nil)
        #expect(Point(parsing: "4x") == nil)
        #expect(Point(parsing: "") == nil)
    }

    @Test func replayIntoCopiesThePrefixWithItsHashChain() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try makeStore(dir)
        var phases: Set<String> = []
        let copy = try store.replay(upTo: 3, into: dir.path("past.db")) { phases.insert($0.phase) }
        #expect(phases == ["copying", "replaying"])
        #expect(try copy.read { try $0.images().map(\.image) } == ["b:1"])

        let source = try DatabaseQueue(path: dir.path("store.db"))
        let target = try DatabaseQueue(path: dir.path("past.db"))
        let sql = "SELECT * FROM events ORDER BY seq"
        let copied = try target.read { try Row.fetchAll($0, sql: sql) }
        let original = try source.read { try Row.fetchAll($0, sql: sql) }
        #expect(copied == Array(original.prefix(3)), "rows are copied as they are, hashes included")
        let commands = try target.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM commands") }
        #expect(commands == 2)

        #expect(throws: StoreError.self) { try store.replay(upTo: 4, into: dir.path("past.db")) }
    }
}
