import Foundation
import GRDB
import RollbookCLI
import Testing
import TestSupport

/// The core walkthrough, driven by the installed kubectl against `rollbook serve`, step by step beside
/// the same steps run by `rollbook` on a second store.
///
/// Each kubectl step gets a fresh `rollbook serve` (HTTPS, token authentication) with `ROLLBOOK_NOW` at
/// that step's time, so both stores live through the same clock: ten simulated seconds per step. Every
/// kubectl transcript is compared with its golden file and with what `rollbook` printed. The one allowed
/// difference, the ages `kubectl describe` computes from its own clock, is documented in
/// ``Transcripts/withoutEventAges(_:)``. `images load` has no kubectl verb: both stores get it from `rollbook`.
@Suite(
    .serialized,
    .enabled(if: Kubectl.isInstalled, "kubectl is not installed (no /usr/bin/kubectl, none on PATH): skipping the kubectl end-to-end tests"),
    .enabled(if: TestCertificate.canCreate, "openssl is not installed: cannot make the HTTPS certificate kubectl needs to send tokens"))
struct KubectlWalkthroughTests {
    static let token = "walkthrough-token"

    /// The core walkthrough, then the other verbs and formats the issue names, before the final delete.
    static let steps: [String] = {
        var steps = Walkthrough.steps
        let delete = steps.removeLast()
        steps += [
            "get deployment serve-deployment -o yaml",
            "get deployments -o json",
            "get deployments -o name",
            "get rs -o name",
            "get deployments -A",
            "annotate deployment/serve-deployment team=core",
            "apply -f serve-deployment.yaml",
            "apply -f serve-deployment.yaml",
            "rollout status deployment/serve-deployment",
            "rollout history deployment/serve-deployment",
            "get rs -o wide",
            "describe deployment/serve-deployment",
            delete,
            "get deployments",
            "get pods",
        ]
        return steps
    }()

    /// `2026-11-26T15:00:00Z` plus ten seconds per step, as in the CLI walkthrough.
    static func clock(_ step: Int) -> String {
        let minute = (step * 10) / 60, second = (step * 10) % 60
        return String(format: "2026-11-26T15:%02d:%02dZ", minute, second)
    }

    @Test func walkthroughThroughKubectlPrintsWhatRollbookPrints() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try Walkthrough.manifest.write(toFile: dir.path("serve-deployment.yaml"), atomically: true, encoding: .utf8)
        try "\(KubectlWalkthroughTests.token),alice,1001,\"developers,ops\"\n"
            .write(toFile: dir.path("tokens.csv"), atomically: true, encoding: .utf8)
        let certificate = try TestCertificate(in: dir.url)
        let served = try CLIRunner(store: dir.path("served.db"), workingDirectory: dir.url)
        let local = try CLIRunner(store: dir.path("local.db"), workingDirectory: dir.url)
        for (index, step) in KubectlWalkthroughTests.steps.enumerated() {
            let now = KubectlWalkthroughTests.clock(index)
            let arguments = step.split(separator: " ").map(String.init)
            let expected = try local.run(arguments, now: now)
            let actual: CommandResult
            if step.hasPrefix("images ") {
                let result = try served.run(arguments, now: now)
                actual = CommandResult(stdout: result.stdout, stderr: result.stderr, exitCode: result.exitCode)
            } else {
                let server = try ServeProcess(
                    binary: served.binary, store: served.store,
                    arguments: ["--token-file", dir.path("tokens.csv")] + certificate.serveArguments, now: now,
                    directory: dir.url)
                defer { server.stop() }
                let kubectl = try Kubectl(
                    server: server.url, token: KubectlWalkthroughTests.token, directory: dir.url,
                    certificateAuthority: certificate.certificate)
                actual = try kubectl.run(arguments)
            }
            let name = String(format: "kubectl-walkthrough/%02d-%@.txt", index + 1, KubectlWalkthroughTests.slug(step))
            try expectGolden(Transcripts.withoutEventAges(actual.transcript(of: "kubectl \(step)")), named: name)
            #expect(
                Transcripts.withoutEventAges(actual.stdout) == Transcripts.withoutEventAges(expected.stdout),
                "stdout of `kubectl \(step)` differs from `rollbook \(step)`")
            #expect(actual.stderr == expected.stderr, "stderr of `kubectl \(step)` differs from `rollbook \(step)`")
            #expect(actual.exitCode == expected.exitCode, "exit code of `kubectl \(step)`")
        }
        try expectRequestsRecordedAs("alice", store: served.store)
    }

    /// Every command the server ran on the walkthrough's behalf names the token's user as actor, on the
    /// command and on the events it appended.
    func expectRequestsRecordedAs(_ user: String, store: String) throws {
        let db = try DatabaseQueue(path: store)
        let actors = try db.read { db in
            try String.fetchAll(
                db, sql: "SELECT DISTINCT actor FROM commands WHERE json_extract(argv, '$[0]') IN ('POST', 'PATCH', 'DELETE')")
        }
        #expect(actors == [user])
        let mutations = try db.read { db in
            try String.fetchAll(
                db, sql: """
                    SELECT e.type FROM events e JOIN commands c ON e.command_id = c.command_id
                    WHERE e.actor = ? AND json_extract(c.argv, '$[0]') IN ('POST', 'PATCH', 'DELETE') ORDER BY e.seq
                    """, arguments: [user])
        }
        #expect(mutations == [
            "DeploymentCreated", "DeploymentImageSet", "DeploymentImageSet", "DeploymentRolledBack",
            "DeploymentRolledBack", "DeploymentScaled", "DeploymentPaused", "DeploymentImageSet", "DeploymentResumed",
            "DeploymentAnnotated", "DeploymentConfigured", "DeploymentDeleted",
        ])
    }

    /// `rollout history deployment/x --revision=2` → `rollout-history-deployment-x-revision-2`.
    static func slug(_ step: String) -> String {
        let kept = step.map { $0.isLetter || $0.isNumber || $0 == "." ? $0 : "-" }
        return String(kept).split(separator: "-", omittingEmptySubsequences: true).joined(separator: "-")
    }
}
