import Foundation
import GRDB
import Testing
import TestSupport

/// What kubectl prints when `rollbook serve` refuses: each transcript has a golden file, and where
/// `rollbook` has the same command, it must print the same.
@Suite(
    .serialized,
    .enabled(if: Kubectl.isInstalled, "kubectl is not installed (no /usr/bin/kubectl, none on PATH): skipping the kubectl error tests"),
    .enabled(if: TestCertificate.canCreate, "openssl is not installed: cannot make the HTTPS certificate kubectl needs to send tokens"))
struct KubectlErrorTests {
    static let now = "2026-11-26T15:00:00Z"

    static let badManifest = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: bad
        spec:
          replicas: -1
          selector:
            matchLabels:
              app: bad
          template:
            metadata:
              labels:
                app: other
            spec:
              containers:
                - name: bad
                  image: bad:1.0

        """

    static let unknownFieldManifest = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: typo
        spec:
          replicaz: 2
          selector:
            matchLabels:
              app: typo
          template:
            metadata:
              labels:
                app: typo
            spec:
              containers:
                - name: typo
                  image: typo:1.0

        """

    static let staleManifest = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          resourceVersion: "1"
        spec:
          replicas: 5
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
                - name: web
                  image: web:1.0

        """

    /// A served store with `web` (created by `rollbook`), a kubectl for it, and a `rollbook` on the same store.
    struct Fixture {
        let dir: TemporaryDirectory
        let cli: CLIRunner
        let server: ServeProcess
        let kubectl: Kubectl

        init(serveArguments: [String] = ["--allow-anonymous"], certificate: Bool = false, token: String? = nil) throws {
            dir = try TemporaryDirectory()
            try KubectlErrorTests.badManifest.write(toFile: dir.path("bad.yaml"), atomically: true, encoding: .utf8)
            try KubectlErrorTests.unknownFieldManifest.write(
                toFile: dir.path("typo.yaml"), atomically: true, encoding: .utf8)
            try KubectlErrorTests.staleManifest.write(toFile: dir.path("stale.yaml"), atomically: true, encoding: .utf8)
            try KubectlErrorTests.staleManifest.replacingOccurrences(of: "  resourceVersion: \"1\"\n", with: "")
                .write(toFile: dir.path("fresh.yaml"), atomically: true, encoding: .utf8)
            try "good-token,bob,1002\n".write(toFile: dir.path("tokens.csv"), atomically: true, encoding: .utf8)
            cli = try CLIRunner(store: dir.path("store.db"), workingDirectory: dir.url)
            _ = try cli.run(["images", "load", "web:1.0"], now: KubectlErrorTests.now)
            _ = try cli.run(["create", "deployment", "web", "--image=web:1.0", "--replicas=2"], now: KubectlErrorTests.now)
            let tls = certificate ? try TestCertificate(in: dir.url) : nil
            server = try ServeProcess(
                binary: cli.binary, store: cli.store, arguments: serveArguments + (tls?.serveArguments ?? []),
                now: KubectlErrorTests.now, directory: dir.url)
            kubectl = try Kubectl(
                server: server.url, token: token, directory: dir.url, certificateAuthority: tls?.certificate)
        }

        /// Runs `kubectl COMMAND`, checks its golden transcript, and returns it.
        @discardableResult
        func kubectl(_ command: [String], golden name: String, sourceLocation: SourceLocation = #_sourceLocation)
            throws -> CommandResult
        {
            var result = try kubectl.run(command)
            result.stderr = Transcripts.withoutKlog(result.stderr)
            try expectGolden(
                result.transcript(of: "kubectl " + command.joined(separator: " ")), named: "kubectl-errors/\(name).txt",
                sourceLocation: sourceLocation)
            return result
        }

        /// `kubectl COMMAND` and `rollbook COMMAND` print the same.
        func expectSameAsRollbook(_ command: [String], golden name: String, sourceLocation: SourceLocation = #_sourceLocation)
            throws
        {
            let served = try kubectl(command, golden: name, sourceLocation: sourceLocation)
            let local = try cli.run(command, now: KubectlErrorTests.now)
            #expect(served.stdout == local.stdout, sourceLocation: sourceLocation)
            #expect(served.stderr == local.stderr, sourceLocation: sourceLocation)
            #expect(served.exitCode == local.exitCode, sourceLocation: sourceLocation)
        }

        func stop() {
            server.stop()
            dir.remove()
        }
    }

    @Test func unknownResourceType() throws {
        let fixture = try Fixture()
        defer { fixture.stop() }
        let result = try fixture.kubectl(["get", "widgets"], golden: "unknown-resource")
        #expect(result.stderr == "error: the server doesn't have a resource type \"widgets\"\n")
        #expect(result.exitCode == 1)
    }

    @Test func missingObject() throws {
        let fixture = try Fixture()
        defer { fixture.stop() }
        try fixture.expectSameAsRollbook(["get", "deployment", "nope"], golden: "missing-get")
        try fixture.expectSameAsRollbook(["describe", "deployment/nope"], golden: "missing-describe")
        try fixture.expectSameAsRollbook(["get", "pods", "nope"], golden: "missing-pod")
        // kubectl then looks the namespace up; Rollbook's exist implicitly, so the error stays the object's.
        try fixture.expectSameAsRollbook(["get", "deployment", "nope", "-n", "other"], golden: "missing-get-other-namespace")
    }

    @Test func invalidObject() throws {
        let fixture = try Fixture()
        defer { fixture.stop() }
        try fixture.expectSameAsRollbook(["apply", "-f", "bad.yaml"], golden: "invalid-apply")
        try fixture.expectSameAsRollbook(["apply", "-f", "typo.yaml"], golden: "unknown-field-apply")
        try fixture.kubectl(
            ["patch", "deployment", "web", "--type=merge", "-p", #"{"spec":{"replicas":-3}}"#], golden: "invalid-patch")
    }

    @Test func staleResourceVersion() throws {
        let fixture = try Fixture()
        defer { fixture.stop() }
        let patch = try fixture.kubectl(
            ["patch", "deployment", "web", "--type=merge", "-p", #"{"metadata":{"resourceVersion":"1"},"spec":{"replicas":5}}"#],
            golden: "stale-patch")
        #expect(patch.exitCode == 1)
        #expect(patch.stderr.hasPrefix("Error from server (Conflict): Operation cannot be fulfilled on deployments.apps \"web\""))
        let scale = try fixture.kubectl(
            ["scale", "deployment/web", "--replicas=4", "--resource-version=1"], golden: "stale-scale")
        #expect(scale.exitCode == 1)
        let replace = try fixture.kubectl(["replace", "-f", "stale.yaml"], golden: "stale-replace")
        #expect(replace.exitCode == 1)
        let unchanged = try fixture.kubectl.run(["get", "deployment", "web"])
        #expect(unchanged.stdout.contains("web    2/2"), "nothing changed: \(unchanged.stdout)")
        let fresh = try fixture.kubectl(["replace", "-f", "fresh.yaml"], golden: "replace")
        #expect(fresh.stdout == "deployment.apps/web replaced\n")
    }

    /// ScaleREST.Update answers with the object its write stored: the write's resourceVersion, and the status the
    /// controllers had not yet changed.
    @Test func scaleSubresourceAnswersWithTheStoredWrite() throws {
        let fixture = try Fixture()
        defer { fixture.stop() }
        let fields = "-o=jsonpath={.metadata.resourceVersion} {.spec.replicas} {.status.replicas}"
        let answer = try fixture.kubectl.run(
            ["patch", "deployment", "web", "--subresource=scale", "--type=merge", "-p", #"{"spec":{"replicas":3}}"#, fields])
        #expect(answer.exitCode == 0, "\(answer.stderr)")
        let write = try fixture.cli.run(
            ["sql", "SELECT seq FROM events WHERE type = 'DeploymentScaled'", "-o", "json"],
            now: KubectlErrorTests.now)
        let sequence = write.stdout.filter(\.isNumber)
        #expect(!sequence.isEmpty && answer.stdout == "\(sequence) 3 2")
        let settled = try fixture.kubectl.run(["get", "deployment", "web", "-o=jsonpath={.status.replicas}"])
        #expect(settled.stdout == "3")
    }

    @Test func missingToken() throws {
        let fixture = try Fixture(serveArguments: ["--token-file", "tokens.csv"])
        defer { fixture.stop() }
        let result = try fixture.kubectl(["get", "deployments"], golden: "missing-token")
        #expect(result.exitCode == 1)
        #expect(result.stderr.hasPrefix("error: You must be logged in to the server ("), "\(result.stderr)")
    }

    @Test func wrongTokenOverHTTPS() throws {
        let fixture = try Fixture(serveArguments: ["--token-file", "tokens.csv"], certificate: true, token: "guess")
        defer { fixture.stop() }
        let result = try fixture.kubectl(["get", "deployments"], golden: "wrong-token")
        #expect(result.exitCode == 1)
        #expect(result.stderr.hasPrefix("error: You must be logged in to the server ("), "\(result.stderr)")
    }

    @Test func tokenUserIsTheActor() throws {
        let fixture = try Fixture(serveArguments: ["--token-file", "tokens.csv"], certificate: true, token: "good-token")
        defer { fixture.stop() }
        #expect(try fixture.kubectl.run(["scale", "deployment/web", "--replicas=3"]).stdout == "deployment.apps/web scaled\n")
        let history = try fixture.kubectl.run(["rollout", "restart", "deployment/web"])
        #expect(history.stdout == "deployment.apps/web restarted\n")
        let db = try DatabaseQueue(path: fixture.cli.store)
        let actors = try db.read { db in
            try Row.fetchAll(
                db, sql: "SELECT type, actor FROM events WHERE type IN ('DeploymentScaled', 'DeploymentRestarted') ORDER BY seq"
            ).map { "\($0["type"] as String) \($0["actor"] as String)" }
        }
        #expect(actors == ["DeploymentScaled bob", "DeploymentRestarted bob"])
    }
}
