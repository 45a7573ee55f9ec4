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
