import ControlPlane
import KubeModel
import Manifests

/// `create -f FILE` itself, or `create deployment NAME`: kubectl's `create` is both a command and a group.
enum Create {
    static var node: CommandNode {
        FromFiles.spec.node.named(
            "create", abstract: "Create Deployments, ReplicaSets, Pods and ResourceQuotas from files, a Deployment from an image, or a quota.",
            subcommands: [
                Subcommand("files") { FromFiles.spec.node }, Subcommand("deployment", aliases: ["deploy"]) { Deployment.spec.node },
                Subcommand("quota", aliases: ["resourcequota"]) { Quota.spec.node },
            ])
    }

    /// `create -f FILE`.
    struct FromFiles: RunnableCommand {
        static let spec = CommandSpec<FromFiles>(
            "files", abstract: "Create from -f files.",
            options: GlobalOptions.options(in: \.globals)
                + [
                .option(\.filenames, "filename", short: "f", help: "Files, directories or - for stdin."),
                .flag(\.recursive, "recursive", short: "R", help: "Read the directories given with -f, and those below them."),
                .option(\.dryRun, "dry-run", valueWhenBare: "unchanged", help: "none, client (print, create nothing) or server."),
                .option(\.output, "output", short: "o", help: "Print the created objects: json, yaml, name, jsonpath=… or go-template=…."),
                .template(\.output),
                .flag(\.saveConfig, "save-config", help: "Record each object's configuration in its last-applied annotation, for apply."),
                .option(\.validate, "validate", valueWhenBare: "strict", help: ValidateFlag.help),
                .flag(\.record, "record", hidden: true, help: "Record the command in the change-cause annotation (deprecated)."),
                .option(\.selector, "selector", short: "l", help: "Create only the objects of the files whose labels match (e.g. -l app=web)."),
            ],
            make: FromFiles.init)
        var globals = GlobalOptions()
        var validate = "strict"
        var record = false
        var filenames: [String] = []
        var recursive = false
        var saveConfig = false
        var dryRun = "none"
        var output: String?
        var selector: String?

        func run() throws {
            if record { Output.err(RecordFlag.deprecation) }
            let strategy = try DryRunStrategy(flag: dryRun)
            let validation = try ValidateFlag.directive(validate)
            var printer = try TypedOutput(output)
            let plane = try globals.controlPlane(fieldValidation: validation)
            let query = try LabelQuery.parsing(selector)
            // The resource builder's selector leaves the files' other objects out.
            let documents = try ManifestFiles.load(
                filenames, command: "create", replicaSets: true, validation: validation, recursive: recursive
            ) { _, _ in false }.filter { query?.matches($0.object.metadata.labels ?? [:]) ?? true }
            if documents.isEmpty { throw CommandError.client("no objects passed to create") }
            try ManifestScope.check(documents, flag: globals.namespace)
            var objects = documents.map { Created(raw: $0.raw, object: $0.object, source: $0.source) }
            if saveConfig { objects = objects.map(savingConfiguration) }
            // create.go records after it saved the configuration, so the annotation is not part of it.
            if record { objects = objects.map(Self.recording) }
            let operation = strategy.operation("created")
            // A client dry run prints the objects as the files hold them, asking the server nothing.
            if strategy == .client {
                for object in objects {
                    Output.out(try printer.text(
                        object.raw, as: nil, resource: "\(object.object.resource)/\(object.object.name)", operation: operation))
                }
                return
            }
            let answers = try plane.create(
                objects.map { (object: $0.object, source: Optional($0.source)) }, namespace: globals.resolvedNamespace.name,
                dryRun: strategy == .server)
            // create.go prints each object as the server answered the create.
            for ((answer, object), document) in zip(zip(answers, objects), documents) {
                ValidateFlag.printWarnings(of: document)
                if let warning = answer.metadata.nameWarningOnCreate { Output.err("Warning: \(warning)\n") }
                Output.out(try printer.text(
                    answer.json, as: nil, resource: "\(object.object.resource)/\(answer.name)", operation: operation))
            }
        }
    }

