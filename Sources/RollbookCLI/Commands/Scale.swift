import ControlPlane
import KubeModel
import Store

struct Scale: RunnableCommand {
    static let spec = CommandSpec<Scale>(
        "scale", abstract: "Set a new size for one or more Deployments or ReplicaSets.",
        options: GlobalOptions.options(in: \.globals)
            + FilenameOption.options(in: \.files)
            + [
            .option(\.replicas, "replicas", help: "The new desired number of replicas. Required."),
            .option(\.currentReplicas, "current-replicas", help: "Precondition for current size."),
            .option(\.resourceVersion, "resource-version", help: "Precondition for the current resource version (one object only)."),
            .duration(\.timeout, "timeout", help: "Accepted for kubectl compatibility: the new size is reached in simulated time."),
            .option(\.selector, "selector", short: "l", help: "Scale the objects matching this selector."),
            .flag(\.all, "all", help: "Scale every object of the type in the namespace."),
            .option(\.dryRun, "dry-run", valueWhenBare: "unchanged", help: "none, client or server: only print what would be scaled."),
            .option(\.output, "output", short: "o", help: "Print the objects as read before scaling: json, yaml, name, jsonpath=… or go-template=…."),
            .template(\.output),
            .flag(\.record, "record", hidden: true, help: "Record the command in the change-cause annotation (deprecated)."),
        ],
        arguments: .list(\.resource, "TYPE/NAME, TYPE NAME..., or TYPE with -l / --all (deployment or replicaset)"),
        make: Scale.init)
    var globals = GlobalOptions()
    var files = FilenameOption()
    var resource: [String] = []
    var replicas: Int?
    var currentReplicas = -1
    var resourceVersion = ""
    var timeout = "0s"
    var selector: String?
    var all = false
    var dryRun = "none"
    var output: String?
    var record = false

