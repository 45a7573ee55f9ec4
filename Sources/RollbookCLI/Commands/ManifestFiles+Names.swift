import ControlPlane
import KubeModel
import Manifests

extension ManifestFiles {
    /// What client-go says about a name before any request is sent, or nil when the name can be sent.
    ///
    /// kubectl asks the server for the object first (`GET …/deployments/<name>`), and client-go refuses to build
    /// that path from an empty name or one that is not a path segment (`IsValidPathSegmentName`). Without this the
    /// name would reach the store, which cannot key a stream by it.
    static func nameProblem(_ name: String) -> String? {
        if name.isEmpty { return "resource name may not be empty" }
        var reasons: [String] = []
        if name == "." || name == ".." { reasons.append("may not be '\(name)'") }
        for character in ["/", "%"] where name.contains(character) { reasons.append("may not contain '\(character)'") }
        guard !reasons.isEmpty else { return nil }
        return "invalid resource name \(goQuoted(name)): [\(reasons.joined(separator: " "))]"
    }

    /// `kubectl apply`'s checks on each object's name, in file order, before anything is read or written.
    ///
    /// ```
    /// error: error when retrieving current configuration of:
    /// Resource: "apps/v1, Resource=deployments", GroupVersionKind: "apps/v1, Kind=Deployment"
    /// Name: "", Namespace: "default"
    /// from server for: "f.yaml": resource name may not be empty
    /// ```
    static func checkNamesForApply(_ documents: [ManifestDocument], namespace: String) throws {
        for document in documents {
            let metadata = document.object.metadata
            if metadata.name.isEmpty, let prefix = metadata.generateName, !prefix.isEmpty {
                throw CommandError.client("from \(prefix): cannot use generate name with apply")
            }
            guard let problem = nameProblem(metadata.name) else { continue }
            let target = metadata.namespace.flatMap { $0.isEmpty ? nil : $0 } ?? namespace
            throw CommandError.client(
                "error when retrieving current configuration of:\n"
                    + "Resource: \"apps/v1, Resource=deployments\", GroupVersionKind: \"apps/v1, Kind=Deployment\"\n"
                    + "Name: \(goQuoted(metadata.name)), Namespace: \(goQuoted(target))\n"
                    + "from server for: \(goQuoted(document.source)): \(problem)")
        }
    }

    /// `kubectl delete -f`'s check: `error: error when deleting "f.yaml": resource name may not be empty`.
    static func checkNameForDelete(_ name: String, source: String) throws {
        guard let problem = nameProblem(name) else { return }
        throw CommandError.client("error when deleting \(goQuoted(source)): \(problem)")
    }
}
