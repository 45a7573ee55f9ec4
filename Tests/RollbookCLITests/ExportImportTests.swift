import Foundation
import Store
import Testing
import TestSupport

/// `rollbook export` → `rollbook import` gives the same log and projections, and a tampered file is refused.
@Suite struct ExportImportTests {
    func export(_ fixture: AuditFixture) throws -> [String] {
        let result = try fixture.run(["export", "-o", fixture.dir.path("log.ndjson")])
        #expect(result.exitCode == 0)
        #expect(result.stdout.hasPrefix("exported "))
        return try String(contentsOfFile: fixture.dir.path("log.ndjson"), encoding: .utf8)
            .split(separator: "\n").map(String.init)
    }

    func importing(_ lines: [String], _ fixture: AuditFixture) throws -> CLIRunner.Result {
        try (lines.joined(separator: "\n") + "\n").write(
            toFile: fixture.dir.path("edited.ndjson"), atomically: true, encoding: .utf8)
        return try fixture.run(["import", fixture.dir.path("edited.ndjson"), "--into", fixture.dir.path("copy.db")])
    }

    @Test func roundTripGivesAnIdenticalVerifiedStore() throws {
        let fixture = try AuditFixture()
        defer { fixture.dir.remove() }
        let lines = try export(fixture)
        let imported = try fixture.run(["import", fixture.dir.path("log.ndjson"), "--into", fixture.dir.path("copy.db")])
        #expect(imported.exitCode == 0, "\(imported.stderr)")
        let copy = try CLIRunner(store: fixture.dir.path("copy.db"), workingDirectory: fixture.dir.url)
        let verified = try copy.run(["verify"], now: AuditFixture.clock(30))
        #expect(verified.exitCode == 0)
        #expect(verified.stdout == (try fixture.run(["verify"])).stdout)
        let original = try SQLiteStore(path: fixture.store, readOnly: true)
        let rebuilt = try SQLiteStore(path: fixture.dir.path("copy.db"), readOnly: true)
        #expect(try rebuilt.projectionDump() == original.projectionDump())
        let log = "SELECT * FROM events ORDER BY seq"
        #expect(try rebuilt.query(log) == original.query(log))
        let commands = "SELECT * FROM commands ORDER BY first_seq"
        #expect(try rebuilt.query(commands) == original.query(commands))
        var again: [String] = []
        _ = try rebuilt.exportLog { again.append(String($0.dropLast())) }
        #expect(again == lines, "exporting the import gives the same file, byte for byte")
    }

    @Test func exportToStdoutHasAHeaderAndOneLinePerRow() throws {
        let fixture = try AuditFixture()
        defer { fixture.dir.remove() }
        let result = try fixture.run(["export"])
        let lines = result.stdout.split(separator: "\n")
        let counts = try fixture.run(
            ["sql", "SELECT (SELECT count(*) FROM events) AS events, (SELECT count(*) FROM commands) AS commands",
             "-o", "csv"])
        let expected = try #require(counts.stdout.split(separator: "\r\n").last).split(separator: ",").compactMap {
            Int($0)
        }
        try #require(expected.count == 2)
        #expect(lines.count == 1 + expected[0] + expected[1])
        #expect(lines[0].hasPrefix("{\"kind\":\"rollbook-log\",\"format\":1,\"events\":\(expected[0]),"))
        #expect(lines.filter { $0.hasPrefix("{\"kind\":\"command\"") }.count == expected[1])
    }

    @Test func editedPayloadIsRefusedNamingTheLine() throws {
        let fixture = try AuditFixture()
        defer { fixture.dir.remove() }
        var lines = try export(fixture)
        let index = try #require(lines.firstIndex { $0.contains("\"type\":\"DeploymentScaled\"") })
        lines[index] = lines[index].replacingOccurrences(of: "\"to\":3", with: "\"to\":30")
        let result = try importing(lines, fixture)
        #expect(result.exitCode == 1)
        let seq = try #require(lines[index].firstMatch(of: /"seq":(\d+)/)?.1)
        #expect(result.stderr == "error: line \(index + 1): event \(seq): hash does not match its content (edited?)\n")
        #expect(!FileManager.default.fileExists(atPath: fixture.dir.path("copy.db")), "no half-built store is left")
    }

    @Test func missingAndReorderedLinesAreRefused() throws {
        let fixture = try AuditFixture()
        defer { fixture.dir.remove() }
        let lines = try export(fixture)
        var missing = lines
        missing.remove(at: 10)
        let gap = try importing(missing, fixture)
        #expect(gap.exitCode == 1)
        #expect(gap.stderr.hasPrefix("error: line 11: event "))
        #expect(gap.stderr.contains("missing: the log jumps from event"))
        var reordered = lines
        reordered.swapAt(10, 11)
        let swapped = try importing(reordered, fixture)
        #expect(swapped.exitCode == 1)
        #expect(swapped.stderr.hasPrefix("error: line 11: event "))
    }

    @Test func truncatedFileIsRefused() throws {
        let fixture = try AuditFixture()
        defer { fixture.dir.remove() }
        let lines = try export(fixture)
        let result = try importing(Array(lines.dropLast(3)), fixture)
        #expect(result.exitCode == 1)
        #expect(result.stderr.contains("but its header announces"))
        #expect(!FileManager.default.fileExists(atPath: fixture.dir.path("copy.db")))
    }

    @Test func importNeverOverwrites() throws {
        let fixture = try AuditFixture()
        defer { fixture.dir.remove() }
        _ = try export(fixture)
        let result = try fixture.run(["import", fixture.dir.path("log.ndjson"), "--into", fixture.store])
        #expect(result.exitCode == 1)
        #expect(result.stderr == "error: \(fixture.store) already exists; import only creates new stores\n")
    }
}
