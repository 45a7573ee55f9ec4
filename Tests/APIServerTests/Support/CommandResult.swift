/// What a command printed and how it ended.
struct CommandResult: Sendable, Equatable {
    var stdout: String
    var stderr: String
    var exitCode: Int32

    /// The transcript golden files hold: the command, its stdout, then stderr and exit code when present.
    func transcript(of command: String) -> String {
        var text = "$ \(command)\n\(stdout)"
        if !stderr.isEmpty { text += "--- stderr\n\(stderr)" }
        if exitCode != 0 { text += "--- exit \(exitCode)\n" }
        return text
    }
}

struct HarnessError: Error, CustomStringConvertible {
    var description: String

    init(_ description: String) { self.description = description }
}
