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

        func run() throws {
            if image.isEmpty { throw CommandError.client("required flag(s) \"image\" not set") }
            // create_deployment.go Validate: one command cannot serve several images.
            if image.count > 1 && !command.isEmpty {
                throw CommandError.client("cannot specify multiple --image options and command")
            }
            let deployment = ControlPlane.generatedDeployment(
                name: name, images: image, replicas: replicas, port: port >= 0 ? port : nil, command: command)
            try globals.controlPlane().create([(deployment, nil)], namespace: globals.resolvedNamespace.name)
            Output.out(namePrinter(kind: "deployment.apps", name: name, operation: "created"))
        }
    }
}
