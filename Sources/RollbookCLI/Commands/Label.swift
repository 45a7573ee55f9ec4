import ControlPlane
import KubeModel
import Manifests

/// `kubectl label` (pkg/cmd/label/label.go) for Deployments, ReplicaSets and Pods: a merge patch of `metadata.labels`.
/// The object's labels are its own; its selector and pod template, so its Pods, stay as they are.
struct Label: EveryNamespaceCommand {
    static let spec = CommandSpec<Label>(
        "label", abstract: "Update the labels on a Deployment, ReplicaSet or Pod.",
        options: GlobalOptions.options(in: \.globals)
            + FilenameOption.options(in: \.files)
            + [
            .flag(\.overwrite, "overwrite", help: "Allow labels to be overwritten."),
            .flag(\.all, "all", help: "Label every object of the type in the namespace."),
            .flag(\.allNamespaces, "all-namespaces", short: "A", help: "With --all or -l, act in every namespace."),
            .option(\.selector, "selector", short: "l", help: "Label the objects matching this selector."),
            .flag(\.list, "list", help: "List the current labels instead of changing them."),
            .option(\.resourceVersion, "resource-version", help: "Only if this is the object's current resource version (one object only)."),
            .option(\.fieldManager, "field-manager", help: "The name of the manager recorded in managedFields."),
            .option(\.dryRun, "dry-run", valueWhenBare: "unchanged", help: "none, client or server: only print what would be updated."),
            .option(\.output, "output", short: "o", help: "Print the labeled objects: json, yaml, name, jsonpath=… or go-template=…."),
            .template(\.output),
            .flag(\.record, "record", hidden: true, help: "Record the command in the change-cause annotation (deprecated)."),
            .flag(\.local, "local", help: "Label the objects of -f here and print them; the store is not read."),
        ],
        arguments: .list(\.arguments, "TYPE/NAME KEY=VALUE... KEY-... (deployment or replicaset)"),
        make: Label.init)
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
    var fieldManager = "kubectl-label"
    var dryRun = "none"
    var output: String?
    var record = false
    var local = false

    func run() throws {
        // label.go Complete, then Validate, in their order.
        if record && !inNamespaceLoop { Output.err(RecordFlag.deprecation) }
        let (named, pairs) = try Annotate.resourcesAndPairs(arguments, noun: "label")
        if allNamespaces {
            return try runInEveryNamespace(try files.resources(named, command: "label"), selector: selector)
        }
        let (set, remove) = try Self.parse(pairs)
        let strategy = try DryRunStrategy(flag: dryRun)
        if list && output != nil { throw CommandError.client("--list and --output may not be specified together") }
        var printer = try TypedOutput(output)
        if all && selector != nil { throw CommandError.client("cannot set --all and --selector at the same time") }
        if local && strategy == .server {
            throw CommandError.client("cannot specify --local and --dry-run=server - did you mean --dry-run=client?")
        }
        if local && named.isEmpty && files.filenames.isEmpty {
            throw CommandError.client("one or more resources must be specified as <resource> <name> or <resource>/<name>")
        }
        if local {
            if set.isEmpty && remove.isEmpty && !list { throw CommandError.client("at least one label update is required") }
            return try labelFiles(named, set: set, remove: remove, strategy: strategy, printer: &printer)
        }
        let resources = try files.resources(named, command: "label")
        if resources.isEmpty {
            throw CommandError.client("one or more resources must be specified as <resource> <name> or <resource>/<name>")
        }
        if set.isEmpty && remove.isEmpty && !list { throw CommandError.client("at least one label update is required") }
        let plane = try globals.controlPlane()
        let namespace = globals.resolvedNamespace.name
        // Several types are visited type by type (`deploy,rs --all`) or pair by pair (`deploy/a rs/b`).
        let groups = try ResourceArguments.groups(resources, whenEmpty: .argumentOrFilename, selecting: all || selector != nil)
        let visits = try groups.map { group in
            try DeploymentTargets(
                group.arguments, selector: selector, namespace: namespace, in: plane, accepting: [.replicaSet, .pod, .resourceQuota])
        }
        let single = !all && selector == nil && visits.reduce(0) { $0 + $1.names.count + $1.missing.count } == 1
        if !resourceVersion.isEmpty && !single {
            throw CommandError.client("--resource-version may only be used with a single resource")
        }
        var errors: [CommandError] = []
        for targets in visits {
            for name in targets.names {
                do {
                    guard let live = try targets.live(name, namespace: namespace, plane: plane) else { continue }
                    if list {
                        // label.go applies the changes to its copy first, so the listing shows them (and refuses a clash).
                        var shown = live
                        if !set.isEmpty || !remove.isEmpty {
                            let (labels, _) = try Self.relabel(live.metadata, set: set, remove: remove, overwrite: overwrite)
                            shown.metadata.labels = labels.isEmpty ? nil : labels
                        }
                        Output.out(Self.listing(shown, single: single))
                        continue
                    }
                    if strategy != .client {
                        for key in remove where live.labels[key] == nil { Output.out("label \"\(key)\" not found.\n") }
                    }
                    var (labels, message) = try Self.relabel(live.metadata, set: set, remove: remove, overwrite: overwrite)
                    // label.go writes --resource-version into the object it compares, so it always sees a change.
                    if !resourceVersion.isEmpty && message == "not labeled" { message = "labeled" }
                    var object = live.json
                    if strategy == .client {
                        object["metadata"]?["labels"] = labels.isEmpty ? nil : .object(labels.mapValues(JSONValue.string))
                        // labelFunc writes --resource-version into the object it prints.
                        if !resourceVersion.isEmpty { object["metadata"]?["resourceVersion"] = .string(resourceVersion) }
                        if record { object = RecordFlag.recorded(object) }
                    } else {
                        var patch: [String: JSONValue] = set.mapValues(JSONValue.string)
                        for key in remove where set[key] == nil { patch[key] = .null }
                        // label.go puts --resource-version in the patch: the server's precondition.
                        var metadata: [String: JSONValue] = ["labels": .object(patch)]
                        if !resourceVersion.isEmpty { metadata["resourceVersion"] = .string(resourceVersion) }
                        // label.go records on the object before it makes the patch, so the change-cause goes with it.
                        if record {
                            metadata["annotations"] = .object([AnnotationKey.changeCause: .string(RecordFlag.changeCause())])
                        }
                        object = try targets.patch(
                            name, namespace: namespace, patch: .merge(.object(["metadata": .object(metadata)])),
                            dryRun: strategy == .server, plane: plane
                        ).json
                    }
                    Output.out(try printer.text(
                        object, as: nil, resource: "\(targets.kind.qualifiedKind)/\(name)", operation: strategy.operation(message)))
                } catch let error as CommandError {
                    errors.append(error)
                }
            }
        }
        try DeploymentTargets.report(errors + visits.flatMap(\.notFound))
    }

