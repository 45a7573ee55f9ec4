import ControlPlane
import KubeModel
import Printers

struct Delete: RunnableCommand {
    static let spec = CommandSpec<Delete>(
        "delete", abstract: "Delete Deployments, ReplicaSets or Pods by file name or by name.",
        options: GlobalOptions.options(in: \.globals)
            + [
            .option(\.filenames, "filename", short: "f", help: "Files, directories or - for stdin."),
            .flag(\.recursive, "recursive", short: "R", help: "Read the directories given with -f, and those below them."),
            .option(\.cascade, "cascade", valueWhenBare: "background", help: "background (dependents are garbage-collected) or orphan."),
            .flag(\.all, "all", help: "Delete every object of the type in the namespace."),
            .option(\.selector, "selector", short: "l", help: "Delete the objects matching this selector."),
            .option(\.fieldSelector, "field-selector", help: "Delete the objects whose fields match (e.g. metadata.name=web)."),
            .option(\.gracePeriod, "grace-period", help: "Accepted for kubectl compatibility; pods go at once."),
            .flag(\.force, "force", help: "With --grace-period=0, delete without waiting (pods go at once anyway)."),
            .flag(\.wait, "wait", help: "Accepted for kubectl compatibility: deletion completes before the command returns."),
            .flag(\.now, "now", help: "Delete with a grace period of 1 (pods go at once anyway)."),
            .option(\.timeout, "timeout", help: "Accepted for kubectl compatibility: deletion completes at once."),
            .flag(\.allNamespaces, "all-namespaces", short: "A", help: "With --all or -l, delete in every namespace."),
            .option(\.output, "output", short: "o", help: "name: print resource/name for each object deleted."),
            .option(\.dryRun, "dry-run", valueWhenBare: "unchanged", help: "none, client or server: print, delete nothing."),
            .flag(\.ignoreNotFound, "ignore-not-found", help: "Treat a missing named object as deleted: no error."),
        ],
        arguments: .list(\.resources, "deployment NAME... or deployment/NAME..."),
        make: Delete.init)
    var globals = GlobalOptions()
    var resources: [String] = []
    var filenames: [String] = []
    var recursive = false
    var cascade = "background"
    var all = false
    var selector: String?
    var fieldSelector: String?
    var gracePeriod = -1
    var force = false
    var wait = true
    var now = false
    var timeout = "0s"
    var allNamespaces = false
    var output: String?
    var dryRun = "none"
    var ignoreNotFound = false
    private var strategy: DryRunStrategy { (try? DryRunStrategy(flag: dryRun)) ?? .none }

    /// The grace period delete.go settles on: `--grace-period=0` alone becomes 1, `--force` alone 0.
    private var effectiveGracePeriod: Int {
        if now { return 1 }
        if gracePeriod == 0 && !force { return 1 }
        if force && gracePeriod < 0 { return 0 }
        return gracePeriod
    }

    /// `kind "name" deleted`, `force deleted` without a grace period, or `kind/name` with `-o name`.
    private func printDeleted(_ kind: String, _ name: String) {
        if output == "name" { return Output.out("\(kind)/\(name)\n") }
        Output.out("\(kind) \"\(name)\" \(strategy.operation(effectiveGracePeriod == 0 ? "force deleted" : "deleted"))\n")
    }

    func run() throws {
        _ = try DryRunStrategy(flag: dryRun)
        let mode = try CascadeFlag.mode(cascade)
        // delete.go's Complete, before the resource builder runs.
        if now && gracePeriod != -1 { throw CommandError.client("--now and --grace-period cannot be specified together") }
        try checkSelection()
        if let output, output != "name" {
            throw CommandError.client("unexpected -o output mode: \(output). We only support '-o name'")
        }
        if force && effectiveGracePeriod > 0 {
            throw CommandError.client("--force and --grace-period greater than 0 cannot be specified together")
        }
        if force && effectiveGracePeriod == 0 {
            Output.err("Warning: Immediate deletion does not wait for confirmation that the running resource has been "
                + "terminated. The resource may continue to run on the cluster indefinitely.\n")
        }
        let plane = try globals.controlPlane()
        if filenames.isEmpty { return try deleteByType(mode: mode, plane: plane) }
        var failed = false
        let documents = try ManifestFiles.loadNaming(filenames, command: "delete", recursive: recursive)
        try ManifestScope.check(documents, flag: globals.namespace)
        for document in documents {
            let name = document.object.name
            let namespace = document.object.metadata.namespace ?? globals.resolvedNamespace.name
            let kind = document.object.kind
            try ManifestFiles.checkNameForDelete(name, source: document.source)
            do {
                try delete(kind, name, namespace: namespace, mode: mode, plane: plane)
                printDeleted(document.object.resource, name)
            } catch let error as CommandError {
                if ignoring(error) { continue }
                failed = true
                Output.err("Error from server (NotFound): error when deleting \"\(document.source)\": \(kind.resource) \"\(name)\" not found\n")
            }
        }
        if failed { throw ExitCode(1) }
    }

