import ControlPlane
import KubeModel
import Manifests

/// `kubectl replace -f FILE` (pkg/cmd/replace/replace.go) for Deployments, ReplicaSets and Pods: each object of the
/// files replaces the stored one's labels, annotations and spec, as a PUT does. Annotations the file lacks go, the
/// `last-applied-configuration` of `apply` among them. `--force` deletes each and creates it again.
struct Replace: RunnableCommand {
    static let spec = CommandSpec<Replace>(
        "replace", abstract: "Replace Deployments, ReplicaSets and Pods by file name or stdin.",
        options: GlobalOptions.options(in: \.globals)
            + [
            .option(\.filenames, "filename", short: "f", help: "Files, directories or - for stdin, holding the Deployments."),
            .flag(\.recursive, "recursive", short: "R", help: "Read the directories given with -f, and those below them."),
            .option(\.dryRun, "dry-run", valueWhenBare: "unchanged", help: "none, client or server: only print what would be replaced."),
            .option(\.validate, "validate", valueWhenBare: "strict", help: ValidateFlag.help),
            .option(\.output, "output", short: "o", help: "Print the replaced objects: json, yaml, name, jsonpath=… or go-template=…."),
            .template(\.output),
            .flag(\.force, "force", help: "Delete the Deployments, then create them again from the files (a new UID)."),
            .option(\.cascade, "cascade", valueWhenBare: "background", help: "With --force: background or orphan, as delete's."),
            .option(\.gracePeriod, "grace-period", help: "With --force: accepted for kubectl compatibility; objects go at once."),
            .duration(\.timeout, "timeout", help: "With --force: accepted for kubectl compatibility; deletion completes at once."),
            .flag(\.wait, "wait", help: "With --force: accepted for kubectl compatibility; deletion completes at once."),
        ],
        make: Replace.init)
    var globals = GlobalOptions()
    var filenames: [String] = []
    var recursive = false
    var dryRun = "none"
    var validate = "strict"
    var output: String?
    var force = false
    var cascade = "background"
    var gracePeriod = -1
    var timeout = "0s"
    var wait = false

    func run() throws {
        let mode = try CascadeFlag.mode(cascade)
        // replace.go's Validate: the delete flags only mean something with --force.
        if gracePeriod >= 0 && !force { throw CommandError.client("--grace-period must have --force specified") }
        if Duration.parse(timeout) != .zero && !force { throw CommandError.client("--timeout must have --force specified") }
        let strategy = try DryRunStrategy(flag: dryRun)
        if force && strategy != .none { throw CommandError.client("--dry-run can not be used when --force is set") }
        let validation = try ValidateFlag.directive(validate)
        var printer = try TypedOutput(output)
        let plane = try globals.controlPlane(fieldValidation: validation)
        let documents = try ManifestFiles.load(
            filenames, command: "replace", replicaSets: true, validation: validation, recursive: recursive
        ) { _, _ in true }
        try ManifestScope.check(documents, flag: globals.namespace)
        if force { return try forceReplace(documents, cascade: mode, plane: plane, printer: &printer) }
        var errors: [CommandError] = []
        for document in documents {
            let name = document.object.name
            let namespace = document.object.metadata.namespace ?? globals.resolvedNamespace.name
            do {
                let answer: JSONValue
                let dryRun = strategy == .server
                switch (strategy, document.object) {
                case (.client, _): answer = document.raw
                case (_, .replicaSet):
                    answer = WatchedObject.replicaSet(try plane.replaceReplicaSet(
                        namespace: namespace, name: name, with: document.raw, dryRun: dryRun)).json
                case (_, .pod):
                    answer = WatchedObject.pod(try plane.replacePod(
                        namespace: namespace, name: name, with: document.raw, dryRun: dryRun)).json
                case (_, .resourceQuota):
                    answer = WatchedObject.resourceQuota(try plane.replaceQuota(
                        namespace: namespace, name: name, with: document.raw, dryRun: dryRun)).json
                case (_, .deployment):
                    let stored = try plane.replaceDeployment(
                        namespace: namespace, name: name, with: document.raw, dryRun: dryRun)
                    answer = ObjectListing.Object.deployment(stored).json
                }
                if strategy != .client { ValidateFlag.printWarnings(of: document) }
                Output.out(try printer.text(
                    answer, as: nil, resource: "\(document.object.resource)/\(name)", operation: strategy.operation("replaced")))
            } catch let error as CommandError {
                errors.append(Self.fromSource(error, document.source))
            }
        }
        try DeploymentTargets.report(errors)
    }

    /// `forceReplace`: every object deleted first (delete's lines), then every one created (`replaced`).
    private func forceReplace(
        _ documents: [ManifestDocument], cascade: String, plane: ControlPlane, printer: inout TypedOutput
    ) throws {
        let results = try plane.forceReplace(
            documents.map(\.object), namespace: globals.resolvedNamespace.name, cascade: cascade)
        for ((deleted, created), document) in zip(results, documents) where deleted {
            let resource = document.object.resource
            Output.out(output == "name" ? "\(resource)/\(created.name)\n" : "\(resource) \"\(created.name)\" deleted\n")
        }
        for ((_, created), document) in zip(results, documents) {
            if let warning = created.metadata.nameWarningOnCreate { Output.err("Warning: \(warning)\n") }
            Output.out(try printer.text(
                created.json, as: nil, resource: "\(document.object.resource)/\(created.name)", operation: "replaced"))
        }
    }

    /// `AddSourceToErr("replacing", …)`: a server error names the file; an Invalid one prints from its causes,
    /// which the file does not reach.
    static func fromSource(_ error: CommandError, _ source: String) -> CommandError {
        guard let status = error.status, status.reason != "Invalid" else { return error }
        var wrapped = error
        wrapped.text = "Error from server (\(status.reason)): error when replacing \(goQuoted(source)): \(status.message)"
        return wrapped
    }
}
