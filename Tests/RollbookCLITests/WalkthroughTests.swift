import Foundation
import RollbookCLI
import Store
import Testing
import TestSupport

/// The kubectl Deployment walkthrough of the core issue, run through the built binary with a fixed clock
/// (ten simulated seconds between commands), every output compared with its golden transcript.
@Suite(.serialized)
struct WalkthroughTests {
    static let manifest = Walkthrough.manifest
    static let steps = Walkthrough.steps

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
