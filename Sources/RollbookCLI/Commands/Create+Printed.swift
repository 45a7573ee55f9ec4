import ControlPlane
import KubeModel
import Manifests

/// The Deployment `kubectl create deployment --dry-run=client -o yaml|json` prints: the typed object
/// create_deployment.go builds, before any server defaulting. Printing it as a typed object adds what Go writes for
/// its zero fields (`creationTimestamp: null`, `strategy`, `resources` and `status` as `{}`).
enum GeneratedDeploymentJSON {
    static func object(_ deployment: Deployment, namespace: String?) -> JSONValue {
        let labels = JSONValue.object((deployment.metadata.labels ?? [:]).mapValues(JSONValue.string))
        let containers = deployment.spec.template.spec.containers.map { container -> JSONValue in
            var members: [String: JSONValue] = ["name": .string(container.name), "image": .string(container.image)]
            if let command = container.raw["command"] { members["command"] = command }
            if let port = container.raw["ports"]?.arrayValue?.first?["containerPort"] {
                members["ports"] = .array([.object(["containerPort": port])])
            }
            return .object(members)
        }
        var metadata: [String: JSONValue] = ["name": .string(deployment.name), "labels": labels]
        if let namespace { metadata["namespace"] = .string(namespace) }
        return .object([
            "kind": .string("Deployment"), "apiVersion": .string("apps/v1"),
            "metadata": .object(metadata),
            "spec": .object([
                "replicas": .int(deployment.spec.desiredReplicas),
                "selector": .object(["matchLabels": labels]),
                "template": .object([
                    "metadata": .object(["labels": labels]),
                    "spec": .object(["containers": .array(containers)]),
                ]),
            ]),
        ])
    }
}
