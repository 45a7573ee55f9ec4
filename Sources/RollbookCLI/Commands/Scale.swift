import ArgumentParser
import ControlPlane
import KubeModel
import Printers

struct Scale: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "scale", abstract: "Set a new size for one or more Deployments.")
    @OptionGroup var globals: GlobalOptions
    @Argument(help: "deployment/NAME, deployment NAME..., or deployment with -l / --all") var resource: [String] = []
    @Option(help: "The new desired number of replicas. Required.") var replicas: Int?
    @Option(name: .customLong("current-replicas"), help: "Precondition for current size.") var currentReplicas = -1
    @Option(name: [.customShort("l"), .customLong("selector")], help: "Scale the Deployments matching this selector.")
    var selector: String?
    @Flag(help: "Scale every Deployment in the namespace.") var all = false

    func run() throws {
        guard let replicas, replicas >= 0 else {
            throw CommandError.client("The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0")
        }
        let plane = try globals.controlPlane()
        let namespace = globals.resolvedNamespace.name
        let names = try targets(plane, namespace: namespace)
        for name in names {
            try plane.scale(
                namespace: namespace, name: name, replicas: replicas,
                currentReplicas: currentReplicas >= 0 ? currentReplicas : nil)
            Output.out(namePrinter(kind: "deployment.apps", name: name, operation: "scaled"))
        }
    }

    /// The Deployments named, or selected by `-l` / `--all`.
    private func targets(_ plane: ControlPlane, namespace: String) throws -> [String] {
        guard selector != nil || all else {
            let parsed = try ResourceArguments(resource)
            guard parsed.kind == .deployment else { throw CommandError.client("rollbook scales Deployments only") }
            if parsed.names.isEmpty { throw CommandError.client("resource(s) were provided, but no name was specified") }
            return parsed.names
        }
        if let first = resource.first, try ResourceKind(parsing: first) != .deployment {
            throw CommandError.client("rollbook scales Deployments only")
        }
        let query = try selector.map { text in
            guard let query = LabelQuery(text) else { throw CommandError.client("unable to parse requirement: \(text)") }
            return query
        }
        let names = try plane.read { try $0.deployments(namespace: namespace) }
            .filter { query?.matches($0.metadata.labels ?? [:]) ?? true }.map(\.name)
        if names.isEmpty { throw CommandError("No resources found in \(namespace) namespace.") }
        return names
    }
}
