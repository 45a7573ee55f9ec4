import ControlPlane
import KubeModel

/// The Deployments a `set` verb changes, as kubectl's resource builder finds them, each with its object as JSON.
enum SetTargets {
    /// The Deployments named, selected or in `-f`, as the store holds them; any missing one ends the command
    /// (the builder's `Infos()` error comes before anything is changed).
    static func stored(
        _ arguments: [String], files: FilenameOption, all: Bool, selector: String?, globals: GlobalOptions,
        command: String
    ) throws -> [(name: String, object: JSONValue)] {
        let resources = try files.resources(arguments, command: command)
        guard !resources.isEmpty || all || selector != nil else { throw MissingResource.argumentOrFilename.error }
        let plane = try globals.controlPlane()
        let namespace = globals.resolvedNamespace.name
        _ = try ResourceArguments.groups(resources, whenEmpty: .argumentOrFilename, selecting: all || selector != nil)
        let targets = try DeploymentTargets(resources, selector: selector, namespace: namespace, in: plane)
        if let missing = targets.notFound.first { throw missing }
        return try targets.names.compactMap { name in
            try plane.deploymentStream(namespace: namespace, name: name).deployment.map {
                (name, ObjectListing.Object.deployment($0).json)
            }
        }
    }

    /// `--local`: the objects of `-f` as written.
    static func local(files: FilenameOption, command: String) throws -> [(name: String, object: JSONValue)] {
        guard !files.filenames.isEmpty else { throw MissingResource.argumentOrFilename.error }
        return try ManifestFiles.load(files.filenames, command: command, exists: { _, _ in false })
            .map { ($0.object.deployment.name, $0.raw) }
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

    /// `--record`: the command line as the change-cause annotation.
    static func record(_ cause: String, in object: inout JSONValue) {
        var annotations = object["metadata"]?["annotations"]?.objectValue ?? [:]
        annotations[AnnotationKey.changeCause] = .string(cause)
        object["metadata"]?["annotations"] = .object(annotations)
    }
}
