import ControlPlane
import KubeModel
import Manifests

/// `apps/v1` `DeploymentList`, `v1` `PodList`…: items with the list's `resourceVersion`.
func listJSON(_ resource: ServedResource, items: [WatchedObject], resourceVersion: Int64) -> JSONValue {
    .object([
        "kind": .string(resource.kind + "List"), "apiVersion": .string(resource.groupVersion),
        "metadata": .object(["resourceVersion": .string(String(resourceVersion))]),
        "items": .array(items.map(\.json)),
    ])
}
