import ArgumentParser
import ControlPlane
import Foundation

/// Plays the kubectl Deployment walkthrough against a fresh temporary store, printing each command and
/// its output, by running this same binary once per command.
struct Demo: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Play the kubectl Deployment walkthrough on a fresh store.")

    @Option(help: "Keep the store here instead of a temporary file.") var store: String?

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

    /// The walkthrough from the core issue, in order.
    static let steps: [String] = [
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

    func run() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rollbook-demo-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Demo.manifest.write(to: directory.appendingPathComponent("serve-deployment.yaml"), atomically: true, encoding: .utf8)
        let storePath = store ?? directory.appendingPathComponent("store.db").path
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        for step in Demo.steps {
            Output.out("$ rollbook \(step)\n")
            let process = Process()
            process.executableURL = executable
            process.arguments = step.split(separator: " ").map(String.init) + ["--store", storePath]
            process.currentDirectoryURL = directory
            try process.run()
            process.waitUntilExit()
            Output.out("\n")
        }
        Output.out("The store with the whole history: \(store ?? "(temporary, removed)")\n")
    }
}
