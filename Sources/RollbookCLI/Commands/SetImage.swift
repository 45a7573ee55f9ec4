import ControlPlane
import KubeModel
import Printers

enum SetCommand {
    static var node: CommandNode {
        .group("set", abstract: "Set specific features on objects.", subcommands: [
            Subcommand("image") { Image.spec.node }, Subcommand("env") { Env.spec.node },
            Subcommand("resources") { Resources.spec.node }, Subcommand("serviceaccount", aliases: ["sa"]) { ServiceAccount.spec.node },
        ])
    }

    struct Image: RunnableCommand {
        static let spec = CommandSpec<Image>(
            "image", abstract: "Update the image of a pod template.",
            options: GlobalOptions.options(in: \.globals)
                + FilenameOption.options(in: \.files)
                + [
                .flag(\.record, "record", hidden: true, help: "Record the command in the change-cause annotation (deprecated)."),
                .option(\.dryRun, "dry-run", valueWhenBare: "unchanged", help: "none, client or server: only print what would be updated."),
                .flag(\.all, "all", help: "Update every object of the type in the namespace."),
                .option(\.selector, "selector", short: "l", help: "Update the objects matching this selector."),
                .flag(\.local, "local", help: "Update the objects of -f and print them; nothing is read from or written to the store."),
                .option(\.output, "output", short: "o", help: "Print the updated objects: json, yaml, name, jsonpath=… or go-template=…."),
                .template(\.output),
            ],
            arguments: .list(\.arguments, "deployment/NAME CONTAINER=IMAGE..."),
            make: Image.init)
        var globals = GlobalOptions()
        var files = FilenameOption()
        var arguments: [String] = []
        var record = false
        var dryRun = "none"
        var all = false
        var selector: String?
        var local = false
        var output: String?

        func run() throws {
            // cobra's notice for a flag marked deprecated, printed while parsing, before anything else.
            if record { Output.err("Flag --record has been deprecated, --record will be removed in the future\n") }
            // GetResourcesAndPairs: resources first, then the pairs, never mixed.
            let (resourceArguments, pairArguments) = try Annotate.resourcesAndPairs(arguments, noun: "image")
            var pairs: [(container: String, image: String)] = []
            for argument in pairArguments {
                // ParsePairs without removal: `name-` is no image.
                guard let equals = argument.firstIndex(of: "=") else {
                    throw CommandError.client("invalid image format: \(argument)")
                }
                let container = String(argument[..<equals]), image = String(argument[argument.index(after: equals)...])
                // ParsePairs fills a map: a container named twice keeps its last image.
                if let index = pairs.firstIndex(where: { $0.container == container }) {
                    pairs[index].image = image
                } else {
                    pairs.append((container, image))
                }
            }
            // set_image.go Complete: the printer first, then the objects, then Validate.
            var printer = try TypedOutput(output)
            let strategy = try DryRunStrategy(flag: dryRun)
            if local && !resourceArguments.isEmpty { throw CommandError.client(Self.localResourceError) }
            // The resource builder runs before Validate: nothing to visit is its error.
            if resourceArguments.isEmpty && files.filenames.isEmpty { throw MissingResource.none(selecting: selector != nil) }
            // Complete visits the objects (a missing one fails it) before Validate looks at the images.
            let plane = local ? nil : try globals.controlPlane()
            let found = try plane.map { try targets(files.resources(resourceArguments, command: "set image"), plane: $0) }
            try validate(pairs: pairs, strategy: strategy)
            var errors: [String] = []
            if let plane, let found {
                // Type by type (`deploy,rs --all`) or pair by pair (`deploy/a rs/b`), as the builder visits them.
                for targets in found where targets.kind != .event {
                    if targets.kind != .deployment {
                        try updateReplicaSets(
                            targets, plane: plane, pairs: pairs, strategy: strategy, printer: &printer, errors: &errors)
                    } else {
                        try updateStore(
                            targets.names, plane: plane, pairs: pairs, strategy: strategy, printer: &printer, errors: &errors)
                    }
                }
            } else {
                try updateFiles(pairs: pairs, printer: &printer, operation: strategy.operation("image updated"), errors: &errors)
            }
            guard errors.isEmpty else {
                for text in errors { Output.err(text + "\n") }
                throw ExitCode(1)
            }
        }

