import Foundation
import Testing
import TestSupport

/// `rewind` brings spec, replicas, paused state and annotations back by appending events, and can itself
/// be rewound: there and back again, with nothing erased.
struct RewindTests {
    @Test func namespaceRoundTrip() throws {
        var session = try TimeTravelSession()
        defer { session.remove() }
        try session.mutate("images load app:1 app:2 app:3")
        try session.mutate("apply -f web.yaml")
        try session.mutate("apply -f api.yaml")
        try session.mutate("set image deployment/web web=app:2")
        try session.mutate("scale deployment/web --replicas=3")
        try session.mutate("annotate deployment/web team=blue")
        let then = try session.head()
        let thenRS = try session.run("get rs")
        try session.mutate("set image deployment/web web=app:3")
        try session.mutate("rollout pause deployment/web")
        try session.mutate("scale deployment/web --replicas=5")
        try session.mutate("annotate deployment/web team=red --overwrite")
        try session.mutate("delete deployment api")
        try session.mutate("apply -f extra.yaml")
        let before = try session.head()
        let beforeState = try session.run("get deployments -o yaml")

        var transcript = ""
        let dryRun = "rewind --all-deployments --to \(then) --dry-run"
        transcript += try session.run(dryRun).transcript(of: dryRun)
        #expect(try session.head() == before, "--dry-run appends nothing")

        let rewind = "rewind --all-deployments --to \(then)"
        transcript += try session.mutate(rewind).transcript(of: rewind)
        transcript += try session.run(dryRun).transcript(of: dryRun)
        let get = "get deployments"
        transcript += try session.run(get).transcript(of: get)
        try expectGolden(transcript, named: "timetravel/rewind.txt")

        // The ReplicaSets of then serve again as they did (only ages moved on); later ones stay, scaled to 0.
        func withoutAges(_ text: String) -> [String] {
            text.replacingOccurrences(of: #"\d+s\n"#, with: "\n", options: .regularExpression)
                .split(separator: "\n").map(String.init)
        }
        let now = withoutAges(try session.run("get rs").stdout)
        for line in withoutAges(thenRS.stdout) { #expect(now.contains(line)) }
        let history = try session.run("rollout history deployment/web --all")
        #expect(history.stdout.contains("rewind"), "the rewind is in the history, not instead of it")

        // And back: rewinding to just before the rewind restores the later state.
        try session.mutate("rewind --all-deployments --to \(before)")
        let back = try session.run("rewind --all-deployments --to \(before) --dry-run")
        #expect(back.stdout == """
            deployment.apps/extra unchanged (dry run)
            deployment.apps/web unchanged (dry run)

            """)
        #expect(try session.run("get deployments -o yaml").stdout.strippingServerFields
            == beforeState.stdout.strippingServerFields)
        #expect(try session.head() > before)
    }

    @Test func singleDeploymentAndErrors() throws {
        var session = try TimeTravelSession()
        defer { session.remove() }
        try session.mutate("images load app:1 app:2")
        try session.mutate("apply -f web.yaml")
        let then = session.now
        try session.mutate("set image deployment/web web=app:2")
        try session.mutate("rewind deployment/web --to \(then)")
        #expect(try session.run("get deployment/web -o wide").stdout.contains("app:1"))
        let unchanged = try session.run("rewind deployment/web --to \(then)")
        #expect(unchanged.stdout == "deployment.apps/web unchanged\n")
        let missing = try session.run("rewind deployment/nope --to \(then)")
        #expect(missing.stderr == "Error from server (NotFound): deployments.apps \"nope\" not found\n")
        let usage = try session.run("rewind --to \(then)")
        #expect(usage.exitCode == 1)
        #expect(usage.stderr == "error: name the Deployments to rewind (deployment/NAME), or pass --all-deployments\n"
            + "See 'rollbook rewind -h' for help and examples\n")
    }
}

extension String {
    /// `get -o yaml` output with what a rewind does not restore left out: each object's status and the fields
    /// the server sets anew on every write or re-creation.
    var strippingServerFields: String {
        var kept: [Substring] = []
        var inStatus = false
        for line in split(separator: "\n") {
            if inStatus && line.hasPrefix("    ") { continue }
            inStatus = line == "  status:"
            if inStatus { continue }
            let key = line.trimmingCharacters(in: .whitespaces)
            let serverSet = ["uid:", "resourceVersion:", "creationTimestamp:", "generation:",
                             "deployment.kubernetes.io/revision:"]
            if serverSet.contains(where: key.hasPrefix) { continue }
            kept.append(line)
        }
        return kept.joined(separator: "\n")
    }
}
