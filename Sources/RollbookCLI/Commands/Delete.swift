import ArgumentParser
import ControlPlane
import Printers

struct Delete: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "delete", abstract: "Delete Deployments by file name or by name.")
    @OptionGroup var globals: GlobalOptions
    @Argument(help: "deployment NAME... or deployment/NAME...") var resources: [String] = []
    @Option(name: [.customShort("f"), .customLong("filename")], help: "Files, directories or - for stdin.")
    var filenames: [String] = []
    @Option(help: "background (dependents are garbage-collected) or orphan.") var cascade = "background"

    func run() throws {
        guard ["background", "foreground", "orphan", "true", "false"].contains(cascade) else {
            throw CommandError.client("invalid cascade value (\(cascade)). Must be \"background\", \"foreground\", or \"orphan\"")
        }
        let mode = cascade == "orphan" || cascade == "false" ? "orphan" : "background"
        let plane = try globals.controlPlane()
        var targets: [(namespace: String, name: String, source: String?)] = []
        if !filenames.isEmpty {
            for document in try ManifestFiles.load(filenames, command: "delete") { _, _ in true } {
                let namespace = document.object.deployment.metadata.namespace ?? globals.resolvedNamespace.name
                targets.append((namespace, document.object.deployment.name, document.source))
            }
        } else {
            let request = try ResourceArguments(resources)
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
                Output.out("deployment.apps \"\(target.name)\" deleted\n")
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

    /// `delete pod NAME` / `delete rs NAME`: their controllers replace them.
    private func deleteOwned(_ request: ResourceArguments, plane: ControlPlane) throws {
        var failed = false
        for name in request.names {
            do {
                if request.kind == .pod {
                    try plane.deletePod(namespace: globals.resolvedNamespace.name, name: name)
                    Output.out("pod \"\(name)\" deleted\n")
                } else {
                    try plane.deleteReplicaSet(namespace: globals.resolvedNamespace.name, name: name)
                    Output.out("replicaset.apps \"\(name)\" deleted\n")
                }
            } catch let error as CommandError {
                failed = true
                Output.err(error.text + "\n")
            }
        }
        if failed { throw ExitCode(1) }
    }
}
