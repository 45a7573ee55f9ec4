import Foundation
import Testing
import TestSupport

/// kubectl's typed printers over what `rollbook serve` answers, beside `rollbook` on a twin store: the PATCH of
/// `set image` answers with the object before any controller acted, and `rollout history -o` prints ReplicaSets in
/// Go's field order, as Rollbook's own `-o` does.
@Suite(
    .serialized,
    .enabled(if: Kubectl.isInstalled, "kubectl is not installed (no /usr/bin/kubectl, none on PATH): skipping the kubectl end-to-end tests"))
struct KubectlTypedOutputTests {
    static let now = "2026-11-26T15:00:00Z"

    @Test func setImageAndHistoryPrintAsRollbookPrints() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let served = try CLIRunner(store: dir.path("served.db"), workingDirectory: dir.url)
        let local = try CLIRunner(store: dir.path("local.db"), workingDirectory: dir.url)
        for cli in [served, local] {
            _ = try cli.run(["images", "load", "web:1.0", "web:2.0", "web:3.0"], now: Self.now)
            _ = try cli.run(["create", "deployment", "web", "--image=web:1.0", "--replicas=2"], now: Self.now)
        }
        let server = try ServeProcess(
            binary: served.binary, store: served.store, arguments: ["--allow-anonymous"], now: Self.now,
            directory: dir.url)
        defer { server.stop() }
        let kubectl = try Kubectl(server: server.url, token: nil, directory: dir.url)
        let commands: [[String]] = [
            ["set", "image", "deployment/web", "web=web:2.0", "-o", "json"],
            ["set", "image", "deployment/web", "web=web:3.0", "--dry-run=client", "-o", "yaml"],
            ["set", "image", "deployment/web", "web=web:2.0", "-o", "json"],
            ["rollout", "history", "deployment/web", "-o", "json"],
            ["rollout", "history", "deployment/web", "-o", "yaml", "--revision=1"],
        ]
        for command in commands {
            let viaServe = try kubectl.run(command)
            let direct = try local.run(command, now: Self.now)
            #expect(viaServe.stdout == direct.stdout, "\(command)")
            #expect(viaServe.exitCode == direct.exitCode, "\(command)")
        }
        // The PATCH answer is the patched object: generation 2, but the controller's revision is still 1.
        let answer = try kubectl.run(["set", "image", "deployment/web", "web=web:3.0", "-o", "jsonpath={.metadata.generation} {.metadata.annotations.deployment\\.kubernetes\\.io/revision} {.status.observedGeneration}"])
        #expect(answer.stdout == "3 2 2")
    }
}
