import Foundation
import GRDB
import Store
import Testing
import TestSupport

/// `rollbook verify` on a clean history, and on histories changed behind the log's back (triggers dropped).
@Suite struct VerifyTests {
    /// Opens the store as an attacker would: a plain SQLite connection with the append-only triggers dropped.
    func tamper(_ fixture: AuditFixture, _ sql: String...) throws {
        let db = try DatabaseQueue(path: fixture.store)
        try db.write { db in
            try db.execute(sql: "DROP TRIGGER events_are_append_only_update")
            try db.execute(sql: "DROP TRIGGER events_are_append_only_delete")
            try db.execute(sql: "DROP TRIGGER events_are_gapless")
            for statement in sql { try db.execute(sql: statement) }
        }
        try db.close()
    }

    @Test func cleanHistoryVerifies() throws {
        let fixture = try AuditFixture()
        defer { fixture.dir.remove() }
        try expectGolden(try fixture.transcript(["verify"]), named: "verify/clean.txt")
    }

    @Test func editedPayloadIsNamed() throws {
        let fixture = try AuditFixture()
        defer { fixture.dir.remove() }
        try tamper(fixture, "UPDATE events SET payload = json_set(payload, '$.replicas', 30) WHERE seq = 40")
        let result = try fixture.run(["verify"])
        #expect(result.exitCode == 1)
        #expect(result.stderr == "error: event 40: hash does not match its content (edited?)\n")
    }

    @Test func editedActorIsNamed() throws {
        let fixture = try AuditFixture()
        defer { fixture.dir.remove() }
        try tamper(fixture, "UPDATE events SET actor = 'mallory' WHERE seq = 17")
        try expectGolden(try fixture.transcript(["verify"]), named: "verify/edited-actor.txt")
    }

    @Test func editWithARecomputedHashBreaksTheNextLink() throws {
        let fixture = try AuditFixture()
        defer { fixture.dir.remove() }
        var edited = try #require(try StoreReading.event(17, in: fixture.store))
        edited.row.actor = "mallory"
        try tamper(
            fixture, "UPDATE events SET actor = 'mallory', hash = '\(edited.row.computeHash())' WHERE seq = 17")
        let result = try fixture.run(["verify"])
        #expect(result.exitCode == 1)
        #expect(
            result.stderr == "error: event 18: prev_hash does not match the hash of event 17 "
                + "(events deleted, inserted or reordered?)\n")
    }

    @Test func deletedEventIsNamed() throws {
        let fixture = try AuditFixture()
        defer { fixture.dir.remove() }
        try tamper(fixture, "DELETE FROM events WHERE seq = 17")
        try expectGolden(try fixture.transcript(["verify"]), named: "verify/deleted.txt")
    }

    @Test func reorderedEventsAreNamed() throws {
        let fixture = try AuditFixture()
        defer { fixture.dir.remove() }
        try tamper(
            fixture,
            "UPDATE events SET seq = -17 WHERE seq = 17",
            "UPDATE events SET seq = 17 WHERE seq = 18",
            "UPDATE events SET seq = 18 WHERE seq = -17")
        try expectGolden(try fixture.transcript(["verify"]), named: "verify/reordered.txt")
    }

    @Test func truncatedTailIsCaughtByTheProjections() throws {
        let fixture = try AuditFixture()
        defer { fixture.dir.remove() }
        try tamper(fixture, "DELETE FROM events WHERE seq = (SELECT max(seq) FROM events)")
        let result = try fixture.run(["verify"])
        #expect(result.exitCode == 1)
        #expect(result.stderr.hasPrefix("error: projections differ from a fresh replay of the log: "))
    }

    @Test func editedProjectionIsCaught() throws {
        let fixture = try AuditFixture()
        defer { fixture.dir.remove() }
        let db = try DatabaseQueue(path: fixture.store)
        try db.write { try $0.execute(sql: "UPDATE deployments SET replicas = 7 WHERE name = 'api'") }
        try db.close()
        try expectGolden(try fixture.transcript(["verify"]), named: "verify/edited-projection.txt")
    }

    @Test func verifyNeverWrites() throws {
        let fixture = try AuditFixture()
        defer { fixture.dir.remove() }
        try tamper(fixture, "UPDATE events SET actor = 'mallory' WHERE seq = 17")
        let before = try Data(contentsOf: URL(fileURLWithPath: fixture.store))
        _ = try fixture.run(["verify"])
        #expect(try Data(contentsOf: URL(fileURLWithPath: fixture.store)) == before)
    }
}

/// Reads single rows through the Store API, as the verifier sees them.
enum StoreReading {
    static func event(_ seq: Int64, in path: String) throws -> LoggedEvent? {
        var filter = EventFilter()
        filter.since = .sequence(seq)
        filter.limit = 1
        return try SQLiteStore(path: path, readOnly: true).read { try $0.events(filter) }.first
    }
}