    /// `create deployment NAME --image=IMAGE [--replicas=N] [--port=P] [-- COMMAND [ARGS...]]`.
    struct Deployment: RunnableCommand {
        static let spec = CommandSpec<Deployment>(
            "deployment", abstract: "Create a Deployment with the specified name.",
            options: GlobalOptions.options(in: \.globals)
                + [
                .option(\.image, "image", help: "Image names to run (repeatable)."),
                .option(\.replicas, "replicas", help: "Number of replicas to create."),
                .option(\.port, "port", help: "The containerPort that this deployment exposes."),
                .option(\.dryRun, "dry-run", valueWhenBare: "unchanged", help: "none, client (print, create nothing) or server."),
                .option(\.output, "output", short: "o", help: "Print the created object: json, yaml, name, jsonpath=… or go-template=…."),
                .template(\.output),
                .flag(\.saveConfig, "save-config", help: "Record the object's configuration in its last-applied annotation, for apply."),
                .option(\.validate, "validate", valueWhenBare: "strict", help: ValidateFlag.help),
            ],
            arguments: .name(\.name),
            afterTerminator: \Deployment.command,
            make: Deployment.init)
        var globals = GlobalOptions()
        var name = ""
        var image: [String] = []
        var replicas = 1
        var port = -1
        var command: [String] = []
        var dryRun = "none"
        var output: String?
        var saveConfig = false
        var validate = "strict"
        func run() throws {
            if image.isEmpty { throw CommandError.client("required flag(s) \"image\" not set") }
            _ = try ValidateFlag.directive(validate)
            // create_deployment.go Validate: one command cannot serve several images.
            if image.count > 1 && !command.isEmpty {
                throw CommandError.client("cannot specify multiple --image options and command")
            }
            let strategy = try DryRunStrategy(flag: dryRun)
            var deployment = ControlPlane.generatedDeployment(
                name: name, images: image, replicas: replicas, port: port >= 0 ? port : nil, command: command)
            let namespace = globals.resolvedNamespace
            var printer = try TypedOutput(output)
            // A client dry run never reaches the server and prints the object it built; otherwise the answer of
            // the create (a server dry run checks everything and stores nothing) is printed.
            var object = GeneratedDeploymentJSON.object(deployment, namespace: namespace.given ? namespace.name : nil)
            if saveConfig {
                // CreateOrUpdateAnnotation: the typed object kubectl built, encoded as json.Marshal writes it.
                let configuration = TypedObject.deployment.compactJSON(object)
                deployment.metadata[annotation: AnnotationKey.lastApplied] = configuration
                var annotations = object["metadata"]?["annotations"]?.objectValue ?? [:]
                annotations[AnnotationKey.lastApplied] = .string(configuration)
                object["metadata"]?["annotations"] = .object(annotations)
            }
            if strategy != .client {
                let answers: [KubeModel.Deployment]
                do {
                    answers = try globals.controlPlane().create(
                        [(deployment, nil)], namespace: namespace.name, dryRun: strategy == .server)
                } catch let error as CommandError {
                    // The typed client's error, wrapped by create_deployment.go.
                    guard let status = error.status else { throw error }
                    throw CommandError.client("failed to create deployment: \(status.message)")
                }
                if let warning = answers.first?.metadata.nameWarningOnCreate { Output.err("Warning: \(warning)\n") }
                object = answers.first.map { ObjectListing.Object.deployment($0).json } ?? object
            }
            Output.out(try printer.text(
                object, as: .deployment, resource: "deployment.apps/\(name)", operation: strategy.operation("created")))
        }
    }
}

/// `--save-config` (`CreateOrUpdateAnnotation`): the object as the file holds it, namespace set, is its
/// last-applied configuration.
extension Create.FromFiles {
    /// An object to create: as the file holds it, and decoded.
    struct Created {
        var raw: JSONValue
        var object: ManifestObject
        var source: String
    }

    /// `--record`: the change-cause annotation, on the object sent and the one printed.
    static func recording(_ object: Created) -> Created {
        var object = object
        object.raw = RecordFlag.recorded(object.raw)
        object.object.metadata[annotation: AnnotationKey.changeCause] = RecordFlag.changeCause()
        return object
    }

    func savingConfiguration(_ object: Created) -> Created {
        var object = object
        let namespace = object.object.metadata.namespace ?? globals.resolvedNamespace.name
        let configuration = LastApplied.configuration(for: object.raw, namespace: namespace)
        object.raw = LastApplied.annotatedObject(object.raw, namespace: namespace, configuration: configuration)
        switch object.object {
        case .deployment(var deployment):
            deployment.metadata[annotation: AnnotationKey.lastApplied] = configuration
            object.object = .deployment(deployment)
        case .replicaSet(var manifest):
            manifest.replicaSet.metadata[annotation: AnnotationKey.lastApplied] = configuration
            object.object = .replicaSet(manifest)
        case .pod(var pod):
            pod.metadata[annotation: AnnotationKey.lastApplied] = configuration
            object.object = .pod(pod)
        case .resourceQuota(var quota):
            quota.metadata[annotation: AnnotationKey.lastApplied] = configuration
            object.object = .resourceQuota(quota)
        }
        return object
    }
}
