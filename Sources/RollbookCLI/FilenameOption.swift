import ControlPlane
import Foundation

/// `-f FILE`: the Deployments and ReplicaSets a manifest names, for verbs that act on existing objects (get, describe,
/// scale, set image, annotate, rollout). kubectl reads the files only for kind, namespace and name.
struct FilenameOption: OptionGroup {
    var filenames: [String] = []
    var recursive = false

    static let options: [CommandOption<Self>] = [
        .option(\.filenames, "filename", short: "f", help: "Files, directories or - for stdin, naming the Deployments."),
        .flag(\.recursive, "recursive", short: "R", help: "Read the directories given with -f, and those below them."),
    ]

    /// `resources`, or with `-f` the equivalent `deployment NAME...` (an error if both are given).
    ///
    /// - Parameter plainErrors: When the verb prints undecodable files without `error: `.
    func resources(
        _ resources: [String], command: String, plainErrors: ManifestFiles.PlainErrors = .never
    ) throws -> [String] {
        guard !filenames.isEmpty else { return resources }
        try Self.refuse(resources)
        let documents = try ManifestFiles.loadNaming(
            filenames, command: command, recursive: recursive, plainErrors: plainErrors)
        if documents.allSatisfy({ $0.object.deployment != nil }) { return ["deployment"] + documents.map(\.object.name) }
        return documents.map { "\($0.object.kind.rawValue.lowercased())/\($0.object.name)" }
    }

    /// Whether `-f` names one file itself (FilenameParam's `!recursive && len(matches) == 1`): not stdin, a
    /// directory or a recursive walk.
    var namesOneFile: Bool {
        guard filenames.count == 1, filenames[0] != "-", !recursive else { return false }
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: filenames[0], isDirectory: &isDirectory) && !isDirectory.boolValue
    }

    /// The resource builder's refusal of arguments beside `-f`, worded by their form.
    static func refuse(_ resources: [String]) throws {
        if resources.contains(where: { $0.contains("/") }) {
            throw CommandError.client("resource/name arguments cannot be provided when a path is specified")
        }
        if !resources.isEmpty {
            throw CommandError.client(
                "when paths, URLs, or stdin is provided as input, you may not specify resource arguments as well")
        }
    }
}