        /// cli-runtime's `LocalResourceError`.
        static let localResourceError = """
            you must specify resources by --filename when --local is set.
            Example resource specifications include:
               '-f rsrc.yaml'
               '--filename=rsrc.json'
            """

        /// set_image.go Validate: every problem, one per line when there are several (an aggregate error).
        private func validate(pairs: [(container: String, image: String)], strategy: DryRunStrategy) throws {
            var problems: [String] = []
            if all && selector != nil { problems.append("cannot set --all and --selector at the same time") }
            if pairs.isEmpty {
                problems.append("at least one image update is required")
            } else if pairs.count > 1 && pairs.contains(where: { $0.container == "*" }) {
                problems.append(
                    "all containers are already specified by *, but saw more than one container_name=container_image pairs")
            }
            if local && strategy == .server {
                problems.append("cannot specify --local and --dry-run=server - did you mean --dry-run=client?")
            }
            guard let first = problems.first else { return }
            throw problems.count == 1 ? CommandError.client(first) : CommandError(problems.joined(separator: "\n"))
        }

        /// `--local`: the objects of `-f`, changed and printed as kubectl's typed decoding holds them.
        private func updateFiles(
            pairs: [(container: String, image: String)], printer: inout TypedOutput, operation: String,
            errors: inout [String]
        ) throws {
            guard !files.filenames.isEmpty else { throw MissingResource.argumentOrFilename.error }
            for document in try ManifestFiles.load(files.filenames, command: "set image", recursive: files.recursive, exists: { _, _ in false }) {
                var object = document.raw
                errors += ContainerImages.set(pairs, in: &object)
                guard object != document.raw else { continue }
                Output.out(try printer.text(
                    object, as: .deployment, resource: "deployment.apps/\(document.object.name)",
                    operation: operation))
            }
        }

        /// The Deployments of the store: patched, or with `--dry-run=client` only read and changed here.
        private func updateStore(
            _ names: [String], plane: ControlPlane, pairs: [(container: String, image: String)],
            strategy: DryRunStrategy, printer: inout TypedOutput, errors: inout [String]
        ) throws {
            let cause = record ? RecordFlag.changeCause() : nil
            let namespace = globals.resolvedNamespace.name
            let operation = strategy.operation("image updated")
            // set_image.go collects each object's error and goes on with the others.
            for name in names {
                do {
                    // A client dry run never reaches the server, but still asks it for the object.
                    let (answer, missing) = try plane.setImage(
                        namespace: namespace, name: name, images: pairs, changeCause: cause, dryRun: strategy != .none)
                    errors += missing.map { "error: unable to find container named \"\($0)\"" }
                    guard let answer else { continue }
                    var object = ObjectListing.Object.deployment(answer).json
                    if strategy == .client, printer.printsObjects {
                        // kubectl prints the object it read, changed locally: no generation or resourceVersion bump.
                        var read = try plane.deploymentStream(namespace: namespace, name: name).deployment ?? answer
                        if let cause { read.metadata[annotation: AnnotationKey.changeCause] = cause }
                        object = ObjectListing.Object.deployment(read).json
                        _ = ContainerImages.set(pairs, in: &object)
                    }
                    Output.out(try printer.text(
                        object, as: .deployment, resource: "deployment.apps/\(name)", operation: operation))
                } catch let error as CommandError {
                    errors.append(error.text)
                }
            }
        }

        /// ReplicaSets and Pods: the containers' new images go in one patch, as set_image.go sends it. A ReplicaSet
        /// does not roll: its running Pods keep their images, and only Pods it creates from now on take the new ones;
        /// a Pod's changed containers are restarted by the kubelet.
        private func updateReplicaSets(
            _ targets: DeploymentTargets, plane: ControlPlane, pairs: [(container: String, image: String)],
            strategy: DryRunStrategy, printer: inout TypedOutput, errors: inout [String]
        ) throws {
            let cause = record ? RecordFlag.changeCause() : nil
            let namespace = globals.resolvedNamespace.name
            for name in targets.names {
                do {
                    guard let live = try targets.live(name, namespace: namespace, plane: plane) else { continue }
                    var object = live.json
                    errors += ContainerImages.set(pairs, in: &object)
                    if let cause { SetTargets.record(cause, in: &object) }
                    guard object != live.json else { continue }
                    if strategy != .client {
                        let patch = targets.kind == .pod
                            ? SetTargets.podPatch(object, fields: ["containers", "initContainers"])
                            : SetTargets.patch(object, fields: ["containers", "initContainers"])
                        object = try targets.patch(
                            name, namespace: namespace, patch: .merge(patch), dryRun: strategy == .server, plane: plane
                        ).json
                    }
                    Output.out(try printer.text(
                        object, as: nil, resource: "\(targets.kind.qualifiedKind)/\(name)",
                        operation: strategy.operation("image updated")))
                } catch let error as CommandError {
                    errors.append(error.text)
                }
            }
        }