    /// `--local`: the objects of `-f`, relabelled here and printed as the files hold them; nothing is sent.
    private func labelFiles(
        _ named: [String], set: [String: String], remove: [String], strategy: DryRunStrategy, printer: inout TypedOutput
    ) throws {
        if !named.isEmpty {
            throw CommandError.client("can only use local files by -f pod.yaml or --filename=pod.json when --local=true is set")
        }
        let documents = try ManifestFiles.load(
            files.filenames, command: "label", replicaSets: true, recursive: files.recursive, exists: { _, _ in false })
        for document in documents {
            var object = document.raw
            let (labels, message) = try Self.relabel(document.object.metadata, set: set, remove: remove, overwrite: overwrite)
            object["metadata"]?["labels"] = labels.isEmpty ? nil : .object(labels.mapValues(JSONValue.string))
            if list {
                var shown = WatchedObject(document.object)
                shown.metadata.labels = labels.isEmpty ? nil : labels
                Output.out(Self.listing(shown, single: documents.count == 1))
                continue
            }
            if record { object = RecordFlag.recorded(object) }
            Output.out(try printer.text(
                object, as: nil, resource: "\(document.object.resource)/\(document.object.name)",
                operation: strategy.operation(message)))
        }
    }

    /// `parseLabels`: `k=v` sets (the value checked as a label value), `k-` removes.
    static func parse(_ pairs: [String]) throws -> (set: [String: String], remove: [String]) {
        var set: [String: String] = [:], remove: [String] = []
        for pair in pairs {
            if pair.contains("=") {
                let parts = pair.split(separator: "=", omittingEmptySubsequences: false).map(String.init)
                guard parts.count == 2 else { throw CommandError.client("invalid label spec: \(pair)") }
                let problems = LabelValueRule.errors(parts[1])
                if !problems.isEmpty {
                    throw CommandError.client("invalid label value: \(goQuoted(pair)): \(problems.joined(separator: ";"))")
                }
                set[parts[0]] = parts[1]
            } else if pair.hasSuffix("-") {
                remove.append(String(pair.dropLast()))
            } else {
                throw CommandError.client("unknown label spec: \(pair)")
            }
        }
        if remove.contains(where: { set[$0] != nil }) {
            throw CommandError.client("can not both modify and remove a label in the same command")
        }
        return (set, remove)
    }

    /// `labelFunc` and `updateDataChangeMsg`: the new labels, and `labeled`, `not labeled`, or `unlabeled` when
    /// the object shrank without `--overwrite`. Without `--overwrite` any label named that exists is refused.
    static func relabel(_ live: ObjectMeta, set: [String: String], remove: [String], overwrite: Bool) throws
        -> (labels: [String: String], message: String)
    {
        let old = live.labels ?? [:]
        if !overwrite {
            // The value the label already has is no clash (label.go compares values).
            let clashes = set.keys.sorted().compactMap { key in
                old[key].flatMap { $0 == set[key] ? nil : "'\(key)' already has a value (\($0)), and --overwrite is false" }
            }
            if clashes.count == 1 { throw CommandError.client(clashes[0]) }
            // An aggregate: CheckErr prints each on its own line, bare (in Go's random map order; sorted here).
            if clashes.count > 1 { throw CommandError(clashes.joined(separator: "\n")) }
        }
        var labels = old.merging(set) { $1 }
        for key in remove { labels[key] = nil }
        guard labels != old else { return (labels, "not labeled") }
        let size = { (labels: [String: String]) in labels.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count + 6 } }
        let shrank = size(labels) < size(old) || (!old.isEmpty && labels.isEmpty)
        return (labels, !overwrite && shrank ? "unlabeled" : "labeled")
    }

    /// `--list`: `key=value` lines (Go walks the map at random; sorted here), headed per object unless one
    /// object was named.
    static func listing(_ object: WatchedObject, single: Bool) -> String {
        var text = single ? "" : "Listing labels for \(object.kindAndGroup)/\(object.name):\n"
        for (key, value) in object.labels.sorted(by: { $0.key < $1.key }) {
            text += (single ? "" : " ") + "\(key)=\(value)\n"
        }
        return text
    }
}
