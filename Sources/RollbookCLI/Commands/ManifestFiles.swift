import ControlPlane
import Foundation
import Manifests

/// Reads `-f` arguments (files, directories, `-` for stdin) into manifest documents, all or nothing.
enum ManifestFiles {
    /// - Parameter exists: whether a named Deployment exists, which decides kubectl's "when creating" or
    ///   "when patching" wording of server-side decoding errors.
    /// - Parameter replicaSets: whether the verb acts on ReplicaSets too; those that act on Deployments only refuse a
    ///   file that holds one.
    static func load(
        _ paths: [String], command: String, replicaSets: Bool = false, validation: FieldValidation = .strict,
        exists: (String, String?) -> Bool
    ) throws -> [ManifestDocument] {
        if paths.isEmpty {
            throw CommandError.client("must specify one of -f and -k")
        }
        var documents: [ManifestDocument] = loaded[paths] ?? []
        if loaded[paths] == nil {
            for path in paths {
                for (source, data) in try read(path) {
                    do {
                        documents += try ManifestDecoder.decode(data, source: source, validation: validation)
                    } catch {
                        let verb: ManifestError.Verb = error.name.map { exists($0, error.namespace) } == true ? .patching : .creating
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

    /// The documents of paths already read: a verb's namespace is taken from its files before the verb reads them
    /// (``ManifestScoped``). One command runs per process.
    nonisolated(unsafe) private static var loaded: [[String]: [ManifestDocument]] = [:]

    /// Stdin, read once, even when a first reading failed to decode.
    private static let standardInput = FileHandle.standardInput.readDataToEndOfFile()

    /// `(source name, bytes)` for a file, every manifest in a directory, or stdin.
    private static func read(_ path: String) throws -> [(String, Data)] {
        if path == "-" { return [("STDIN", standardInput)] }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw CommandError.client("the path \"\(path)\" does not exist")
        }
        if isDirectory.boolValue {
            let entries = try FileManager.default.contentsOfDirectory(atPath: path).sorted()
            return try entries.filter { [".yaml", ".yml", ".json"].contains(where: $0.hasSuffix) }.map { entry in
                let full = (path as NSString).appendingPathComponent(entry)
                return (full, try contents(full))
            }
        }
        return [(path, try contents(path))]
    }

    private static func contents(_ path: String) throws -> Data {
        guard let data = FileManager.default.contents(atPath: path) else {
            throw CommandError.client("open \(path): permission denied")
        }
        return data
    }
}