    func run() throws {
        if record { Output.err(RecordFlag.deprecation) }
        // kubectl marks --replicas required; cobra refuses before the command runs.
        guard let replicas else { throw CommandError.client("required flag(s) \"replicas\" not set") }
        guard replicas >= 0 else {
            throw CommandError.client("The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0")
        }
        guard currentReplicas >= -1 else {
            throw CommandError.client("The --current-replicas must specify an integer of -1 or greater")
        }
        let strategy = try DryRunStrategy(flag: dryRun)
        var printer = try TypedOutput(output)
        let plane = try globals.controlPlane()
        let namespace = globals.resolvedNamespace.name
        let targets = try targets(plane, resource: files.resources(resource, command: "scale"), namespace: namespace)
        if !resourceVersion.isEmpty && targets.count > 1 {
            throw CommandError.client("cannot use --resource-version with multiple resources")
        }
        // kubectl visits every object first (ContinueOnError): it scales those found, then reports the rest.
        // scale.go prints these objects as it read them, before scaling.
        var read: [String: ObjectListing.Object] = [:]
        for kind in Set(targets.map(\.kind)) {
            for object in try plane.read({ try Self.objects(kind, namespace: namespace, in: $0) }) {
                read["\(kind.rawValue)/\(object.name)"] = read["\(kind.rawValue)/\(object.name)"] ?? object
            }
        }
        // Objects named by -f print as the files hold them (scale.go prints the builder's info, read from the file),
        // in the namespace they are taken in.
        var fromFiles: [String: JSONValue] = [:]
        if !files.filenames.isEmpty {
            for document in try ManifestFiles.loadNaming(files.filenames, command: "scale", recursive: files.recursive) {
                var object = document.raw
                if object["metadata"]?["namespace"] == nil { object["metadata"]?["namespace"] = .string(namespace) }
                fromFiles["\(document.object.kind.rawValue)/\(document.object.name)"] = object
            }
        }
        let missing = targets.filter { read["\($0.kind.rawValue)/\($0.name)"] == nil }
            .map { "\($0.kind.resource) \"\($0.name)\" not found" }
        let found = targets.filter { read["\($0.kind.rawValue)/\($0.name)"] != nil }
        if found.isEmpty && !missing.isEmpty {
            let detail = missing.count == 1 ? missing[0] : "[" + missing.joined(separator: ", ") + "]"
            throw CommandError.client("no objects passed to scale \(detail)")
        }
        for (kind, name) in found {
            let key = "\(kind.rawValue)/\(name)"
            // A client dry run never asks the server, so the --current-replicas precondition is not checked.
            if strategy != .client {
                let current = currentReplicas >= 0 ? currentReplicas : nil
                let version = resourceVersion.isEmpty ? nil : resourceVersion
                if kind == .replicaSet {
                    try plane.scaleReplicaSet(
                        namespace: namespace, name: name, replicas: replicas, currentReplicas: current,
                        resourceVersion: version, dryRun: strategy == .server)
                } else {
                    try plane.scale(
                        namespace: namespace, name: name, replicas: replicas, currentReplicas: current,
                        resourceVersion: version, dryRun: strategy == .server)
                }
                // `--record`: scale.go merge-patches the change-cause after the scale, when it changes it.
                let cause = JSONValue.string(RecordFlag.changeCause())
                if record, read[key]?.json["metadata"]?["annotations"]?[AnnotationKey.changeCause] != cause {
                    let recording = JSONValue.object([
                        "metadata": .object(["annotations": .object([AnnotationKey.changeCause: cause])])
                    ])
                    if kind == .replicaSet {
                        _ = try plane.patchReplicaSet(
                            namespace: namespace, name: name, patch: .merge(recording), dryRun: strategy == .server)
                    } else {
                        _ = try plane.patchDeployment(
                            namespace: namespace, name: name, patch: .merge(recording), dryRun: strategy == .server)
                    }
                }
            }
            Output.out(try printer.text(
                fromFiles[key] ?? read[key]?.json ?? .null, as: nil,
                resource: "\(kind.qualifiedKind)/\(name)", operation: strategy.operation("scaled")))
        }
        guard missing.isEmpty else {
            for message in missing { Output.err("Error from server (NotFound): \(message)\n") }
            throw ExitCode(1)
        }
    }

    /// The Deployments and ReplicaSets named, or of each type given selected by `-l` / `--all`, in the order the
    /// resource builder visits them.
    private func targets(_ plane: ControlPlane, resource: [String], namespace: String) throws
        -> [(kind: ResourceKind, name: String)]
    {
        // `--all` selects only once a type is given.
        if resource.isEmpty { throw MissingResource.none(selecting: selector != nil) }
        let selecting = selector != nil || all
        let groups = try ResourceArguments.groups(resource, whenEmpty: .argumentOrFilename, selecting: selecting)
        let query = try LabelQuery.parsing(selector)
        var targets: [(kind: ResourceKind, name: String)] = []
        for group in groups {
            try Self.scalable(group.kind)
            var names = group.names
            if selecting && names.isEmpty {
                names = try plane.read { try Self.objects(group.kind, namespace: namespace, in: $0) }
                    .filter { query?.matches($0.labels) ?? true }.map(\.name)
            }
            targets += names.map { (group.kind, $0) }
        }
        if selecting && targets.isEmpty { throw CommandError.client("no objects passed to scale") }
        return targets
    }

    /// kubectl scales what has a scale subresource: of Rollbook's kinds, Deployments and ReplicaSets.
    private static func scalable(_ kind: ResourceKind) throws {
        guard kind == .deployment || kind == .replicaSet else {
            throw CommandError.client("rollbook scales Deployments and ReplicaSets only")
        }
    }

    private static func objects(_ kind: ResourceKind, namespace: String, in reader: StoreReader) throws -> [ObjectListing.Object] {
        kind == .replicaSet
            ? try reader.replicaSets(namespace: namespace).map(ObjectListing.Object.replicaSet)
            : try reader.deployments(namespace: namespace).map(ObjectListing.Object.deployment)
    }
}
