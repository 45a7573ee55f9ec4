import ControlPlane
import KubeModel

/// `-A`/`--all-namespaces` for verbs that act on a selection (label, annotate): the selection made in each namespace
/// in turn, by name, as the API server's list of every namespace orders it.
enum AllNamespaces {
    /// The namespaces holding an object of the type `resources` names that `selector` matches, sorted.
    ///
    /// - Throws: The resource builder's refusal of names across all namespaces.
    static func namespaces(for resources: [String], selector: String?, plane: ControlPlane) throws -> [String] {
        let request = try ResourceArguments(resources, whenEmpty: .rollout)
        if !request.names.isEmpty {
            throw CommandError.client("a resource cannot be retrieved by name across all namespaces")
        }
        let query = try LabelQuery.parsing(selector)
        let objects = try plane.read { try request.kind.labelledObjects(in: nil, reader: $0) }
        return Set(objects.filter { query?.matches($0.labels ?? [:]) ?? true }.map(\.namespace)).sorted()
    }
}

/// A verb that takes `-A` by running once per namespace (label, annotate).
protocol EveryNamespaceCommand: RunnableCommand {
    var globals: GlobalOptions { get set }
    var allNamespaces: Bool { get set }
    /// Set on the copies that run in one namespace each, so what is said once (a deprecation) is not repeated.
    var inNamespaceLoop: Bool { get set }
}

extension EveryNamespaceCommand {
    /// Runs a copy of the command in each namespace the selection finds, by name.
    func runInEveryNamespace(_ resources: [String], selector: String?) throws {
        let plane = try globals.controlPlane()
        for namespace in try AllNamespaces.namespaces(for: resources, selector: selector, plane: plane) {
            var inOne = self
            inOne.allNamespaces = false
            inOne.inNamespaceLoop = true
            inOne.globals.namespace = namespace
            try inOne.run()
        }
    }
}
