import ControlPlane
import KubeModel
import Manifests

struct Annotate: EveryNamespaceCommand {
    static let spec = CommandSpec<Annotate>(
        "annotate", abstract: "Update the annotations on a Deployment, ReplicaSet or Pod.",
        options: GlobalOptions.options(in: \.globals)
            + FilenameOption.options(in: \.files)
            + [
            .flag(\.overwrite, "overwrite", help: "Allow annotations to be overwritten."),
            .flag(\.all, "all", help: "Annotate every object of the type in the namespace."),
            .flag(\.allNamespaces, "all-namespaces", short: "A", help: "With --all or -l, act in every namespace."),
            .option(\.selector, "selector", short: "l", help: "Annotate the objects matching this selector."),
            .flag(\.list, "list", help: "List the current annotations instead of changing them."),
            .option(\.resourceVersion, "resource-version", help: "Only if this is the object's current resource version (one object only)."),
            .option(\.fieldManager, "field-manager", help: "The name of the manager recorded in managedFields."),
            .option(\.dryRun, "dry-run", valueWhenBare: "unchanged", help: "none, client or server: only print what would be updated."),
            .option(\.output, "output", short: "o", help: "Print the annotated objects: json, yaml, name, jsonpath=… or go-template=…."),
            .template(\.output),
            .flag(\.record, "record", hidden: true, help: "Record the command in the change-cause annotation (deprecated)."),
            .flag(\.local, "local", help: "Annotate the objects of -f here and print them; the store is not read."),
        ],
        arguments: .list(\.arguments, "TYPE/NAME KEY=VALUE... KEY-... (deployment or replicaset)"),
        make: Annotate.init)
    var globals = GlobalOptions()
    var files = FilenameOption()
    var arguments: [String] = []
    var overwrite = false
    var all = false
    var allNamespaces = false
    var inNamespaceLoop = false
    var selector: String?
    var list = false
    var resourceVersion = ""
    var fieldManager = "kubectl-annotate"
    var dryRun = "none"
    var output: String?
    var record = false
    var local = false

