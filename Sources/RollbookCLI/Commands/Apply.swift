import ControlPlane
import KubeModel
import Manifests
import Printers

struct Apply: RunnableCommand {
    /// `apply` runs itself, and holds `view-last-applied`.
    static var node: CommandNode {
        var node = spec.node
        node.subcommands = [
            Subcommand("view-last-applied") { ViewLastApplied.spec.node },
            Subcommand("set-last-applied") { SetLastApplied.spec.node },
        ]
        return node
    }

    static let spec = CommandSpec<Apply>(
        "apply", abstract: "Apply a configuration to Deployments, ReplicaSets and Pods by file name or stdin.",
        options: GlobalOptions.options(in: \.globals)
            + [
            .option(\.filenames, "filename", short: "f", help: "Files, directories or - for stdin."),
            .flag(\.recursive, "recursive", short: "R", help: "Read the directories given with -f, and those below them."),
            .option(\.dryRun, "dry-run", valueWhenBare: "unchanged", help: "none, client or server: decide and print, store nothing."),
            .option(\.output, "output", short: "o", help: "json, yaml, name, jsonpath=… or go-template=…: print the applied objects."),
            .template(\.output),
            .flag(\.force, "force", help: "Delete and re-create a Deployment the patch cannot change (a conflict, an immutable field)."),
            .flag(\.overwrite, "overwrite", help: "Let the manifest win over live changes (the default; false is not supported)."),
            .option(\.gracePeriod, "grace-period", help: "Accepted for kubectl compatibility: --force deletes at once."),
            .option(\.selector, "selector", short: "l", help: "Apply only the objects of the files whose labels match (e.g. -l app=web)."),
            .option(\.validate, "validate", valueWhenBare: "strict", help: ValidateFlag.help),
            .flag(\.record, "record", hidden: true, help: "Record the command in the change-cause annotation (deprecated)."),
            .flag(\.serverSide, "server-side", help: "Let the server merge the files into the live objects and track who owns each field."),
            .flag(\.forceConflicts, "force-conflicts", help: "With --server-side: take the fields other managers own."),
            .flag(\.showManagedFields, "show-managed-fields", help: "With -o json or yaml, keep the objects' managedFields."),
            .option(\.fieldManager, "field-manager", help: "The manager recorded in managedFields (default kubectl-client-side-apply, or kubectl with --server-side)."),
            .flag(\.prune, "prune", help: "Delete what apply made earlier that the files no longer hold (with -l or --all)."),
            .flag(\.all, "all", help: "With --prune: consider every object of the prune kinds, not those -l selects."),
            .option(\.pruneAllowlist, "prune-allowlist", help: "With --prune: the kinds to prune, as group/version/Kind (core/v1/Pod, apps/v1/Deployment)."),
        ],
        make: Apply.init)
    var globals = GlobalOptions()
    var filenames: [String] = []
    var recursive = false
    var dryRun = "none"
    var output: String?
    var force = false
    var overwrite = true
    var gracePeriod = -1
    var selector: String?
    var validate = "strict"
    var record = false
    var serverSide = false
    var forceConflicts = false
    var fieldManager: String?
    var showManagedFields = false
    var prune = false
    var all = false
    var pruneAllowlist: [String] = []

    func run() throws {
        if record { Output.err(RecordFlag.deprecation) }
        let strategy = try DryRunStrategy(flag: dryRun)
        let validation = try ValidateFlag.directive(validate)
        // apply.go's Validate, in its order.
        if forceConflicts && !serverSide { throw CommandError.client("--force-conflicts only works with --server-side") }
        if serverSide && strategy == .client {
            throw CommandError.client("--dry-run=client doesn't work with --server-side (did you mean --dry-run=server instead?)")
        }
        if force && serverSide { throw CommandError.client("--force cannot be used with --server-side") }
        if force && strategy == .server { throw CommandError.client("--dry-run=server cannot be used with --force") }
        // kubectl would then refuse a patch whose fields the live object changed since the last apply.
        if !overwrite { throw CommandError.client("--overwrite=false is not supported: the manifest always wins") }
        let pruneKinds = try checkPruneFlags()
        var printer = try TypedOutput(output)
        let namespace = globals.resolvedNamespace
        let plane = try globals.controlPlane(fieldValidation: validation)
        let query = try LabelQuery.parsing(selector)
        // A server-side apply's configuration goes as it is: the server's typed conversion refuses unknown fields.
        var documents = try ManifestFiles.load(
            filenames, command: "apply", replicaSets: true, validation: serverSide ? .ignore : validation,
            recursive: recursive,
            exists: { name, own in
                let target = own.flatMap { $0.isEmpty ? nil : $0 } ?? namespace.name
                return (try? plane.objectNamed(name, namespace: target)) == true
            },
            patchRefusal: { document, strict in
                try plane.unknownFieldsRefusal(document, namespace: namespace.name, strictError: strict)
            }
        ).filter { query?.matches($0.object.metadata.labels ?? [:]) ?? true }
        // The resource builder's selector leaves the files' other objects out.
        if documents.isEmpty { throw CommandError.client("no objects passed to apply") }
        // apply.go records before it takes the manifest's configuration, so the annotation is part of it.
        if record {
            documents = documents.map { document in
                var document = document
                document.raw = RecordFlag.recorded(document.raw)
                document.object.metadata[annotation: AnnotationKey.changeCause] = RecordFlag.changeCause()
                return document
            }
        }
        try ManifestFiles.checkNamesForApply(documents, namespace: namespace.name)
        if serverSide { return try applyOnServer(documents, plane: plane, namespace: namespace, strategy: strategy) }
        let results = try plane.apply(
            documents, namespace: namespace.name, namespaceGiven: namespace.given, dryRun: strategy != .none,
            clientDryRun: strategy == .client, force: force)
        for (result, document) in zip(results, documents) {
            if let warning = result.warning { Output.err(warning + "\n") }
            // The server's warnings answer a request: a client dry run and an unchanged object send none.
            if strategy != .client && result.outcome != .unchanged { ValidateFlag.printWarnings(of: document) }
            if printer.printsObjects { continue }
            if output == "name" {
                Output.out("\(result.resource)/\(result.name)\n")
                continue
            }
            // A client dry run never patches (ControlPlane.apply): no warning, and an existing object is "configured".
            Output.out(namePrinter(
                kind: result.resource, name: result.name, operation: strategy.operation(result.outcome.rawValue)))
        }
        if prune {
            let applied = zip(results, documents).map { result, document in
                (resource: result.resource, namespace: document.object.metadata.namespace ?? namespace.name, name: result.name)
            }
            try pruneAll(pruneKinds, applied: applied, strategy: strategy, plane: plane)
        }
        guard printer.printsObjects else { return }
        let objects = zip(documents, results).map { document, result in
            Self.printed(result, document: document, clientDryRun: strategy == .client, namespace: namespace.name)
        }
        try Self.printObjects(strategy == .client ? objects : try withManagedFields(objects, plane: plane), with: &printer)
    }

