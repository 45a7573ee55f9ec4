import ArgumentParser
import ControlPlane
import Printers

struct Create: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "create",
        abstract: "Create Deployments from files or from an image.", subcommands: [FromFiles.self, Deployment.self],
        defaultSubcommand: FromFiles.self)

    /// `create -f FILE`.
    struct FromFiles: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "files", abstract: "Create from -f files.")
        @OptionGroup var globals: GlobalOptions
        @Option(name: [.customShort("f"), .customLong("filename")], help: "Files, directories or - for stdin.")
        var filenames: [String] = []

        func run() throws {
            let plane = try globals.controlPlane()
            let documents = try ManifestFiles.load(filenames, command: "create") { _, _ in false }
            try plane.create(documents.map { ($0.object.deployment, $0.source) }, namespace: globals.resolvedNamespace.name)
            for document in documents {
                Output.out(namePrinter(kind: "deployment.apps", name: document.object.deployment.name, operation: "created"))
            }
        }
    }

    /// `create deployment NAME --image=IMAGE [--replicas=N] [--port=P] [-- COMMAND [ARGS...]]`.
    struct Deployment: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "deployment", abstract: "Create a Deployment with the specified name.")
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "NAME") var name: String
        @Option(help: "Image names to run (repeatable).") var image: [String] = []
        @Option(help: "Number of replicas to create.") var replicas = 1
        @Option(help: "The containerPort that this deployment exposes.") var port = -1
        @Argument(parsing: .postTerminator, help: "The container's command, after --.") var command: [String] = []
        @Option(name: .customLong("dry-run"), help: "none, client (print, create nothing) or server.")
        var dryRun = "none"
        @Option(name: .shortAndLong, help: "name; yaml or json with --dry-run=client.") var output: String?

        func run() throws {
            if image.isEmpty { throw CommandError.client("required flag(s) \"image\" not set") }
            // create_deployment.go Validate: one command cannot serve several images.
            if image.count > 1 && !command.isEmpty {
                throw CommandError.client("cannot specify multiple --image options and command")
            }
            let strategy = try DryRunStrategy(flag: dryRun)
            let deployment = ControlPlane.generatedDeployment(
                name: name, images: image, replicas: replicas, port: port >= 0 ? port : nil, command: command)
            let namespace = globals.resolvedNamespace
            switch output {
            case nil, "name": break
            case "yaml", "json" where strategy == .client: break
            case "yaml", "json":
                throw CommandError.client("rollbook prints the created object (-o \(output!)) only with --dry-run=client")
            default:
                throw CommandError.client(
                    "unable to match a printer suitable for the output format \"\(output!)\", allowed formats are: json,name,yaml")
            }
            // A client dry run never reaches the server; a server one is checked and stored nowhere.
            if strategy != .client {
                try globals.controlPlane().create(
                    [(deployment, nil)], namespace: namespace.name, dryRun: strategy == .server)
            }
            switch output {
            case "name": Output.out("deployment.apps/\(name)\n")
            case "yaml", "json":
                let text = GeneratedDeploymentText(deployment, namespace: namespace.given ? namespace.name : nil)
                Output.out(output == "yaml" ? text.yaml : text.json)
            default: Output.out(namePrinter(kind: "deployment.apps", name: name, operation: strategy.operation("created")))
            }
        }
    }
}
