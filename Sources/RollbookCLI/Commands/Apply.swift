import ArgumentParser
import ControlPlane
import Printers

struct Apply: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "apply", abstract: "Apply a configuration to a Deployment by file name or stdin.")
    @OptionGroup var globals: GlobalOptions
    @Option(name: [.customShort("f"), .customLong("filename")], help: "Files, directories or - for stdin.")
    var filenames: [String] = []

    func run() throws {
        let namespace = globals.resolvedNamespace
        let plane = try globals.controlPlane()
        let documents = try ManifestFiles.load(filenames, command: "apply") { name, own in
            (try? plane.deploymentStream(namespace: own ?? namespace.name, name: name)) != nil
        }
        try ManifestFiles.checkNamesForApply(documents, namespace: namespace.name)
        let results = try plane.apply(documents, namespace: namespace.name, namespaceGiven: namespace.given)
        for result in results {
            if let warning = result.warning { Output.err(warning + "\n") }
            Output.out(namePrinter(kind: "deployment.apps", name: result.name, operation: result.outcome.rawValue))
        }
    }
}
