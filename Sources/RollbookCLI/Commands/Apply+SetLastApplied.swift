import ControlPlane
import KubeModel
import Manifests

/// `apply set-last-applied -f FILE`: each object's last-applied-configuration annotation set to the file's
/// configuration, as set_last_applied.go patches it; the object itself is left as it is. An object without the
/// annotation is refused unless `--create-annotation`; one whose annotation already says so needs no change.
struct SetLastApplied: RunnableCommand {
    static let spec = CommandSpec<SetLastApplied>(
        "set-last-applied", abstract: "Set the last-applied-configuration annotation of the objects to the files' contents.",
        options: GlobalOptions.options(in: \.globals)
            + FilenameOption.options(in: \.files)
            + [
            .flag(\.createAnnotation, "create-annotation", help: "Create the annotation where an object has none."),
            .option(\.dryRun, "dry-run", valueWhenBare: "unchanged", help: "none, client or server: print, store nothing."),
            .option(\.output, "output", short: "o", help: "Print the objects: json, yaml, name, jsonpath=… or go-template=…."),
            .template(\.output),
        ],
        make: SetLastApplied.init)

    var globals = GlobalOptions()
    var files = FilenameOption()
    var createAnnotation = false
    var dryRun = "none"
    var output: String?

    func run() throws {
        let strategy = try DryRunStrategy(flag: dryRun)
        var printer = try TypedOutput(output)
        guard !files.filenames.isEmpty else { throw MissingResource.argumentOrFilename.error }
        let plane = try globals.controlPlane()
        let namespace = globals.resolvedNamespace.name
        let documents = try ManifestFiles.load(
            files.filenames, command: "apply set-last-applied", replicaSets: true, recursive: files.recursive,
            exists: { _, _ in true })
        for document in documents {
            let name = document.object.name
            let target = document.object.metadata.namespace ?? namespace
            let kind = ResourceKind(document.object)
            let live = try ObjectListing.fetch(.live(plane), kind: kind, namespace: target, names: [name], query: nil)
                .objects.first
            let configuration = LastApplied.fileConfiguration(for: document.raw, namespace: target)
            let current = live?.metadata[annotation: AnnotationKey.lastApplied]
            if current == nil && !createAnnotation {
                throw CommandError.client(
                    "no last-applied-configuration annotation found on resource: \(name), to create the annotation, "
                        + "run the command with --create-annotation")
            }
            if current == configuration {
                Output.out("set-last-applied \(name): no changes required.\n")
                continue
            }
            // A client dry run prints the object as it was read (set_last_applied.go prints info.Object).
            var answer = live
            if strategy != .client {
                answer = try setAnnotation(configuration, of: document.object, namespace: target, plane: plane, strategy: strategy)
            }
            Output.out(try printer.text(
                answer?.json ?? .null, as: nil, resource: "\(document.object.resource)/\(name)",
                operation: strategy.operation("configured")))
        }
    }

    /// Writes the annotation: `annotate`'s write for a Deployment, set_last_applied.go's merge patch for the others.
    private func setAnnotation(
        _ configuration: String, of object: ManifestObject, namespace: String, plane: ControlPlane, strategy: DryRunStrategy
    ) throws -> WatchedObject? {
        let name = object.name
        if case .deployment = object {
            return try plane.annotate(
                namespace: namespace, name: name, set: [(AnnotationKey.lastApplied, configuration)], remove: [],
                overwrite: true, dryRun: strategy == .server
            ).map(WatchedObject.deployment)
        }
        let patch = ObjectPatch.merge(.object([
            "metadata": .object(["annotations": .object([AnnotationKey.lastApplied: .string(configuration)])]),
        ]))
        if case .pod = object {
            return .pod(try plane.patchPod(namespace: namespace, name: name, patch: patch, dryRun: strategy == .server))
        }
        return .replicaSet(try plane.patchReplicaSet(namespace: namespace, name: name, patch: patch, dryRun: strategy == .server))
    }
}
