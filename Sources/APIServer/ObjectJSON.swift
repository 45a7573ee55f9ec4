import ControlPlane
import KubeModel
import Manifests

extension WatchedObject {
    /// The object as the API serves it: its stored typed struct, encoded.
    var json: JSONValue {
        switch self {
        case .deployment(let object): TypedObject.deployment.completed((try? JSONValue(encoding: object)) ?? .null)
        case .replicaSet(let object): TypedObject.replicaSet.completed((try? JSONValue(encoding: object)) ?? .null)
        case .pod(let object): TypedObject.pod.completed((try? JSONValue(encoding: object)) ?? .null)
        case .event(let object): object.servedJSON
        }
    }
}

/// `apps/v1` `DeploymentList`, `v1` `PodList`…: items with the list's `resourceVersion`.
func listJSON(_ resource: ServedResource, items: [WatchedObject], resourceVersion: Int64) -> JSONValue {
    .object([
        "kind": .string(resource.kind + "List"), "apiVersion": .string(resource.groupVersion),
        "metadata": .object(["resourceVersion": .string(String(resourceVersion))]),
        "items": .array(items.map(\.json)),
    ])
}
