import Foundation
import Store
import Testing
import TestSupport

/// The kubectl Deployment walkthrough of the core issue, run through the built binary with a fixed clock
/// (ten simulated seconds between commands), every output compared with its golden transcript.
@Suite(.serialized)
struct WalkthroughTests {
    static let manifest = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: serve-deployment
          labels:
            app: auto-serve
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: auto-serve
          template:
            metadata:
              labels:
                app: auto-serve
            spec:
              containers:
                - name: auto-serve
                  image: auto-serve:latest
                  imagePullPolicy: Never
                  ports:
                    - containerPort: 8082

        """

    static let steps = [
        "images load auto-serve:latest auto-serve:1.1.1 auto-serve:2.2.2",
        "apply -f serve-deployment.yaml",
        "get deployment/serve-deployment",
        "describe deployment/serve-deployment",
        "rollout status deployment/serve-deployment",
        "get rs",
        "get pods",
        "set image deployment/serve-deployment auto-serve=auto-serve:1.1.1",
        "describe deployment/serve-deployment",
        "set image deployment/serve-deployment auto-serve=auto-serve:2.2.2",
        "rollout history deployment/serve-deployment",
        "rollout history deployment/serve-deployment --revision=2",
        "rollout undo deployment/serve-deployment",
        "rollout undo deployment/serve-deployment --to-revision=1",
        "scale deployment/serve-deployment --replicas=3",
        "get rs",
        "get pods",
        "rollout pause deployment/serve-deployment",
        "describe deployment/serve-deployment",
        "set image deployment/serve-deployment auto-serve=auto-serve:1.1.1",
        "get pods",
        "rollout resume deployment/serve-deployment",
        "get rs -o wide",
        "get pods -o wide",
        "delete -f serve-deployment.yaml",
    ]

    /// `2026-11-26T15:00:00Z` plus ten seconds per step.
    static func clock(_ step: Int) -> String {
        let minute = (step * 10) / 60, second = (step * 10) % 60
        return String(format: "2026-11-26T15:%02d:%02dZ", minute, second)
    }

    @Test func walkthroughMatchesKubectlAndReplaysIdentically() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try WalkthroughTests.manifest.write(toFile: dir.path("serve-deployment.yaml"), atomically: true, encoding: .utf8)
        let cli = try CLIRunner(store: dir.path("store.db"), workingDirectory: dir.url)
        for (index, step) in WalkthroughTests.steps.enumerated() {
            if index == WalkthroughTests.steps.count - 1 { try expectReplayIsIdentical(dir.path("store.db")) }
            let result = try cli.run(step.split(separator: " ").map(String.init), now: WalkthroughTests.clock(index))
            let name = String(format: "walkthrough/%02d-%@.txt", index + 1, WalkthroughTests.slug(step))
            try expectGolden(result.transcript(of: step), named: name)
        }
        let live = try expectReplayIsIdentical(dir.path("store.db"))
        #expect(live.contains("== deployments\n== images"), "the Deployment is gone after delete")
    }

    /// `rollout history deployment/x --revision=2` → `rollout-history-deployment-x-revision-2`.
    static func slug(_ step: String) -> String {
        let kept = step.map { $0.isLetter || $0.isNumber || $0 == "." ? $0 : "-" }
        return String(kept).split(separator: "-", omittingEmptySubsequences: true).joined(separator: "-")
    }

    /// Rebuilds every projection from the log and checks the tables are byte-identical to the live ones.
    @discardableResult
    func expectReplayIsIdentical(_ path: String) throws -> String {
        let store = try SQLiteStore(path: path)
        let live = try store.projectionDump()
        try store.replay()
        #expect(try store.projectionDump() == live)
        return live
    }
}
