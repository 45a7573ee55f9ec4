import ControlPlane
import Foundation
import Manifests

/// The namespace of the objects `-f` names, as kubectl's resource builder takes it (`FilenameParam` with
/// `enforceNamespace`): an object's own namespace, unless `-n` was given, when an object of another namespace is
/// refused rather than acted on under the flag's.
enum ManifestScope {
    /// kubectl's refusal of the first document whose namespace is not the one `-n` gave.
    static func check(_ documents: [ManifestDocument], flag: String?, prefix: String = "") throws {
        guard let flag else { return }
        for document in documents {
            guard let own = document.object.metadata.namespace, !own.isEmpty, own != flag else { continue }
            throw CommandError.client(
                prefix + "the namespace from the provided object \"\(own)\" does not match the namespace \"\(flag)\". "
                    + "You must pass '--namespace=\(own)' to perform this operation.")
        }
    }
}

/// A verb whose objects `-f` may name: before it runs, `-n` is checked against the files, or, not given, set to the
/// namespace they name (when they name one).
protocol ManifestScoped: RunnableCommand {
    var globals: GlobalOptions { get set }
    var files: FilenameOption { get }
    /// What kubectl puts before the refusal: `scale` reports it as nothing to scale.
    static var namespaceRefusalPrefix: String { get }
}

extension ManifestScoped {
    static var namespaceRefusalPrefix: String { "" }

    mutating func takeManifestNamespace() throws {
        guard !files.filenames.isEmpty,
            // A file that does not load is the verb's to report, in its words.
            let documents = try? ManifestFiles.load(
                files.filenames, command: "", replicaSets: true, recursive: files.recursive, exists: { _, _ in true })
        else { return }
        try ManifestScope.check(documents, flag: globals.namespace, prefix: Self.namespaceRefusalPrefix)
        let named = Set(documents.compactMap { $0.object.metadata.namespace }.filter { !$0.isEmpty })
        if globals.namespace == nil, named.count == 1 { globals.namespace = named.first }
    }
}

extension Annotate: ManifestScoped {}
extension Describe: ManifestScoped {}
extension Get: ManifestScoped {}
extension Label: ManifestScoped {}
extension Patch: ManifestScoped {}
extension Scale: ManifestScoped {
    static var namespaceRefusalPrefix: String { "no objects passed to scale " }
}
extension Wait: ManifestScoped {}
extension SetLastApplied: ManifestScoped {}
extension SetCommand.Env: ManifestScoped {}
extension SetCommand.Image: ManifestScoped {}
extension SetCommand.Resources: ManifestScoped {}
extension SetCommand.ServiceAccount: ManifestScoped {}
extension Rollout.History: ManifestScoped {}
extension Rollout.Pause: ManifestScoped {}
extension Rollout.Resume: ManifestScoped {}
extension Rollout.Restart: ManifestScoped {}
extension Rollout.Undo: ManifestScoped {}
extension Rollout.Status: ManifestScoped {}
