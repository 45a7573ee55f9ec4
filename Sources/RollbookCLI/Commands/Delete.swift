import ControlPlane
import KubeModel
import Printers

struct Delete: RunnableCommand {
    static let spec = CommandSpec<Delete>(
        "delete", abstract: "Delete Deployments by file name or by name.",
        options: GlobalOptions.options(in: \.globals)
            + [
            .option(\.filenames, "filename", short: "f", help: "Files, directories or - for stdin."),
            .option(\.cascade, "cascade", valueWhenBare: "background", help: "background (dependents are garbage-collected) or orphan."),
            .flag(\.all, "all", help: "Delete every object of the type in the namespace."),
            .option(\.selector, "selector", short: "l", help: "Delete the objects matching this selector."),
            .option(\.gracePeriod, "grace-period", help: "Accepted for kubectl compatibility; pods go at once."),
            .flag(\.force, "force", help: "With --grace-period=0, delete without waiting (pods go at once anyway)."),
            .option(\.wait, "wait", help: "Accepted for kubectl compatibility: deletion completes before the command returns."),
            .option(\.output, "output", short: "o", help: "name: print resource/name for each object deleted."),
        ],
        arguments: .list(\.resources, "deployment NAME... or deployment/NAME..."),
        make: Delete.init)
    var globals = GlobalOptions()
    var resources: [String] = []
    var filenames: [String] = []
    var cascade = "background"
    var all = false
    var selector: String?
    var gracePeriod = -1
    var force = false
    var wait = "true"
    var output: String?

    /// The grace period delete.go settles on: `--grace-period=0` alone becomes 1, `--force` alone 0.
    private var effectiveGracePeriod: Int {
        if gracePeriod == 0 && !force { return 1 }
        if force && gracePeriod < 0 { return 0 }
        return gracePeriod
    }

    /// `kind "name" deleted`, `force deleted` without a grace period, or `kind/name` with `-o name`.
    private func printDeleted(_ kind: String, _ name: String) {
        if output == "name" { return Output.out("\(kind)/\(name)\n") }
        Output.out("\(kind) \"\(name)\" \(effectiveGracePeriod == 0 ? "force deleted" : "deleted")\n")
    }

    func run() throws {
        guard ["background", "foreground", "orphan", "true", "false"].contains(cascade) else {
            throw CommandError.client("invalid cascade value (\(cascade)). Must be \"background\", \"foreground\", or \"orphan\"")
        }
        if let output, output != "name" {
            throw CommandError.client("unexpected -o output mode: \(output). We only support '-o name'")
        }
        let mode = cascade == "orphan" || cascade == "false" ? "orphan" : "background"
        if force && effectiveGracePeriod > 0 {
            throw CommandError.client("--force and --grace-period greater than 0 cannot be specified together")
        }
        if force && effectiveGracePeriod == 0 {
            Output.err("Warning: Immediate deletion does not wait for confirmation that the running resource has been "
                + "terminated. The resource may continue to run on the cluster indefinitely.\n")
        }
        let plane = try globals.controlPlane()
        var targets: [(namespace: String, name: String, source: String?)] = []
        if !filenames.isEmpty {
            for document in try ManifestFiles.load(filenames, command: "delete") { _, _ in true } {
                let namespace = document.object.deployment.metadata.namespace ?? globals.resolvedNamespace.name
                targets.append((namespace, document.object.deployment.name, document.source))
            }
        } else {
            var request = try ResourceArguments(resources, whenEmpty: .argumentOrFilename)
            if all || selector != nil {
                request.names = try selectedNames(request.kind, plane: plane)
                // kubectl's delete says so on stdout and succeeds.
                if request.names.isEmpty { return Output.out("No resources found\n") }
            }
            if request.names.isEmpty { throw CommandError.client("resource(s) were provided, but no name was specified") }
            if request.kind != .deployment {
                try deleteOwned(request, plane: plane)
                return
            }
            targets = request.names.map { (globals.resolvedNamespace.name, $0, nil) }
        }
        var failed = false
        for target in targets {
            if let source = target.source { try ManifestFiles.checkNameForDelete(target.name, source: source) }
            do {
                try plane.delete(namespace: target.namespace, name: target.name, cascade: mode)
                printDeleted("deployment.apps", target.name)
            } catch let error as CommandError {
                failed = true
                if let source = target.source {
                    Output.err("Error from server (NotFound): error when deleting \"\(source)\": deployments.apps \"\(target.name)\" not found\n")
                } else {
                    Output.err(error.text + "\n")
                }
            }
        }
        if failed { throw ExitCode(1) }
    }

    /// `--all` / `-l`: the objects of the kind in the namespace (that the selector matches), by name.
    private func selectedNames(_ kind: ResourceKind, plane: ControlPlane) throws -> [String] {
        let query = try selector.map { text in
            guard let query = LabelQuery(text) else { throw CommandError.client("unable to parse requirement: \(text)") }
            return query
        }
        let namespace = globals.resolvedNamespace.name
        let objects: [(name: String, labels: [String: String]?)] = try plane.read { reader in
            switch kind {
            case .deployment: try reader.deployments(namespace: namespace).map { ($0.name, $0.metadata.labels) }
            case .replicaSet: try reader.replicaSets(namespace: namespace).map { ($0.name, $0.metadata.labels) }
            case .pod: try reader.pods(namespace: namespace).map { ($0.name, $0.metadata.labels) }
            }
        }
        return objects.filter { query?.matches($0.labels ?? [:]) ?? true }.map(\.name).sorted()
    }

    /// `delete pod NAME` / `delete rs NAME`: their controllers replace them.
    private func deleteOwned(_ request: ResourceArguments, plane: ControlPlane) throws {
        var failed = false
        for name in request.names {
            do {
                if request.kind == .pod {
                    try plane.deletePod(namespace: globals.resolvedNamespace.name, name: name)
                    printDeleted("pod", name)
                } else {
                    try plane.deleteReplicaSet(namespace: globals.resolvedNamespace.name, name: name)
                    printDeleted("replicaset.apps", name)
                }
            } catch let error as CommandError {
                failed = true
                Output.err(error.text + "\n")
            }
        }
        if failed { throw ExitCode(1) }
    }
}
