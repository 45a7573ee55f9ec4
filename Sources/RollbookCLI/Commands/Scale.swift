import ArgumentParser
import ControlPlane
import Printers

struct Scale: ParsableCommand {
    static let configuration = CommandConfiguration(abstract: "Set a new size for a Deployment.")
    @OptionGroup var globals: GlobalOptions
    @Argument(help: "deployment/NAME") var resource: [String] = []
    @Option(help: "The new desired number of replicas. Required.") var replicas: Int?
    @Option(name: .customLong("current-replicas"), help: "Precondition for current size.") var currentReplicas = -1

    func run() throws {
        guard let replicas, replicas >= 0 else {
            throw CommandError.client("The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0")
        }
        let name = try ResourceArguments.deployment(resource)
        try globals.controlPlane().scale(
            namespace: globals.resolvedNamespace.name, name: name, replicas: replicas,
            currentReplicas: currentReplicas >= 0 ? currentReplicas : nil)
        Output.out(namePrinter(kind: "deployment.apps", name: name, operation: "scaled"))
    }
}