    /// The resource builder's refusals of a selection it cannot make: `--all` beside a selector, a name beside either
    /// (`--all` selects everything), a name across all namespaces.
    private func checkSelection() throws {
        if all && (selector != nil || fieldSelector != nil) {
            throw CommandError.client("setting 'all' parameter but found a non empty selector. ")
        }
        guard filenames.isEmpty else { return }
        let named = resources.contains { $0.contains("/") } || resources.count > 1
        if named && (all || selector != nil || fieldSelector != nil) {
            throw CommandError.client("name cannot be provided when a selector is specified")
        }
        if named && allNamespaces {
            throw CommandError.client("a resource cannot be retrieved by name across all namespaces")
        }
    }

    /// `delete TYPE[,TYPE...] NAME...`, `TYPE/NAME...`, or with `--all` / `-l`: type by type in the order given,
    /// each selection listed when its turn comes (after the deletions before it, as kubectl's visitors list).
    private func deleteByType(mode: String, plane: ControlPlane) throws {
        let selecting = all || selector != nil || fieldSelector != nil
        if resources.isEmpty { throw MissingResource.none(selecting: selecting) }
        let groups = try ResourceArguments.groups(resources, whenEmpty: .argumentOrFilename, selecting: selecting)
        var found = 0
        var failed = false
        for group in groups { try group.kind.refusingEvents("delete") }
        for group in groups {
            var targets = group.names.map { (namespace: globals.resolvedNamespace.name, name: $0) }
            if selecting { targets = try selected(group.kind, plane: plane) }
            found += targets.count
            failed = try delete(group.kind, targets, mode: mode, plane: plane) || failed
        }
        // kubectl's delete says so on stdout and succeeds.
        if selecting && found == 0 { Output.out("No resources found\n") }
        if failed { throw ExitCode(1) }
    }

    /// Deletes one object, or for a dry run does what delete.go does instead: a client dry run sends nothing
    /// (so a missing name is no error), a server dry run finds the object and changes nothing.
    private func delete(_ kind: ResourceKind, _ name: String, namespace: String, mode: String, plane: ControlPlane) throws {
        switch (strategy, kind) {
        case (.client, _): return
        case (.server, _):
            let found = try plane.read { try kind.exists(name, namespace: namespace, in: $0) }
            if !found { throw CommandError.notFound(kind.resource, name) }
        case (.none, .deployment): try plane.delete(namespace: namespace, name: name, cascade: mode)
        case (.none, .replicaSet): try plane.deleteReplicaSet(namespace: namespace, name: name, cascade: mode)
        case (.none, .pod): try plane.deletePod(namespace: namespace, name: name)
        case (.none, .resourceQuota):
            if try plane.deleteQuotas(namespace: namespace, names: [name], dryRun: false).isEmpty {
                throw CommandError.notFound(kind.resource, name)
            }
        case (.none, .event): throw ResourceKind.eventsRefusal("delete")
        }
    }

    /// `--all` / `-l`: the objects of the kind in the namespace, or with `-A` in every namespace (that the selector
    /// matches), by namespace and name as the API server lists them.
    private func selected(_ kind: ResourceKind, plane: ControlPlane) throws -> [(namespace: String, name: String)] {
        let query = try LabelQuery.parsing(selector)
        let namespace = allNamespaces ? nil : globals.resolvedNamespace.name
        if let fieldSelector {
            let fields = try FieldQuery(fieldSelector, kind: kind, labelSelector: selector)
            let listing = try ObjectListing.fetch(
                .live(plane), kind: kind, namespace: namespace, names: [], query: query, output: "json")
            return listing.objects.filter { fields.matches($0.json) }.map { ($0.namespace, $0.name) }
                .sorted { ($0.namespace, $0.name) < ($1.namespace, $1.name) }
        }
        let objects = try plane.read { try kind.labelledObjects(in: namespace, reader: $0) }
        return objects.filter { query?.matches($0.labels ?? [:]) ?? true }.map { ($0.namespace, $0.name) }
            .sorted { ($0.namespace, $0.name) < ($1.namespace, $1.name) }
    }

    /// Deletes the objects one by one, printing each; returns whether any failed. Pods and ReplicaSets are replaced
    /// by their controllers, unless an orphaning delete took the ReplicaSet's owner away.
    private func delete(
        _ kind: ResourceKind, _ targets: [(namespace: String, name: String)], mode: String, plane: ControlPlane
    ) throws -> Bool {
        var failed = false
        for (namespace, name) in targets {
            do {
                try delete(kind, name, namespace: namespace, mode: mode, plane: plane)
                printDeleted(kind.qualifiedKind, name)
            } catch let error as CommandError {
                if ignoring(error) { continue }
                failed = true
                Output.err(error.text + "\n")
            }
        }
        return failed
    }

    /// `--ignore-not-found`: a name with no object is passed over in silence.
    private func ignoring(_ error: CommandError) -> Bool {
        ignoreNotFound && error.status?.reason == "NotFound"
    }
}
