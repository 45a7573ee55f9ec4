import Foundation
import KubeModel

/// kubectl's `editor.NewDefaultEditor(["KUBE_EDITOR", "EDITOR"])` (pkg/cmd/util/editor): the first of those
/// variables that is set, else `vi`; an editor with spaces is split on them, or run by `$SHELL -c` (bash when unset)
/// when it quotes or escapes.
struct Editor {
    var arguments: [String]
    var shell: Bool

    init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        let editor = ["KUBE_EDITOR", "EDITOR"].lazy.compactMap { environment[$0] }.first { !$0.isEmpty } ?? "vi"
        if !editor.contains(" ") {
            (arguments, shell) = ([editor], false)
        } else if !editor.contains(where: { "\"'\\".contains($0) }) {
            (arguments, shell) = (editor.split(separator: " ", omittingEmptySubsequences: false).map(String.init), false)
        } else {
            let shellPath = environment["SHELL"].flatMap { $0.isEmpty ? nil : $0 } ?? "/bin/bash"
            (arguments, shell) = ([shellPath, "-c", editor], true)
        }
    }

    /// Writes `text` to a new temporary file (`PREFIX*SUFFIX` in `$TMPDIR`), opens it in the editor, and returns what
    /// the editor left there, with the file's path. A failed launch still returns the path, for the error to name.
    func edit(_ text: String, prefix: String, suffix: String) -> (text: String?, path: String, error: String?) {
        let path = Self.newFile(prefix: prefix, suffix: suffix, contents: text)
        if let error = launch(path) { return (nil, path, error) }
        let data = FileManager.default.contents(atPath: path) ?? Data()
        return (String(decoding: data, as: UTF8.self), path, nil)
    }

    /// `Editor.Launch`: the editor in the foreground on this terminal; a missing program or a failing run is an error.
    private func launch(_ path: String) -> String? {
        var command = arguments
        if shell {
            command[command.count - 1] += " " + goQuoted(path)
        } else {
            command.append(path)
        }
        let shown = arguments.joined(separator: " ")
        // exec.ErrNotFound only comes from a PATH lookup; a path that does not run is "a problem with the editor".
        guard let executable = Self.find(command[0]) else {
            let problem = command[0].contains("/") ? "there was a problem with" : "unable to launch"
            return "\(problem) the editor \(goQuoted(shown))"
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = Array(command.dropFirst())
        do {
            try process.run()
            process.waitUntilExit()
        } catch {
            return "unable to launch the editor \(goQuoted(shown))"
        }
        return process.terminationStatus == 0 ? nil : "there was a problem with the editor \(goQuoted(shown))"
    }

    /// `exec.LookPath`: a name with a slash as it is, else the first executable of that name on `$PATH`.
    private static func find(_ name: String) -> String? {
        let manager = FileManager.default
        if name.contains("/") { return manager.isExecutableFile(atPath: name) ? name : nil }
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { manager.isExecutableFile(atPath: $0) }
    }

    /// `os.CreateTemp`: a name not yet taken (`O_EXCL`). The digits come from the text (FNV-1a) rather than a random
    /// source, so a session's files are the same on every run.
    private static func newFile(prefix: String, suffix: String, contents: String) -> String {
        var hash: UInt32 = 2_166_136_261
        for byte in contents.utf8 { hash = (hash ^ UInt32(byte)) &* 16_777_619 }
        let directory = NSTemporaryDirectory()
        while true {
            let path = (directory as NSString).appendingPathComponent("\(prefix)\(hash)\(suffix)")
            let descriptor = open(path, O_CREAT | O_EXCL | O_WRONLY, 0o600)
            if descriptor >= 0 {
                let handle = FileHandle(fileDescriptor: descriptor, closeOnDealloc: true)
                handle.write(Data(contents.utf8))
                return path
            }
            guard errno == EEXIST else { return path }
            hash &+= 1
        }
    }
}