    func run() throws {
        if record && !inNamespaceLoop { Output.err(RecordFlag.deprecation) }
        let (named, pairs) = try Self.resourcesAndPairs(arguments)
        if allNamespaces {
            return try runInEveryNamespace(try files.resources(named, command: "annotate"), selector: selector)
        }
        let (set, remove) = try Self.parsePairs(pairs)
        if local {
            let strategy = try DryRunStrategy(flag: dryRun)
            if strategy == .server {
                throw CommandError.client("cannot specify --local and --dry-run=server - did you mean --dry-run=client?")
            }
            return try annotateFiles(named, set: set, remove: remove, strategy: strategy)
        }
        let resource = try files.resources(named, command: "annotate")
        if all && selector != nil { throw CommandError.client("cannot set --all and --selector at the same time") }
        if resource.isEmpty {
            throw CommandError.client("one or more resources must be specified as <resource> <name> or <resource>/<name>")
        }
        if set.isEmpty && remove.isEmpty && !list { throw CommandError.client("at least one annotation update is required") }
        let clashes = remove.filter { key in set.contains { $0.0 == key } }
        if !clashes.isEmpty {
            throw CommandError.client(
                "can not both modify and remove the following annotation(s) in the same command: "
                    + clashes.joined(separator: ", "))
        }
        let strategy = try DryRunStrategy(flag: dryRun)
        var printer = try TypedOutput(output)
        let plane = try globals.controlPlane()
        let namespace = globals.resolvedNamespace.name
        // Names given are visited in order, the missing ones reported at the end (ContinueOnError); several types
        // are visited type by type (`deploy,rs --all`) or pair by pair (`deploy/a rs/b`).
        let groups = try ResourceArguments.groups(resource, whenEmpty: .argumentOrFilename, selecting: all || selector != nil)
        // Names win over --all (ResourceTypeOrNameArgs); with a selector they are refused.
        let visits = try groups.map { group in
            (targets: try DeploymentTargets(
                group.arguments, selector: selector, namespace: namespace, in: plane, accepting: [.replicaSet, .pod, .resourceQuota]),
             named: !group.names.isEmpty)
        }
        let given = visits.filter(\.named).map(\.targets)
        let givenCount = given.reduce(0) { $0 + $1.names.count + $1.missing.count }
        if !resourceVersion.isEmpty, givenCount != 1 || given.count != visits.count {
            throw CommandError.client("--resource-version may only be used with a single resource")
        }
        if list {
            let single = givenCount == 1 && given.count == visits.count
            for (targets, _) in visits {
                try listAnnotations(targets.names, of: targets, single: single, plane: plane, namespace: namespace)
            }
            return try DeploymentTargets.report(given.flatMap(\.notFound))
        }
        var errors: [CommandError] = []
        for (targets, _) in visits {
            for name in targets.names {
                do {
                    if targets.kind != .deployment {
                        let answer = try annotateByPatch(name, of: targets, set: set, remove: remove, strategy: strategy, plane: plane)
                        Output.out(try printer.text(
                            answer?.json ?? .null, as: nil, resource: "\(targets.kind.qualifiedKind)/\(name)",
                            operation: strategy.operation("annotated")))
                        continue
                    }
                    // A client dry run changes the object it read, here; a server one asks for the answer only.
                    var answer = try plane.annotate(
                        namespace: namespace, name: name, set: set, remove: remove, overwrite: overwrite,
                        recording: record ? RecordFlag.changeCause() : nil,
                        resourceVersion: resourceVersion.isEmpty || strategy == .client ? nil : resourceVersion,
                        dryRun: strategy != .none)
                    if strategy == .client, var read = try plane.deploymentStream(namespace: namespace, name: name).deployment {
                        var annotations = (read.metadata.annotations ?? [:]).merging(set) { $1 }
                        for key in remove { annotations[key] = nil }
                        if record { annotations[AnnotationKey.changeCause] = RecordFlag.changeCause() }
                        read.metadata.annotations = annotations.isEmpty ? nil : annotations
                        // updateAnnotations writes --resource-version into the object it prints.
                        if !resourceVersion.isEmpty { read.metadata.resourceVersion = resourceVersion }
                        answer = read
                    }
                    Output.out(try printer.text(
                        answer.map { ObjectListing.Object.deployment($0).json } ?? .null, as: nil,
                        resource: "deployment.apps/\(name)", operation: strategy.operation("annotated")))
                } catch let error as CommandError {
                    errors.append(error)
                }
            }
        }
        try DeploymentTargets.report(errors + given.flatMap(\.notFound))
    }

    /// `cmdutil.GetResourcesAndPairs`: resources first, then `k=v` and `k-` pairs, never mixed.
    static func resourcesAndPairs(_ arguments: [String], noun: String = "annotation") throws
        -> (resources: [String], pairs: [String])
    {
        var resources: [String] = [], pairs: [String] = []
        for argument in arguments {
            let isPair = (argument.contains("=") && argument.first != "=") || (argument.hasSuffix("-") && argument != "-")
            if isPair {
                pairs.append(argument)
            } else if !pairs.isEmpty {
                throw CommandError.client("all resources must be specified before \(noun) changes: \(argument)")
            } else {
                resources.append(argument)
            }
        }
        return (resources, pairs)
    }

    /// `cmdutil.ParsePairs` with removal: `k=v` sets, `k-` removes.
    static func parsePairs(_ pairs: [String]) throws -> (set: [(String, String)], remove: [String]) {
        var set: [(String, String)] = [], remove: [String] = []
        for pair in pairs {
            if let equals = pair.firstIndex(of: "="), pair.first != "=" {
                set.append((String(pair[..<equals]), String(pair[pair.index(after: equals)...])))
            } else {
                remove.append(String(pair.dropLast()))
            }
        }
        return (set, remove)
    }

