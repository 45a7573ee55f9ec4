import ControlPlane
import Foundation

/// Plays the kubectl Deployment walkthrough against a fresh temporary store, printing each command and
/// its output, by running this same binary once per command.
struct Demo: RunnableCommand {
    static let spec = CommandSpec<Demo>(
        "demo", abstract: "Play the kubectl Deployment walkthrough on a fresh store.",
        options: [
            .option(\.store, "store", help: "Keep the store here instead of a temporary file."),
        ],
        make: Demo.init)

    var store: String?
    func run() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("rollbook-demo-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        try Walkthrough.manifest.write(to: directory.appendingPathComponent("serve-deployment.yaml"), atomically: true, encoding: .utf8)
        let storePath = store ?? directory.appendingPathComponent("store.db").path
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        for step in Walkthrough.steps {
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
