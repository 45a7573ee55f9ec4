import Cluster
import Foundation
import GRDB
import KubeModel
import Store
import Testing
import TestSupport

/// The log's guarantees: append-only, gapless, hash-chained, one command one transaction.
struct EventLogTests {
    let now = Timestamp(seconds: 1_790_000_000)

    func appendImages(_ store: SQLiteStore, _ images: [String]) throws {
        try store.write(command: CommandInfo(actor: "alice", argv: ["images", "load"] + images, now: now)) { writer in
            var node = try writer.node()
            var pending: [PendingEvent] = []
            for image in images {
                let event = ClusterEvent.imageLoaded(ImageLoaded(image: image))
                node.apply(event, at: now)
                node.version += 1
                pending.append(PendingEvent(stream: .node, event: event, actor: "alice",
                                            sequence: writer.nextSequence + Int64(pending.count), time: now))
            }
            try writer.commit(pending, streams: [], node: node)
        }
    }

    @Test func eventsRefuseUpdateAndDelete() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try SQLiteStore(path: dir.path("store.db"))
        try appendImages(store, ["a:1"])
        let db = try DatabaseQueue(path: dir.path("store.db"))
        #expect(throws: DatabaseError.self) { try db.write { try $0.execute(sql: "UPDATE events SET actor = 'mallory'") } }
        #expect(throws: DatabaseError.self) { try db.write { try $0.execute(sql: "DELETE FROM events") } }
        #expect(throws: DatabaseError.self) { try db.write { try $0.execute(sql: "DELETE FROM commands") } }
        let actors = try db.read { try String.fetchAll($0, sql: "SELECT actor FROM events") }
        #expect(actors == ["alice"])
    }

    @Test func sequenceIsGaplessAndHashesChain() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try SQLiteStore(path: dir.path("store.db"))
        try appendImages(store, ["a:1", "b:1"])
        try appendImages(store, ["c:1"])
        let db = try DatabaseQueue(path: dir.path("store.db"))
        let rows = try db.read { try Row.fetchAll($0, sql: "SELECT * FROM events ORDER BY seq") }
        #expect(rows.map { $0["seq"] as Int64 } == [1, 2, 3])
        #expect(rows.map { $0["stream_version"] as Int } == [1, 2, 3])
        #expect(rows[0]["prev_hash"] as String == String(repeating: "0", count: 64))
        for (previous, row) in zip(rows, rows.dropFirst()) {
            #expect(row["prev_hash"] as String == previous["hash"] as String)
        }
        let commands = try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM commands") }
        #expect(commands == 2)
        #expect(rows[0]["command_id"] as String == rows[1]["command_id"] as String)
        #expect(rows[1]["command_id"] as String != rows[2]["command_id"] as String)
    }

    @Test func gapInSequenceIsRefusedByTheSchema() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        _ = try SQLiteStore(path: dir.path("store.db"))
        let db = try DatabaseQueue(path: dir.path("store.db"))
        #expect(throws: DatabaseError.self) {
            try db.write {
                try $0.execute(sql: """
                    INSERT INTO events VALUES (5, 'node/x', 1, 'ImageLoaded', 1, 't', 't', 'a', 'c', '{}', 'p', 'h')
                    """)
            }
        }
    }

    @Test func interruptedCommandLeavesNoPartialEvents() throws {
        struct Interrupted: Error {}
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try SQLiteStore(path: dir.path("store.db"))
        try appendImages(store, ["a:1"])
        #expect(throws: Interrupted.self) {
            try store.write(command: CommandInfo(actor: "bob", argv: ["images", "load", "b:1"], now: now)) { writer in
                var node = try writer.node()
                let event = ClusterEvent.imageLoaded(ImageLoaded(image: "b:1"))
                node.apply(event, at: now)
                try writer.commit(
                    [PendingEvent(stream: .node, event: event, actor: "bob", sequence: writer.nextSequence, time: now)],
                    streams: [], node: node)
                throw Interrupted()
            }
        }
        let db = try DatabaseQueue(path: dir.path("store.db"))
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM events") } == 1)
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM commands") } == 1)
        #expect(try store.read { try $0.images().map(\.image) } == ["a:1"])
    }

    @Test func storeFileIsOwnerOnly() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        _ = try SQLiteStore(path: dir.path("store.db"))
        let attributes = try FileManager.default.attributesOfItem(atPath: dir.path("store.db"))
        #expect((attributes[.posixPermissions] as? NSNumber)?.intValue == 0o600)
    }

    @Test func aFileThatIsNotAStoreIsRefused() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try Data("hello, I am not a database, but I am long enough to look like a file".utf8)
            .write(to: URL(fileURLWithPath: dir.path("notes.txt")))
        #expect(throws: StoreError.self) { _ = try SQLiteStore(path: dir.path("notes.txt")) }
    }

    @Test func aStoreFromANewerSchemaIsRefused() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        _ = try SQLiteStore(path: dir.path("store.db"))
        let db = try DatabaseQueue(path: dir.path("store.db"))
        try db.write { try $0.execute(sql: "INSERT INTO schema_migrations VALUES ('9999_future', 'now')") }
        let error = #expect(throws: StoreError.self) { _ = try SQLiteStore(path: dir.path("store.db")) }
        #expect(error?.code == .newerSchema)
    }
}
