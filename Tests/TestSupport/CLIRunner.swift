import Foundation

/// Runs the built `rollbook` binary, as a user would, against one store with a controllable clock.
public struct CLIRunner: Sendable {
    public struct Result: Sendable, Equatable {
        public var stdout: String
        public var stderr: String
        public var exitCode: Int32

        /// The transcript golden files hold: the command, its stdout, then stderr and exit code when present.
        public func transcript(of command: String) -> String {
            var text = "$ rollbook \(command)\n\(stdout)"
            if !stderr.isEmpty { text += "--- stderr\n\(stderr)" }
            if exitCode != 0 { text += "--- exit \(exitCode)\n" }
            return text
        }
    }

    public let binary: URL
    public let store: String
    public let workingDirectory: URL
    public var environment: [String: String] = [:]

    public init(store: String, workingDirectory: URL, filePath: String = #filePath) throws {
        self.binary = try CLIRunner.locateBinary(filePath: filePath)
        self.store = store
        self.workingDirectory = workingDirectory
    }

    /// Runs `rollbook ARGS --store STORE` with `ROLLBOOK_NOW=now` (`--store` goes before a `--`, after
    /// which everything is a container command).
    public func run(_ arguments: [String], now: String, stdin: String? = nil) throws -> Result {
        let process = Process()
        process.executableURL = binary
        let terminator = arguments.firstIndex(of: "--") ?? arguments.endIndex
        process.arguments = arguments[..<terminator] + ["--store", store] + arguments[terminator...]
        process.currentDirectoryURL = workingDirectory
        var env = ProcessInfo.processInfo.environment
        env["ROLLBOOK_NOW"] = now
        env["ROLLBOOK_ACTOR"] = "tester"
        env["TZ"] = "UTC"
        for (key, value) in environment { env[key] = value }
        process.environment = env
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(Data(stdin.utf8)) }
        try input.fileHandleForWriting.close()
        let stdoutData = out.fileHandleForReading.readDataToEndOfFile()
        let stderrData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Result(
            stdout: String(decoding: stdoutData, as: UTF8.self), stderr: String(decoding: stderrData, as: UTF8.self),
            exitCode: process.terminationStatus)
    }

    /// `ROLLBOOK_BINARY`, else `rollbook` beside the test runner, else `.build/debug/rollbook` of the package.
    static func locateBinary(filePath: String) throws -> URL {
        let manager = FileManager.default
        if let explicit = ProcessInfo.processInfo.environment["ROLLBOOK_BINARY"] { return URL(fileURLWithPath: explicit) }
        var candidates: [URL] = []
        let runner = URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath()
        var directory = runner.deletingLastPathComponent()
        for _ in 0..<4 {
            candidates.append(directory.appendingPathComponent("rollbook"))
            directory = directory.deletingLastPathComponent()
        }
        var root = URL(fileURLWithPath: filePath).deletingLastPathComponent()
        while root.path != "/" && !manager.fileExists(atPath: root.appendingPathComponent("Package.swift").path) {
            root = root.deletingLastPathComponent()
        }
        candidates.append(root.appendingPathComponent(".build/debug/rollbook"))
        guard let found = candidates.first(where: { manager.isExecutableFile(atPath: $0.path) }) else {
            throw CLIRunnerError(description: "rollbook binary not found; build it first (looked in \(candidates.map(\.path)))")
        }
        return found
    }
}

public struct CLIRunnerError: Error, CustomStringConvertible {
    public var description: String
}
