import ControlPlane
import Foundation
import Manifests

/// Reads `-f` arguments (files, directories, `-` for stdin) into manifest documents, all or nothing.
enum ManifestFiles {
    /// - Parameter exists: whether a named Deployment exists, which decides kubectl's "when creating" or
    ///   "when patching" wording of server-side decoding errors.
    /// - Parameter replicaSets: whether the verb acts on ReplicaSets too; those that act on Deployments only refuse a
    ///   file that holds one.
    /// - Parameter patchRefusal: For apply: the error for a document with unknown fields whose object exists, which
    ///   the server refuses as a patch (given the document and the server's `strict decoding error` text).
    static func load(
        _ paths: [String], command: String, replicaSets: Bool = false, validation: FieldValidation = .strict,
        recursive: Bool = false, exists: (String, String?) -> Bool,
        patchRefusal: ((ManifestDocument, String) throws -> CommandError?)? = nil
    ) throws -> [ManifestDocument] {
        if paths.isEmpty {
            throw CommandError.client("must specify one of -f and -k")
        }
        var documents: [ManifestDocument] = loaded[paths] ?? []
        if loaded[paths] == nil {
            for path in paths {
                for (source, data) in try read(path, recursive: recursive) {
                    do {
                        documents += try ManifestDecoder.decode(data, source: source, validation: validation)
                    } catch {
                        let verb: ManifestError.Verb = error.name.map { exists($0, error.namespace) } == true ? .patching : .creating
                        if verb == .patching, error.kind == .unknownField, let patchRefusal,
                            let document = try? ManifestDecoder.decode(data, source: source, validation: .ignore)
                                .first(where: { $0.object.name == error.name }),
                            let strict = error.message.range(of: "strict decoding error: "),
                            let refusal = try patchRefusal(document, String(error.message[strict.lowerBound...]))
                        {
                            throw refusal
                        }
                        throw CommandError(error.kubectlMessage(verb: verb))
                    }
                }
            }
            loaded[paths] = documents
        }
        if documents.isEmpty { throw CommandError.client("no objects passed to \(command)") }
        if !replicaSets, let other = documents.first(where: { $0.object.deployment == nil }) {
            throw CommandError.client(
                "rollbook \(command) acts on Deployments only, and \"\(other.source)\" holds \(other.object.resource)/\(other.object.name)")
        }
        return documents
    }

    /// For verbs that only name objects with their files (get, label, delete, rollout…), the files as kubectl's
    /// unstructured builder reads them: no schema validation, and what it cannot decode (a document without a kind) is
    /// reported once the others have been acted on (``deferred``), as its visitors continue on error.
    ///
    /// - Parameter plainErrors: When those errors are printed without `error: ` (their visitors' errors reach
    ///   kubectl's error handler as they are): always for describe and the rollout verbs that patch; for get, only
    ///   when nothing else was read.
    static func loadNaming(
        _ paths: [String], command: String, recursive: Bool, plainErrors: PlainErrors = .never
    ) throws -> [ManifestDocument] {
        if paths.isEmpty { throw CommandError.client("must specify one of -f and -k") }
        if let documents = loaded[paths] { return documents }
        var documents: [ManifestDocument] = []
        var errors: [ManifestError] = []
        for path in paths {
            for (source, data) in try read(path, recursive: recursive) {
                let result = ManifestDecoder.decodeAll(data, source: source, validation: .ignore)
                documents += result.accepted
                errors += result.documents.compactMap { if case .failure(let error) = $0 { error } else { nil } }
                errors += result.errors
            }
        }
        loaded[paths] = documents
        let plain = plainErrors == .always || (plainErrors == .whenNothingDecoded && documents.isEmpty)
        let messages = errors.map { error in
            let text = error.kubectlMessage(verb: .creating)
            return plain && text.hasPrefix("error: ") ? String(text.dropFirst("error: ".count)) : text
        }
        guard !documents.isEmpty else {
            if messages.isEmpty { throw CommandError.client("no objects passed to \(command)") }
            // scale.go says there is nothing to scale, with the reason after it.
            if command == "scale" {
                let reasons = errors.map { String($0.kubectlMessage(verb: .creating).dropFirst("error: ".count)) }
                throw CommandError.client("no objects passed to scale " + reasons.joined(separator: "\n"))
            }
            throw CommandError(messages.joined(separator: "\n"))
        }
        deferred = messages
        return documents
    }

    enum PlainErrors { case never, always, whenNothingDecoded }

    /// What ``loadNaming(_:command:recursive:plainErrors:)`` could not decode, printed after the verb ran (which then fails).
    nonisolated(unsafe) static var deferred: [String] = []

    /// The documents of paths already read: a verb's namespace is taken from its files before the verb reads them
    /// (``ManifestScoped``). One command runs per process.
    nonisolated(unsafe) private static var loaded: [[String]: [ManifestDocument]] = [:]

    /// Stdin, read once, even when a first reading failed to decode.
    private static let standardInput = FileHandle.standardInput.readDataToEndOfFile()

    /// `(source name, bytes)` for a file, every manifest in a directory (and with `recursive` in the directories
    /// below, as `filepath.Walk` visits them: by name, depth first), or stdin.
    private static func read(_ path: String, recursive: Bool) throws -> [(String, Data)] {
        if path == "-" { return [("STDIN", standardInput)] }
        guard let isDirectory = directory(path) else {
            throw CommandError.client("the path \"\(path)\" does not exist")
        }
        guard isDirectory else { return [(path, try contents(path))] }
        var found: [(String, Data)] = []
        func walk(_ folder: String) throws {
            let entries = try FileManager.default.contentsOfDirectory(atPath: folder)
            for entry in entries.sorted(by: { $0.utf8.lexicographicallyPrecedes($1.utf8) }) {
                let full = joined(folder, entry)
                if directory(full) == true {
                    if recursive { try walk(full) }
                } else if [".yaml", ".yml", ".json"].contains(where: entry.hasSuffix) {
                    found.append((full, try contents(full)))
                }
            }
        }
        try walk(path)
        return found
    }

    /// Whether `path` is a directory; nil when nothing is there.
    private static func directory(_ path: String) -> Bool? {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { return nil }
        return isDirectory.boolValue
    }

    /// Go's `filepath.Join`: the parts joined and cleaned (`./a/` and `b.yaml` make `a/b.yaml`), as kubectl names
    /// the files it found in a directory.
    static func joined(_ directory: String, _ name: String) -> String {
        let absolute = directory.hasPrefix("/")
        let parts = (directory + "/" + name).split(separator: "/").filter { $0 != "." }
        let text = parts.joined(separator: "/")
        return absolute ? "/" + text : (text.isEmpty ? "." : text)
    }

    private static func contents(_ path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandError.client("open \(path): permission denied")
        }
        return data
    }
}