        /// The Deployments or ReplicaSets named (all of them found, or their NotFound errors), or every one selected
        /// by `--all` / `-l` (by name, as the API lists them).
        private func targets(_ arguments: [String], plane: ControlPlane) throws -> [DeploymentTargets] {
            let namespace = globals.resolvedNamespace.name
            let selecting = all || selector != nil
            let groups = try ResourceArguments.groups(arguments, whenEmpty: .argumentOrFilename, selecting: selecting)
            guard selecting else {
                let found = try groups.map { group in
                    try DeploymentTargets(
                        group.arguments, selector: nil, namespace: namespace, in: plane, accepting: [.replicaSet, .pod])
                }
                try DeploymentTargets.report(found.flatMap(\.notFound))
                return found
            }
            // Nothing selected is no error: kubectl prints nothing and exits 0.
            return try groups.map { group in
                try DeploymentTargets(
                    [group.kind.resource], selector: selector, namespace: namespace, in: plane, accepting: [.replicaSet, .pod])
            }
        }
    }
}

/// `--record`: the command line as cli-runtime's `parseCommandArguments` writes it: the program's base
/// name, the positional arguments, then every flag as ` --name=value` in parse order. Rollbook's own
/// `--store` and `--as` are left out: they are not kubectl flags and would leak local paths into history.
enum RecordFlag {
    /// The flags of `set image` and `set resources` that take a value, by every spelling, with the name kubectl
    /// records.
    static let valued: [String: String] = [
        "--store": "store", "--as": "as", "-n": "namespace", "--namespace": "namespace", "-o": "output",
        "--output": "output", "-f": "filename", "--filename": "filename", "-l": "selector", "--selector": "selector",
        "-c": "containers", "--containers": "containers", "--limits": "limits", "--requests": "requests",
        "-p": "patch", "--patch": "patch", "--patch-file": "patch-file", "--type": "type", "--replicas": "replicas",
        "--current-replicas": "current-replicas", "--resource-version": "resource-version", "--template": "template",
        "--field-manager": "field-manager", "--grace-period": "grace-period", "--timeout": "timeout",
    ]
    /// Flags whose value is optional (pflag's NoOptDefVal): alone they record that default, and never take the next
    /// argument.
    static let optionalValue: [String: String] = ["--dry-run": "unchanged", "--validate": "strict", "--cascade": "background"]
    static let omitted: Set<String> = ["store", "as"]

    static let deprecation = "Flag --record has been deprecated, --record will be removed in the future\n"

    /// The object with `--record`'s change-cause annotation.
    static func recorded(_ object: JSONValue) -> JSONValue {
        var object = object
        SetTargets.record(changeCause(), in: &object)
        return object
    }

    static func changeCause(_ arguments: [String] = CommandLine.arguments) -> String {
        let base = arguments.first.map { String($0.split(separator: "/").last ?? "") } ?? "rollbook"
        var positional: [String] = []
        var flags: [String] = []
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("-"), argument != "-" else {
                positional.append(argument)
                continue
            }
            var parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
            // A short flag with its value attached: `-oyaml`.
            if !argument.hasPrefix("--"), parts[0].count > 2, valued[String(parts[0].prefix(2))] != nil {
                parts = [String(argument.prefix(2)), String(argument.dropFirst(2))]
            }
            let name: String
            let value: String
            if let long = valued[parts[0]] {
                name = long
                if parts.count == 2 {
                    value = parts[1]
                } else if index < arguments.count {
                    value = arguments[index]
                    index += 1
                } else {
                    value = ""
                }
            } else {
                name = String(parts[0].drop { $0 == "-" })
                value = parts.count == 2 ? parts[1] : optionalValue[parts[0]] ?? "true"
            }
            if !omitted.contains(name) { flags.append(" --\(name)=\(value)") }
        }
        return ([base] + positional).joined(separator: " ") + flags.joined()
    }
}
