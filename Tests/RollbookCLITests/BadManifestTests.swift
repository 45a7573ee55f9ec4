import Foundation
import GRDB
import Testing
import TestSupport

/// Hostile and broken manifests: each one gets kubectl's error text, a non-zero exit, and leaves the store's
/// event log exactly as it was.
///
/// Inputs live in `BadManifests/`, each beside `<name>.expected` (the transcript: command, stdout, stderr, exit
/// code). Inputs too big to commit are generated here and have only their `.expected` file.
/// `RECORD_GOLDEN=1` rewrites the expected files.
struct BadManifestTests {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("BadManifests")
    static let now = "2026-11-26T15:00:00Z"

    /// Every committed input: files and directories in `BadManifests/` other than the expected transcripts.
    static let committed: [String] = {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return entries.filter { !$0.hasSuffix(".expected") }.sorted()
    }()

    @Test func corpusHasAtLeastFortyCases() {
        #expect(Self.committed.count + Generated.allCases.count + 2 >= 40)
    }

    @Test(arguments: committed)
    func committedManifestIsRefused(_ name: String) throws {
        try expectRefused(name, arguments: ["apply", "-f", name], in: Self.directory)
    }

    @Test func pathThatDoesNotExistIsRefused() throws {
        try expectRefused("missing-path", arguments: ["apply", "-f", "no-such-file.yaml"], in: Self.directory)
    }

    @Test func deleteOfANamelessManifestIsRefused() throws {
        try expectRefused("delete-null-name", arguments: ["delete", "-f", "null-name.yaml"], in: Self.directory)
    }

    @Test(arguments: Generated.allCases)
    func generatedManifestIsRefused(_ input: Generated) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let file = "\(input.rawValue).\(input.fileExtension)"
        try input.data().write(to: dir.url.appendingPathComponent(file))
        try expectRefused("generated-\(input.rawValue)", arguments: ["apply", "-f", file], in: dir.url)
    }

    /// Runs `arguments` against a store holding one Deployment and compares with `BadManifests/<name>.expected`.
    private func expectRefused(_ name: String, arguments: [String], in directory: URL) throws {
        let store = try SharedStore.shared.get()
        var cli = try CLIRunner(store: store.path, workingDirectory: directory)
        cli.environment["ROLLBOOK_ACTOR"] = "tester"
        let before = try store.eventCount()
        let result = try cli.run(arguments, now: Self.now)
        #expect(try store.eventCount() == before, "\(name) changed the event log")
        #expect(result.exitCode == 1, "\(name) exited \(result.exitCode): \(result.stderr)")
        #expect(!result.stderr.contains("Fatal error"), "\(name) crashed")
        let transcript = result.transcript(of: arguments.joined(separator: " "))
        try expectTranscript(transcript, matches: Self.directory.appendingPathComponent("\(name).expected"))
    }

    private func expectTranscript(_ actual: String, matches url: URL) throws {
        let record = ProcessInfo.processInfo.environment["RECORD_GOLDEN"] != nil
        if record || !FileManager.default.fileExists(atPath: url.path) {
            try actual.write(to: url, atomically: true, encoding: .utf8)
            Issue.record("Recorded \(url.lastPathComponent); re-run to compare.")
            return
        }
        #expect(actual == (try String(contentsOf: url, encoding: .utf8)), "\(url.lastPathComponent) differs")
    }
}

/// One store for the whole corpus, holding the Deployment `web` so updates (`error when patching`) are covered.
private final class SharedStore: Sendable {
    static let shared = Result { try SharedStore() }
    let path: String

    init() throws {
        let dir = try TemporaryDirectory()
        path = dir.path("store.db")
        try """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web, labels: {app: web}}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web, image: web:1}]}

            """.write(toFile: dir.path("web.yaml"), atomically: true, encoding: .utf8)
        let cli = try CLIRunner(store: path, workingDirectory: dir.url)
        _ = try cli.run(["images", "load", "web:1"], now: BadManifestTests.now)
        let applied = try cli.run(["apply", "-f", "web.yaml"], now: BadManifestTests.now)
        guard applied.exitCode == 0 else { throw SetupFailed(stderr: applied.stderr) }
    }

    func eventCount() throws -> Int {
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(10)
        return try DatabaseQueue(path: path, configuration: config).read { db in
            try Int.fetchOne(db, sql: "SELECT count(*) FROM events") ?? -1
        }
    }
}

private struct SetupFailed: Error {
    var stderr: String
}
