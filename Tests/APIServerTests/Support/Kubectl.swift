import Foundation
import TestSupport

/// The installed kubectl, run as a user would against a `rollbook serve`, with its own HOME (so nothing
/// touches ~/.kube) and a kubeconfig that names no cluster: the server and token come as flags.
struct Kubectl {
    /// `/usr/bin/kubectl`, else the first `kubectl` on PATH; nil when kubectl is not installed.
    static let path: String? = {
        let manager = FileManager.default
        var candidates = ["/usr/bin/kubectl"]
        for directory in (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":") {
            candidates.append("\(directory)/kubectl")
        }
        return candidates.first { manager.isExecutableFile(atPath: $0) }
    }()

    static var isInstalled: Bool { path != nil }

    var server: String
    var token: String?
    /// The CA file that signed the server's certificate, for `https://` servers.
    var certificateAuthority: String?
    let home: URL
    let workingDirectory: URL

    /// Prepares HOME and an empty kubeconfig under `directory`.
    init(server: String, token: String?, directory: URL, certificateAuthority: String? = nil) throws {
        self.server = server
        self.token = token
        self.certificateAuthority = certificateAuthority
        home = directory.appendingPathComponent("kube-home")
        workingDirectory = directory
        try FileManager.default.createDirectory(
            at: home.appendingPathComponent(".kube"), withIntermediateDirectories: true)
        try "apiVersion: v1\nkind: Config\nclusters: []\ncontexts: []\nusers: []\n"
            .write(to: home.appendingPathComponent(".kube/config"), atomically: true, encoding: .utf8)
    }

    var connectionFlags: [String] {
        ["--server=\(server)"] + (token.map { ["--token=\($0)"] } ?? [])
            + (certificateAuthority.map { ["--certificate-authority=\($0)"] } ?? [])
    }

    /// Runs `kubectl ARGS --server=… --token=…`, ending it after `timeout` seconds (exit code 124, as
    /// `timeout(1)` reports it).
    func run(_ arguments: [String], timeout: TimeInterval = 60) throws -> CommandResult {
        let process = try start(arguments)
        let deadline = Date().addingTimeInterval(timeout)
        var timedOut = false
        while process.process.isRunning {
            if Date() >= deadline {
                timedOut = true
                process.process.interrupt()
                break
            }
            Thread.sleep(forTimeInterval: 0.02)
        }
        var result = process.finish()
        if timedOut { result.exitCode = 124 }
        return result
    }

    /// Starts kubectl without waiting: for `get -w`, which runs until stopped.
    func start(_ arguments: [String]) throws -> Running {
        guard let path = Kubectl.path else { throw HarnessError("kubectl is not installed") }
        let running = try Running(directory: workingDirectory)
        let process = running.process
        process.executableURL = URL(fileURLWithPath: path)
        process.arguments = arguments + connectionFlags
        process.currentDirectoryURL = workingDirectory
        var environment = ProcessInfo.processInfo.environment
        environment["HOME"] = home.path
        environment["KUBECONFIG"] = home.appendingPathComponent(".kube/config").path
        environment["TZ"] = "UTC"
        process.environment = environment
        process.standardInput = FileHandle.nullDevice
        try process.run()
        return running
    }

    /// A kubectl process writing to files.
    final class Running {
        let process = Process()
        let stdout: URL
        let stderr: URL

        init(directory: URL) throws {
            let id = UUID().uuidString
            stdout = directory.appendingPathComponent("kubectl-\(id).out")
            stderr = directory.appendingPathComponent("kubectl-\(id).err")
            FileManager.default.createFile(atPath: stdout.path, contents: nil)
            FileManager.default.createFile(atPath: stderr.path, contents: nil)
            process.standardOutput = try FileHandle(forWritingTo: stdout)
            process.standardError = try FileHandle(forWritingTo: stderr)
        }

        /// What it printed so far.
        var output: String { (try? String(contentsOf: stdout, encoding: .utf8)) ?? "" }

        /// Interrupts it if still running (as Ctrl-C would), then collects its output.
        func finish() -> CommandResult {
            if process.isRunning { process.interrupt() }
            process.waitUntilExit()
            return CommandResult(
                stdout: output, stderr: (try? String(contentsOf: stderr, encoding: .utf8)) ?? "",
                exitCode: process.terminationStatus)
        }
    }
}
