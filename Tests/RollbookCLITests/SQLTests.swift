import Foundation
import Store
import Testing
import TestSupport

/// `rollbook sql`: answers reads in three formats, refuses everything else before it runs.
@Suite struct SQLTests {
    static let refused: [(sql: String, message: String)] = [
        ("DELETE FROM events", "DELETE from \"events\""),
        ("UPDATE events SET actor = 'mallory'", "UPDATE of \"events\""),
        ("DROP TABLE events", "changing the schema"),
        ("DROP VIEW audit_revisions", "changing the schema"),
        ("CREATE TEMP TABLE scratch (x)", "changing the schema"),
        ("ATTACH DATABASE 'elsewhere.db' AS elsewhere", "ATTACH"),
        ("PRAGMA writable_schema = 1", "PRAGMA writable_schema = 1"),
        ("PRAGMA journal_mode = DELETE", "PRAGMA journal_mode = DELETE"),
        ("INSERT INTO audit_revisions (revision) VALUES (99)", "INSERT into \"audit_revisions\""),
        ("SELECT load_extension('/tmp/evil.so')", "load_extension()"),
        ("COMMIT", "COMMIT (transaction control)"),
        ("REINDEX", "REINDEX"),
        ("SELECT count(*) FROM events; DELETE FROM events", "DELETE from \"events\""),
    ]

    @Test(arguments: SQLTests.refused)
    func refusesAnythingButReading(_ case: (sql: String, message: String)) throws {
        let fixture = try AuditFixture()
        defer { fixture.dir.remove() }
        let before = try Data(contentsOf: URL(fileURLWithPath: fixture.store))
        let result = try fixture.run(["sql", `case`.sql])
        #expect(result.exitCode == 1)
        #expect(result.stdout == "")
        #expect(result.stderr == "error: rollbook sql is read-only: \(`case`.message) is not allowed\n")
        #expect(try Data(contentsOf: URL(fileURLWithPath: fixture.store)) == before)
        #expect(!FileManager.default.fileExists(atPath: fixture.dir.path("elsewhere.db")))
    }

    @Test func storeIsUntouchedAfterRefusals() throws {
        let fixture = try AuditFixture()
        defer { fixture.dir.remove() }
        for refused in SQLTests.refused { _ = try fixture.run(["sql", refused.sql]) }
        #expect(try fixture.run(["verify"]).exitCode == 0)
        let count = try fixture.run(["sql", "SELECT count(*) AS events FROM events", "-o", "csv"])
        #expect(count.stdout.hasPrefix("events\r\n"))
        #expect(count.stdout != "events\r\n0\r\n")
    }

    @Test func readOnlyPragmasAnswer() throws {
        let fixture = try AuditFixture()
        defer { fixture.dir.remove() }
        let result = try fixture.run(["sql", "PRAGMA table_info(commands)", "-o", "csv"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.hasPrefix("cid,name,type,notnull,dflt_value,pk\r\n0,command_id,TEXT,1,,1\r\n"))
    }

    @Test func syntaxErrorsAreReported() throws {
        let fixture = try AuditFixture()
        defer { fixture.dir.remove() }
        let result = try fixture.run(["sql", "SELEC 1"])
        #expect(result.exitCode == 1)
        #expect(result.stderr == "error: near \"SELEC\": syntax error\n")
    }

    static let revisionsQuery =
        "SELECT deployment, revision, replicaset, images, change_cause, actor, how, occurred_at FROM audit_revisions "
        + "ORDER BY seq"

    @Test func tableOutput() throws {
        let fixture = try AuditFixture()
        defer { fixture.dir.remove() }
        try expectGolden(try fixture.transcript(["sql", SQLTests.revisionsQuery]), named: "sql/revisions-table.txt")
    }

    @Test func csvOutput() throws {
        let fixture = try AuditFixture()
        defer { fixture.dir.remove() }
        let query = "SELECT seq, actor, change, object, detail, command FROM audit_changes ORDER BY seq"
        try expectGolden(try fixture.transcript(["sql", query, "-o", "csv"]), named: "sql/changes.csv")
    }

    @Test func jsonOutput() throws {
        let fixture = try AuditFixture()
        defer { fixture.dir.remove() }
        let query = "SELECT deployment, from_revision, to_revision, new_revision, images, actor, NULL AS empty, "
            + "1.5 AS real, x'00ff' AS bytes FROM audit_rollbacks ORDER BY seq"
        try expectGolden(try fixture.transcript(["sql", query, "-o", "json"]), named: "sql/rollbacks.json")
    }

    @Test func replicaCountsOverTime() throws {
        let fixture = try AuditFixture()
        defer { fixture.dir.remove() }
        let query = "SELECT seq, replicaset, change, replicas_from, replicas, actor FROM audit_replica_counts "
            + "WHERE deployment = 'api' ORDER BY seq"
        try expectGolden(try fixture.transcript(["sql", query]), named: "sql/replica-counts.txt")
    }

    @Test func emptyResultPrintsTheHeader() throws {
        let fixture = try AuditFixture()
        defer { fixture.dir.remove() }
        let table = try fixture.run(["sql", "SELECT seq, type FROM events WHERE seq < 0"])
        #expect(table.stdout == "SEQ   TYPE\n")
        let json = try fixture.run(["sql", "SELECT seq, type FROM events WHERE seq < 0", "-o", "json"])
        #expect(json.stdout == "[]\n")
    }
}
