import Foundation
import Testing
import TestSupport

/// Watches against a server whose simulated time follows the system clock (`ROLLBOOK_NOW` unset): images
/// that take two seconds to start make every rollout take real time, which kubectl follows through watch
/// streams resumed from the resourceVersion of its list.
@Suite(
    .serialized,
    .enabled(if: Kubectl.isInstalled, "kubectl is not installed (no /usr/bin/kubectl, none on PATH): skipping the kubectl watch tests"))
struct KubectlWatchTests {
    static let manifest = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: slow
          labels:
            app: slow
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: slow
          template:
            metadata:
              labels:
                app: slow
            spec:
              containers:
                - name: slow
                  image: slow:1.0
                  imagePullPolicy: Never

        """

    @Test func rolloutStatusAndGetWatchFollowARolloutThatTakesTime() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try KubectlWatchTests.manifest.write(toFile: dir.path("slow.yaml"), atomically: true, encoding: .utf8)
        let cli = try CLIRunner(store: dir.path("store.db"), workingDirectory: dir.url)
        let load = try cli.run(["images", "load", "slow:1.0", "slow:2.0", "--startup", "4s"], now: "")
        #expect(load.exitCode == 0, "\(load.stderr)")
        let server = try ServeProcess(
            binary: cli.binary, store: cli.store, arguments: ["--allow-anonymous"], now: nil, directory: dir.url)
        defer { server.stop() }
        let kubectl = try Kubectl(server: server.url, token: nil, directory: dir.url)

        #expect(try kubectl.run(["apply", "-f", "slow.yaml"]).stdout == "deployment.apps/slow created\n")
        let first = try kubectl.run(["rollout", "status", "deployment/slow", "--timeout=60s"])
        #expect(first.exitCode == 0, "\(first.stderr)")
        #expect(first.stderr.isEmpty, "a failing watch makes kubectl log reflector errors: \(first.stderr)")
        let firstLines = first.stdout.split(separator: "\n").map(String.init)
        #expect(firstLines.first?.hasPrefix("Waiting for deployment \"slow\" rollout to finish: ") == true,
                "the pods take 4s to start, so rollout status waits: \(first.stdout)")
        #expect(firstLines.last == "deployment \"slow\" successfully rolled out")

        let watch = try kubectl.start(["get", "deployments", "-w"])
        defer { _ = watch.finish() }
        try waitUntil("get -w printed its first row", timeout: 20) { watch.output.split(separator: "\n").count >= 2 }
        #expect(try kubectl.run(["set", "image", "deployment/slow", "slow=slow:2.0"]).stdout
                == "deployment.apps/slow image updated\n")
        let second = try kubectl.run(["rollout", "status", "deployment/slow", "--timeout=60s"])
        #expect(second.exitCode == 0, "\(second.stderr)")
        #expect(second.stderr.isEmpty, "\(second.stderr)")
        let secondLines = second.stdout.split(separator: "\n").map(String.init)
        #expect(secondLines.count >= 2, "a rollout of slow pods is followed step by step: \(second.stdout)")
        #expect(secondLines.last == "deployment \"slow\" successfully rolled out")
        try waitUntil("get -w saw the rollout end", timeout: 20) {
            KubectlWatchTests.rows(watch.output).last?.starts(with: ["slow", "2/2", "2", "2"]) == true
                && KubectlWatchTests.rows(watch.output).count >= 4
        }
        let result = watch.finish()
        let rows = KubectlWatchTests.rows(result.stdout)
        #expect(result.stdout.hasPrefix("NAME   READY   UP-TO-DATE   AVAILABLE   AGE\n"), "\(result.stdout)")
        #expect(rows.first?.starts(with: ["slow", "2/2", "2", "2"]) == true, "the listed state: \(result.stdout)")
        #expect(rows.contains { $0.count > 2 && $0[2] != "2" }, "an intermediate state with old pods: \(result.stdout)")
        #expect(result.stderr.isEmpty, "\(result.stderr)")
    }

    /// The cells of each row after the header.
    static func rows(_ output: String) -> [[String]] {
        output.split(separator: "\n").dropFirst().map { $0.split(separator: " ").map(String.init) }
    }

    func waitUntil(_ what: String, timeout: TimeInterval, _ condition: () -> Bool) throws {
        let deadline = Date().addingTimeInterval(timeout)
        while !condition() {
            guard Date() < deadline else { throw HarnessError("timed out waiting until \(what)") }
            Thread.sleep(forTimeInterval: 0.1)
        }
    }
}
