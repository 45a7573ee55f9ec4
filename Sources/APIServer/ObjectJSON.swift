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
        case .event(let object): object.json
        }
    }
}

extension KubeEvent {
    /// A `core/v1` `Event`: what `describe` lists under Events.
    var json: JSONValue {
        var involved: [String: JSONValue] = [
            "kind": .string(involvedObject.kind), "namespace": .string(involvedObject.namespace),
            "name": .string(involvedObject.name), "uid": .string(involvedObject.uid),
            "apiVersion": .string(involvedObject.apiVersion),
        ]
        if let fieldPath = involvedObject.fieldPath { involved["fieldPath"] = .string(fieldPath) }
        return .object([
            "apiVersion": .string("v1"), "kind": .string("Event"),
            "metadata": .object([
                "name": .string(name), "namespace": .string(namespace),
                "creationTimestamp": .string(firstTimestamp.description),
            ]),
            "involvedObject": .object(involved), "reason": .string(reason), "message": .string(message),
            "source": .object(["component": .string(source)]), "firstTimestamp": .string(firstTimestamp.description),
            "lastTimestamp": .string(lastTimestamp.description), "count": .int(count), "type": .string(type),
            "eventTime": .null, "reportingComponent": .string(""), "reportingInstance": .string(""),
        ])
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
