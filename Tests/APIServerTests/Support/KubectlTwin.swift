import Foundation
import Testing
import TestSupport

/// Two stores prepared alike: kubectl through `rollbook serve` on the first, `rollbook` itself on the second. Each
/// command must print the same stdout and stderr and exit the same on both; the transcript is kubectl's.
enum KubectlTwin {
    /// - Parameter prepare: Writes each store's files and runs its setup commands (called once per store).
    static func transcript(
        of commands: [[String]], now: String, prepare: (TemporaryDirectory, CLIRunner) throws -> Void,
        sourceLocation: SourceLocation = #_sourceLocation
    ) throws -> String {
        let served = try TemporaryDirectory(), local = try TemporaryDirectory()
        defer {
            served.remove()
            local.remove()
        }
        var clis: [CLIRunner] = []
        for dir in [served, local] {
            let cli = try CLIRunner(store: dir.path("store.db"), workingDirectory: dir.url)
            try prepare(dir, cli)
            clis.append(cli)
        }
        let server = try ServeProcess(
            binary: clis[0].binary, store: clis[0].store, arguments: ["--allow-anonymous"], now: now,
            directory: served.url)
        defer { server.stop() }
        let kubectl = try Kubectl(server: server.url, token: nil, directory: served.url)
        var transcript = ""
        for command in commands {
            var theirs = try kubectl.run(command)
            theirs.stderr = Transcripts.withoutKlog(theirs.stderr)
            let ours = try clis[1].run(command, now: now)
            let line = command.joined(separator: " ")
            #expect(ours.stdout == theirs.stdout, "stdout of \(line)", sourceLocation: sourceLocation)
            #expect(ours.stderr == theirs.stderr, "stderr of \(line)", sourceLocation: sourceLocation)
            #expect(ours.exitCode == theirs.exitCode, "exit code of \(line)", sourceLocation: sourceLocation)
            transcript += theirs.transcript(of: "kubectl " + line)
        }
        return transcript
    }
}
