import ControlPlane
import Foundation
import KubeModel
import Manifests

/// `kubectl patch deployment|replicaset NAME -p PATCH [--type strategic|merge|json]` (pkg/cmd/patch/patch.go), with
/// the patch given as JSON. The patch goes through the same update path as `rollbook serve`'s PATCH.
struct Patch: RunnableCommand {
    static let spec = CommandSpec<Patch>(
        "patch", abstract: "Update fields of a Deployment, ReplicaSet or Pod with a patch.",
        options: GlobalOptions.options(in: \.globals)
            + FilenameOption.options(in: \.files)
            + [
            .option(\.patch, "patch", short: "p", help: "The patch, as JSON."),
            .option(\.patchFile, "patch-file", help: "A file holding the patch."),
            .option(\.type, "type", help: "The type of patch: json, merge or strategic."),
            .option(\.output, "output", short: "o", help: "Print the patched object: json, yaml, name, jsonpath=… or go-template=…."),
            .template(\.output),
            .flag(\.record, "record", hidden: true, help: "Record the command in the change-cause annotation (deprecated)."),
            .option(\.dryRun, "dry-run", valueWhenBare: "unchanged", help: "none, client (patch a copy here) or server: store nothing."),
            .flag(\.local, "local", help: "Patch the objects of -f here and print them; the store is not read."),
            .option(\.subresource, "subresource", help: "Patch the object's subresource: scale or status."),
        ],
        arguments: .list(\.resource, "TYPE/NAME or TYPE NAME (deployment or replicaset)"),
        make: Patch.init)
    var globals = GlobalOptions()
    var files = FilenameOption()
    var resource: [String] = []
    var patch = ""
    var patchFile = ""
    var type = "strategic"
    var output: String?
    var record = false
    var dryRun = "none"
    var local = false
    var subresource = ""

    func run() throws {
        if record { Output.err(RecordFlag.deprecation) }
        if !patch.isEmpty && !patchFile.isEmpty { throw CommandError.client("cannot specify --patch and --patch-file together") }
        if patch.isEmpty && patchFile.isEmpty {
            throw CommandError.client("must specify --patch or --patch-file containing the contents of the patch")
        }
        guard ["json", "merge", "strategic"].contains(type.lowercased()) else {
            throw CommandError.client("--type must be one of [json merge strategic], not \"\(type)\"")
        }
        var text = patch
        if !patchFile.isEmpty {
            guard let data = FileManager.default.contents(atPath: patchFile) else {
                throw CommandError.client("unable to read patch file: open \(patchFile): no such file or directory")
            }
            text = String(decoding: data, as: UTF8.self)
        }
        // yaml.ToJSON: the patch may be YAML (JSON is YAML too).
        let body: JSONValue
        do {
            body = try YAMLText.json(text)
        } catch {
            // yaml.ToJSON hands go-yaml's error on as it is.
            let prefix = "error converting YAML to JSON: "
            let message = error.message.hasPrefix(prefix) ? String(error.message.dropFirst(prefix.count)) : error.message
            throw CommandError.client("unable to parse \(goQuoted(text)): \(message)")
        }
        let objectPatch: ObjectPatch
        switch type.lowercased() {
        case "json":
            guard let operations = body.arrayValue else {
                // The server decodes the patch; --local decodes it here.
                let message = "json: cannot unmarshal object into Go value of type jsonpatch.Patch"
                throw local ? CommandError.client(message) : CommandError("Error from server (BadRequest): \(message)")
            }
            objectPatch = .json(operations)
        case "merge": objectPatch = .merge(body)
        default: objectPatch = .strategicMerge(body)
        }
        let strategy = try DryRunStrategy(flag: dryRun)
        var printer = try TypedOutput(output)
        if local { return try patchFiles(objectPatch, printer: &printer) }
        let plane = try globals.controlPlane()
        let namespace = globals.resolvedNamespace.name
        let arguments = try files.resources(resource, command: "patch")
        // patch.go's builder: every object named, kind by kind; those missing are reported after the others.
        let groups = try ResourceArguments.groups(arguments, whenEmpty: .argumentOrFilename, selecting: false)
        if groups.contains(where: { $0.kind == .event }) {
            throw CommandError.client("no objects passed to this command are Deployments")
        }
        var errors: [CommandError] = []
        for group in groups {
            let targets = try DeploymentTargets(
                [group.kind.pluralName] + group.names, selector: nil, namespace: namespace, in: plane,
                accepting: [.replicaSet, .pod, .resourceQuota])
            // Each object in turn, patched on its own (ContinueOnError); the errors, a missing object's among them,
            // are printed at the end in the order met.
            for name in group.names {
                if targets.missing.contains(name) {
                    errors.append(CommandError.notFound(targets.kind.resource, name))
                    continue
                }
                do {
                    try patchOne(name, of: targets, patch: objectPatch, strategy: strategy, plane: plane, printer: &printer)
                } catch let error as CommandError {
                    errors.append(error)
                }
            }
        }
        // Several errors are an aggregate: each as the server's status, `Error from server (Reason): message`.
        try DeploymentTargets.report(errors) { error in
            guard let status = error.status else { return error.text }
            return status.reason.isEmpty
                ? "Error from server: \(status.message)" : "Error from server (\(status.reason)): \(status.message)"
        }
    }