    /// `--local`: the objects of `-f`, annotated here and printed as the files hold them; nothing is sent.
    private func annotateFiles(_ named: [String], set: [(String, String)], remove: [String], strategy: DryRunStrategy)
        throws
    {
        if all && selector != nil { throw CommandError.client("cannot set --all and --selector at the same time") }
        if named.isEmpty && files.filenames.isEmpty {
            throw CommandError.client("one or more resources must be specified as <resource> <name> or <resource>/<name>")
        }
        if set.isEmpty && remove.isEmpty && !list { throw CommandError.client("at least one annotation update is required") }
        if !named.isEmpty {
            throw CommandError.client("can only use local files by -f rsrc.yaml or --filename=rsrc.json when --local=true is set")
        }
        var printer = try TypedOutput(output)
        let documents = try ManifestFiles.load(
            files.filenames, command: "annotate", replicaSets: true, recursive: files.recursive, exists: { _, _ in false })
        for document in documents {
            let live = WatchedObject(document.object)
            if !overwrite { try ControlPlane.refuseAnnotationOverwrites(of: live.metadata, set: set) }
            var annotations = (live.metadata.annotations ?? [:]).merging(set.map { ($0.0, $0.1) }) { $1 }
            for key in remove { annotations[key] = nil }
            if record { annotations[AnnotationKey.changeCause] = RecordFlag.changeCause() }
            if list {
                for (key, value) in annotations.sorted(by: { $0.key < $1.key }) { Output.out("\(key)=\(value)\n") }
                continue
            }
            var object = document.raw
            object["metadata"]?["annotations"] = annotations.isEmpty ? nil : .object(annotations.mapValues(JSONValue.string))
            Output.out(try printer.text(
                object, as: nil, resource: "\(document.object.resource)/\(document.object.name)",
                operation: strategy.operation("annotated")))
        }
    }

    /// A ReplicaSet's or Pod's annotations change by a merge patch, as kubectl sends it; a client dry run changes the
    /// object it read.
    private func annotateByPatch(
        _ name: String, of targets: DeploymentTargets, set: [(String, String)], remove: [String],
        strategy: DryRunStrategy, plane: ControlPlane
    ) throws -> WatchedObject? {
        let namespace = globals.resolvedNamespace.name
        guard let live = try targets.live(name, namespace: namespace, plane: plane) else { return nil }
        if !overwrite { try ControlPlane.refuseAnnotationOverwrites(of: live.metadata, set: set) }
        var patch: [String: JSONValue] = [:]
        for key in remove { patch[key] = .null }
        for (key, value) in set { patch[key] = .string(value) }
        // annotate.go records after its overwrite check: the change-cause replaces whatever was there.
        if record { patch[AnnotationKey.changeCause] = .string(RecordFlag.changeCause()) }
        var metadata: [String: JSONValue] = ["annotations": .object(patch)]
        if !resourceVersion.isEmpty { metadata["resourceVersion"] = .string(resourceVersion) }
        let merge = ObjectPatch.merge(.object(["metadata": .object(metadata)]))
        guard strategy == .client else {
            return try targets.patch(name, namespace: namespace, patch: merge, dryRun: strategy == .server, plane: plane)
        }
        var read = live
        var annotations = (read.metadata.annotations ?? [:]).merging(set.map { ($0.0, $0.1) }) { $1 }
        for key in remove { annotations[key] = nil }
        if record { annotations[AnnotationKey.changeCause] = RecordFlag.changeCause() }
        read.metadata.annotations = annotations.isEmpty ? nil : annotations
        if !resourceVersion.isEmpty { read.metadata.resourceVersion = resourceVersion }
        return read
    }

    /// `--list`: `key=value` lines (Go walks the map at random; sorted here), headed per object when several.
    /// - Parameter single: Whether exactly one name was given (the builder's single item implied): no headings.
    private func listAnnotations(
        _ names: [String], of targets: DeploymentTargets, single: Bool, plane: ControlPlane, namespace: String
    ) throws {
        for name in names {
            let live = try targets.live(name, namespace: namespace, plane: plane)
            let indent = single ? "" : " "
            if !single, let live { Output.out("Listing annotations for \(live.kindAndGroup)/\(name):\n") }
            for (key, value) in (live?.metadata.annotations ?? [:]).sorted(by: { $0.key < $1.key }) {
                Output.out("\(indent)\(key)=\(value)\n")
            }
        }
    }
}
