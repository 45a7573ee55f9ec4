import ControlPlane
import KubeModel
import Manifests

/// The Deployments and ReplicaSets a `set` verb changes, as kubectl's resource builder finds them, each with its
/// object as JSON.
enum SetTargets {
    /// The objects named, selected or in `-f`, as the store holds them; any missing one ends the command
    /// (the builder's `Infos()` error comes before anything is changed).
    static func stored(
        _ arguments: [String], files: FilenameOption, all: Bool, selector: String?, globals: GlobalOptions,
        command: String
    ) throws -> [(name: String, object: JSONValue)] {
        let resources = try files.resources(arguments, command: command)
        guard !resources.isEmpty else { throw MissingResource.none(selecting: selector != nil) }
        let plane = try globals.controlPlane()
        let namespace = globals.resolvedNamespace.name
        // Several types are visited type by type (`deploy,rs --all`) or pair by pair (`deploy/a rs/b`).
        let groups = try ResourceArguments.groups(resources, whenEmpty: .argumentOrFilename, selecting: all || selector != nil)
        let visits = try groups.map { group in
            try DeploymentTargets(
                group.arguments, selector: selector, namespace: namespace, in: plane, accepting: [.replicaSet])
        }
        if let missing = visits.flatMap(\.notFound).first { throw missing }
        return try visits.flatMap { targets in
            try targets.names.compactMap { name in
                try targets.live(name, namespace: namespace, plane: plane).map { (name, $0.json) }
            }
        }
    }

    /// Whether a set verb's object (as the store serves it, or as a file holds it) is a ReplicaSet.
    static func isReplicaSet(_ object: JSONValue) -> Bool { object["kind"]?.stringValue == "ReplicaSet" }

    /// `deployment.apps/NAME` or `replicaset.apps/NAME`, as the verbs print it.
    static func resource(of object: JSONValue, named name: String) -> String {
        (isReplicaSet(object) ? "replicaset.apps/" : "deployment.apps/") + name
    }

    /// The typed form kubectl decodes the object into before printing it.
    static func typed(_ object: JSONValue) -> TypedObject { isReplicaSet(object) ? .replicaSet : .deployment }

    /// Sends the changed object's pod-spec `fields` as the verb's merge patch; the answer is the object as stored.
    static func send(
        _ object: JSONValue, named name: String, fields: [String], namespace: String, plane: ControlPlane, dryRun: Bool
    ) throws -> JSONValue {
        let patch = ObjectPatch.merge(Self.patch(object, fields: fields))
        if isReplicaSet(object) {
            return WatchedObject.replicaSet(
                try plane.patchReplicaSet(namespace: namespace, name: name, patch: patch, dryRun: dryRun)).json
        }
        return WatchedObject.deployment(
            try plane.patchDeployment(namespace: namespace, name: name, patch: patch, dryRun: dryRun)).json
    }

    /// `--local`: the objects of `-f` as written.
    static func local(files: FilenameOption, command: String) throws -> [(name: String, object: JSONValue)] {
        guard !files.filenames.isEmpty else { throw MissingResource.argumentOrFilename.error }
        return try ManifestFiles.load(files.filenames, command: command, replicaSets: true, recursive: files.recursive, exists: { _, _ in false })
            .map { ($0.object.name, $0.raw) }
    }

    /// A merge patch carrying the changed pod-spec `fields` whole, and the change-cause of `--record`.
    static func patch(_ object: JSONValue, fields: [String]) -> JSONValue {
        var podSpec: [String: JSONValue] = [:]
        for key in fields {
            if let value = object["spec"]?["template"]?["spec"]?[key] { podSpec[key] = value }
        }
        var patch: [String: JSONValue] = ["spec": .object(["template": .object(["spec": .object(podSpec)])])]
        if let cause = object["metadata"]?["annotations"]?[AnnotationKey.changeCause] {
            patch["metadata"] = .object(["annotations": .object([AnnotationKey.changeCause: cause])])
        }
        return .object(patch)
    }

    /// ``patch(_:fields:)`` for a Pod, whose spec is not in a template.
    static func podPatch(_ object: JSONValue, fields: [String]) -> JSONValue {
        var templated = object
        templated["spec"] = .object(["template": .object(["spec": object["spec"] ?? .object([:])])])
        var result = patch(templated, fields: fields)
        result["spec"] = result["spec"]?["template"]?["spec"]
        return result
    }

    /// `--record`: the command line as the change-cause annotation.
    static func record(_ cause: String, in object: inout JSONValue) {
        var annotations = object["metadata"]?["annotations"]?.objectValue ?? [:]
        annotations[AnnotationKey.changeCause] = .string(cause)
        object["metadata"]?["annotations"] = .object(annotations)
    }
}

/// The loop every `set` verb but `env` runs (set_*.go's Run): change each object here, then print it (`--local`,
/// a client dry run) or patch the store with the changed pod-spec fields and print the answer. Errors are
/// collected and printed at the end, one per line, for exit code 1.
struct SetUpdate {
    var plane: ControlPlane?
    var namespace: String
    var strategy: DryRunStrategy
    /// `resource requirements updated`, before the dry-run suffix.
    var operation: String
    /// The pod-spec fields the patch carries whole.
    var fields: [String]
    /// What kubectl puts before a failed patch's message.
    var failure: String
    /// False for `set serviceaccount`, which patches and prints even when nothing changed.
    var skipsUnchanged = true

    /// - Parameter edit: Changes one object; returns an error text when it cannot (the object is then left).
    func run(
        _ objects: [(name: String, object: JSONValue)], cause: String?, printer: inout TypedOutput,
        edit: (inout JSONValue) -> String?
    ) throws {
        var errors: [String] = []
        let operation = strategy.operation(self.operation)
        for (name, object) in objects {
            var changed = object
            if let problem = edit(&changed) {
                errors.append(problem)
                continue
            }
            if let cause { SetTargets.record(cause, in: &changed) }
            if skipsUnchanged && changed == object { continue }
            let resource = SetTargets.resource(of: changed, named: name)
            guard let plane, strategy != .client else {
                Output.out(try printer.text(changed, as: SetTargets.typed(changed), resource: resource, operation: operation))
                continue
            }
            do {
                let answer = try SetTargets.send(
                    changed, named: name, fields: fields, namespace: namespace, plane: plane, dryRun: strategy == .server)
                Output.out(try printer.text(answer, as: SetTargets.typed(changed), resource: resource, operation: operation))
            } catch let error as CommandError {
                errors.append("error: \(failure) \(error.status?.message ?? error.text)")
            }
        }
        guard errors.isEmpty else {
            for text in errors { Output.err(text + "\n") }
            throw ExitCode(1)
        }
    }
}
