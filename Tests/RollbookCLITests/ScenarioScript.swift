import Foundation
import Testing
import TestSupport

/// A scripted CLI session: manifests written into a temp directory, then commands run through the built
/// binary at given offsets from a fixed start time; the whole transcript is compared with one golden file.
struct ScenarioScript {
    var files: [String: String]
    /// `(seconds after 2026-11-26T15:00:00Z, command line)`.
    var steps: [(Int, String)]
    /// Variables for every command; `$DIR` in a value is the session's directory, which the transcript names `$DIR`.
    var environment: [String: String] = [:]

    static func clock(_ offset: Int) -> String {
        let start = Date(timeIntervalSince1970: 1_795_705_200)  // 2026-11-26T15:00:00Z
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter.string(from: start.addingTimeInterval(TimeInterval(offset)))
    }

    /// Runs every step and returns the transcript (each command, its stdout, stderr and exit code).
    func run() throws -> String {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        for (name, text) in files {
            // A name with directories (`dir/sub/f.yaml`) gets them made first.
            let parent = (dir.path(name) as NSString).deletingLastPathComponent
            try FileManager.default.createDirectory(atPath: parent, withIntermediateDirectories: true)
            try text.write(toFile: dir.path(name), atomically: true, encoding: .utf8)
        }
        var cli = try CLIRunner(store: dir.path("store.db"), workingDirectory: dir.url)
        let root = dir.url.path + "/"
        cli.environment = environment.mapValues { $0.replacingOccurrences(of: "$DIR/", with: root) }
        var transcript = ""
        for (offset, command) in steps {
            let arguments = ScenarioScript.split(command)
            let result = try cli.run(arguments, now: ScenarioScript.clock(offset))
            transcript += "# t+\(offset)s\n" + result.transcript(of: command)
        }
        return environment.isEmpty ? transcript : transcript.replacingOccurrences(of: root, with: "$DIR/")
    }

    /// Splits on spaces, keeping quoted parts together as a shell does (without escapes): `annotate x 'k=a b'`,
    /// `get rs -o jsonpath="{'x'}"`.
    static func split(_ command: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        for character in command {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "'" || character == "\"" {
                quote = character
            } else if character == " " {
                if !current.isEmpty { parts.append(current) }
                current = ""
            } else {
                current.append(character)
            }
        }
        if !current.isEmpty { parts.append(current) }
        return parts
    }
}
