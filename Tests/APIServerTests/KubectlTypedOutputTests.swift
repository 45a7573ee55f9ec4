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

    static let manifests = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, labels: {app: web}}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: "web:1.0"}]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api}
        spec:
          selector: {matchLabels: {app: api}}
          template:
            metadata: {labels: {app: api}}
            spec:
              containers: [{name: api, image: "web:1.0"}]

        """

    // apply.go prints the visited objects once at the end: one alone, several in a v1 List; a create or patch as
    // the server answered it, a client dry run as it read or would send it.
    @Test func applyPrintsWhatTheServerAnswered() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try Self.manifests.write(toFile: dir.path("both.yaml"), atomically: true, encoding: .utf8)
        let web = String(Self.manifests.split(separator: "---\n")[0])
        try web.write(toFile: dir.path("web.yaml"), atomically: true, encoding: .utf8)
        try web.replacingOccurrences(of: "replicas: 2", with: "replicas: 5")
            .write(toFile: dir.path("web5.yaml"), atomically: true, encoding: .utf8)
        let served = try CLIRunner(store: dir.path("served.db"), workingDirectory: dir.url)
        let local = try CLIRunner(store: dir.path("local.db"), workingDirectory: dir.url)
        for cli in [served, local] { _ = try cli.run(["images", "load", "web:1.0"], now: Self.now) }
        let server = try ServeProcess(
            binary: served.binary, store: served.store, arguments: ["--allow-anonymous"], now: Self.now,
            directory: dir.url)
        defer { server.stop() }
        let kubectl = try Kubectl(server: server.url, token: nil, directory: dir.url)
        let commands: [[String]] = [
            ["apply", "-f", "web.yaml", "--dry-run=client", "-o", "json"],
            ["apply", "-f", "web.yaml", "-o", "yaml"],
            ["apply", "-f", "web5.yaml", "--dry-run=client", "-o", "yaml"],
            ["apply", "-f", "web5.yaml", "-o", "jsonpath={.metadata.generation} {.spec.replicas} {.status.replicas}"],
            ["apply", "-f", "both.yaml", "-o", "json"],
            ["apply", "-f", "both.yaml", "-o", "go-template={{range .items}}{{.metadata.name}} {{end}}"],
        ]
        var printed: [String] = []
        for command in commands {
            let viaServe = try kubectl.run(command)
            let direct = try local.run(command, now: Self.now)
            #expect(viaServe.stdout == direct.stdout, "\(command)")
            #expect(viaServe.exitCode == direct.exitCode, "\(command)")
            printed.append(direct.stdout)
        }
        // The patch's answer: the new spec and generation, the status the controller has not yet updated.
        #expect(printed[3] == "2 5 2")
        #expect(printed[5] == "web api ")
    }

    // The other writing verbs: each prints what its kubectl source hands the printer. scale the object it read
    // before scaling, rollout undo the one it read before rolling back, pause/resume/restart, annotate and patch
    // what the server answered; annotate takes several names and reports the missing ones after the others.
    @Test func writingVerbsPrintWhatKubectlPrints() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try Self.manifests.write(toFile: dir.path("both.yaml"), atomically: true, encoding: .utf8)
        let served = try CLIRunner(store: dir.path("served.db"), workingDirectory: dir.url)
        let local = try CLIRunner(store: dir.path("local.db"), workingDirectory: dir.url)
        for cli in [served, local] {
            _ = try cli.run(["images", "load", "web:1.0", "web:2.0"], now: Self.now)
            _ = try cli.run(["apply", "-f", "both.yaml"], now: Self.now)
            _ = try cli.run(["set", "image", "deployment/web", "web=web:2.0"], now: Self.now)
        }
        let server = try ServeProcess(
            binary: served.binary, store: served.store, arguments: ["--allow-anonymous"], now: Self.now,
            directory: dir.url)
        defer { server.stop() }
        let kubectl = try Kubectl(server: server.url, token: nil, directory: dir.url)
        let commands: [[String]] = [
            ["scale", "deployment/web", "deployment/api", "--replicas=3", "-o", "yaml"],
            ["scale", "deployment/web", "--replicas=4", "-o", "jsonpath={.spec.replicas}"],
            ["rollout", "pause", "deployment/web", "-o", "json"],
            ["rollout", "resume", "deployment/web", "deployment/api", "-o", "name"],
            ["rollout", "undo", "deployment/web", "-o", "jsonpath={.spec.template.spec.containers[0].image}"],
            ["annotate", "deployment", "web", "nope", "api", "team=a", "-o", "yaml"],
            ["annotate", "deployment", "team=b"],
            ["patch", "deployment/api", "-p", #"{"spec":{"minReadySeconds":3}}"#, "-o", "json"],
        ]
        var printed: [String] = []
        for command in commands {
            var viaServe = try kubectl.run(command)
            viaServe.stderr = Transcripts.withoutKlog(viaServe.stderr)
            let direct = try local.run(command, now: Self.now)
            #expect(viaServe.stdout == direct.stdout, "\(command)")
            #expect(viaServe.stderr == direct.stderr, "\(command)")
            #expect(viaServe.exitCode == direct.exitCode, "\(command)")
            printed.append(direct.stdout)
        }
        #expect(printed[1] == "3", "scale prints the object as it read it, before scaling")
        #expect(printed[4] == "web:2.0", "undo prints the object as it read it, before rolling back")
    }
}