    /// Patches one object (or, for a client dry run, kubectl's copy of it) and prints it.
    private func patchOne(
        _ name: String, of targets: DeploymentTargets, patch objectPatch: ObjectPatch, strategy: DryRunStrategy,
        plane: ControlPlane, printer: inout TypedOutput
    ) throws {
        let namespace = globals.resolvedNamespace.name
        if !subresource.isEmpty {
            return try patchSubresource(name, of: targets, patch: objectPatch, strategy: strategy, plane: plane, printer: &printer)
        }
        let live = try targets.live(name, namespace: namespace, plane: plane)?.json ?? .null
        var after: JSONValue
        switch strategy {
        case .client:
            // kubectl patches its copy of the object and sends nothing, so nothing validates the result.
            do {
                after = try objectPatch.applied(to: live)
            } catch {
                throw CommandError.client(error.message)
            }
        case .server, .none:
            after = try targets.patch(name, namespace: namespace, patch: objectPatch, dryRun: strategy == .server, plane: plane).json
        }
        // patch.go compares the object before and after: an unchanged object is "patched (no change)". Its printer
        // says nothing of a dry run.
        let operation = after != live ? "patched" : "patched (no change)"
        // `--record`: a second, merge patch of the change-cause, when it changes it (MakeRecordMergePatch).
        let cause = JSONValue.string(RecordFlag.changeCause())
        if record, strategy != .client, after["metadata"]?["annotations"]?[AnnotationKey.changeCause] != cause {
            let recording = JSONValue.object(["metadata": .object(["annotations": .object([AnnotationKey.changeCause: cause])])])
            after = try targets.patch(
                name, namespace: namespace, patch: .merge(recording), dryRun: strategy == .server, plane: plane).json
        }
        Output.out(try printer.text(after, as: nil, resource: "\(targets.kind.qualifiedKind)/\(name)", operation: operation))
    }

    /// `--subresource=scale|status`: the patch goes to the subresource, and the answer is what it serves (an
    /// `autoscaling/v1` Scale, or the whole object for status). Another subresource is a path the server lacks.
    private func patchSubresource(
        _ name: String, of targets: DeploymentTargets, patch objectPatch: ObjectPatch, strategy: DryRunStrategy,
        plane: ControlPlane, printer: inout TypedOutput
    ) throws {
        let namespace = globals.resolvedNamespace.name
        guard subresource == "status" || subresource == "scale" && targets.kind != .resourceQuota, targets.kind != .pod,
            let live = try targets.live(name, namespace: namespace, plane: plane)
        else {
            throw CommandError(
                "Error from server (NotFound): the server could not find the requested resource",
                status: ServerStatus(code: 404, reason: "NotFound", message: "the server could not find the requested resource"))
        }
        let before = subresource == "scale" ? live.scaleSubresource() : live.json
        let after: JSONValue
        if strategy == .client {
            do {
                after = try objectPatch.applied(to: before)
            } catch {
                throw CommandError.client(error.message)
            }
        } else if subresource == "scale" {
            let patched: JSONValue
            do {
                patched = try objectPatch.applied(to: before)
            } catch {
                throw CommandError("Error from server (\(error.status.reason)): \(error.message)", status: error.status)
            }
            after = try plane.updateScale(patched, of: live, dryRun: strategy == .server)
        } else {
            let change: @Sendable (JSONValue) throws -> JSONValue = { object in
                do throws(PatchError) {
                    return try objectPatch.applied(to: object)
                } catch {
                    throw CommandError("Error from server (\(error.status.reason)): \(error.message)", status: error.status)
                }
            }
            let dryRun = strategy == .server
            after = switch targets.kind {
            case .replicaSet:
                WatchedObject.replicaSet(try plane.updateReplicaSetStatus(namespace: namespace, name: name, dryRun: dryRun, change)).json
            case .resourceQuota:
                WatchedObject.resourceQuota(try plane.updateQuotaStatus(namespace: namespace, name: name, dryRun: dryRun, change)).json
            default:
                WatchedObject.deployment(try plane.updateDeploymentStatus(namespace: namespace, name: name, dryRun: dryRun, change)).json
            }
        }
        let resource = subresource == "scale" ? "scale.autoscaling/\(name)" : "\(targets.kind.qualifiedKind)/\(name)"
        let operation = after != before ? "patched" : "patched (no change)"
        Output.out(try printer.text(after, as: nil, resource: resource, operation: operation))
    }

    /// `--local`: each object of the files patched as it is written (no namespace added, nothing validated).
    private func patchFiles(_ patch: ObjectPatch, printer: inout TypedOutput) throws {
        if !resource.isEmpty { throw CommandError.client("cannot specify --local and server resources") }
        guard !files.filenames.isEmpty else { throw MissingResource.argumentOrFilename.error }
        for document in try ManifestFiles.load(files.filenames, command: "patch", recursive: files.recursive, exists: { _, _ in false }) {
            let patched: JSONValue
            do {
                patched = try patch.applied(to: document.raw)
            } catch {
                throw CommandError.client(error.message)
            }
            Output.out(try printer.text(
                patched, as: nil, resource: "deployment.apps/\(document.object.name)",
                operation: patched != document.raw ? "patched" : "patched (no change)"))
        }
    }
}