    /// `--show-managed-fields`: the objects as the server answered them, managedFields included (rebuilt from the log).
    private func withManagedFields(_ objects: [JSONValue], plane: ControlPlane) throws -> [JSONValue] {
        guard showManagedFields else { return objects }
        return try objects.map { object in
            let decoded: WatchedObject? = switch object["kind"]?.stringValue {
            case "Deployment": (try? JSONCodec.decode(Deployment.self, from: object)).map(WatchedObject.deployment)
            case "ReplicaSet": (try? JSONCodec.decode(ReplicaSet.self, from: object)).map(WatchedObject.replicaSet)
            default: nil
            }
            let fields = try decoded.flatMap { try plane.managedFields(of: $0) }
            var shown = object
            if let fields { shown["metadata"]?["managedFields"] = fields }
            return shown
        }
    }

    /// `kubectl apply --server-side`: every object is sent whole and merged on the server (see
    /// ``ControlPlane/serverSideApply(_:namespace:namespaceGiven:manager:force:dryRun:)``).
    private func applyOnServer(
        _ documents: [ManifestDocument], plane: ControlPlane, namespace: (name: String, given: Bool), strategy: DryRunStrategy
    ) throws {
        var printer = try TypedOutput(output)
        // An empty manager is not sent, and the server requires one for an apply patch (ValidatePatchOptions).
        if fieldManager == "" {
            throw CommandError("The PatchOptions \"\" is invalid: fieldManager: Required value: is required for apply patch")
        }
        let results: [ControlPlane.ApplyResult]
        do {
            results = try plane.serverSideApply(
                documents, namespace: namespace.name, namespaceGiven: namespace.given, manager: fieldManager ?? "kubectl",
                force: forceConflicts, dryRun: strategy == .server)
        } catch let error as CommandError where error.status?.code == 409 {
            throw CommandError.client(Self.conflictAdvice(error.status?.message ?? error.text))
        }
        for (result, document) in zip(results, documents) {
            if strategy != .client { ValidateFlag.printWarnings(of: document) }
            if let warning = result.warning { Output.err(warning + "\n") }
            if printer.printsObjects { continue }
            if output == "name" {
                Output.out("\(result.resource)/\(result.name)\n")
                continue
            }
            Output.out(namePrinter(kind: result.resource, name: result.name, operation: strategy.operation("serverside-applied")))
        }
        guard printer.printsObjects else { return }
        try Self.printObjects(try withManagedFields(results.map { $0.answer?.json ?? .null }, plane: plane), with: &printer)
    }

    /// apply.go's words after a server-side apply's Conflict.
    static func conflictAdvice(_ message: String) -> String {
        message + """

            Please review the fields above--they currently have other managers. Here
            are the ways you can resolve this warning:
            * If you intend to manage all of these fields, please re-run the apply
              command with the `--force-conflicts` flag.
            * If you do not intend to manage all of the fields, please edit your
              manifest to remove references to the fields that should keep their
              current managers.
            * You may co-own fields by updating your manifest to match the existing
              value; in this case, you'll become the manager if the other manager(s)
              stop managing the field (remove it from their configuration).
            See https://kubernetes.io/docs/reference/using-api/server-side-apply/#conflicts
            """
    }

    /// apply.go prints the objects it visited once, at the end: one alone, several in a v1 List.
    private static func printObjects(_ objects: [JSONValue], with printer: inout TypedOutput) throws {
        if objects.count == 1 {
            return Output.out(try printer.text(objects[0], as: nil, resource: "", operation: ""))
        }
        let list = JSONValue.object([
            "kind": .string("List"), "apiVersion": .string("v1"), "metadata": .object([:]), "items": .array(objects),
        ])
        Output.out(try printer.text(list, as: .list, resource: "", operation: ""))
    }

    /// What apply.go holds for a document once applied: the server's answer; on a client dry run, the manifest it
    /// would create (with its namespace and last-applied annotation), or the object it read.
    private static func printed(
        _ result: ControlPlane.ApplyResult, document: ManifestDocument, clientDryRun: Bool, namespace: String
    ) -> JSONValue {
        if clientDryRun, result.outcome == .created {
            let own = document.raw["metadata"]?["namespace"]?.stringValue ?? ""
            return LastApplied.annotatedObject(document.raw, namespace: own.isEmpty ? namespace : own)
        }
        let object = clientDryRun ? result.live : result.answer
        return object?.json ?? .null
    }
}
