import ControlPlane
import Hummingbird
import KubeModel

/// The `scale` subresource: an `autoscaling/v1` `Scale` view of a Deployment's or ReplicaSet's replica count.
/// Changes go through the commands `rollbook scale` runs (``ControlPlane/scale(namespace:name:replicas:currentReplicas:resourceVersion:dryRun:)``
/// and its ReplicaSet twin).
extension Handlers {
    func getScale(namespace: String, name: String) async throws -> Response {
        .json(try await scalable(namespace: namespace, name: name).scaleSubresource())
    }

    func patchScale(namespace: String, name: String) async throws -> Response {
        let patch = try objectPatch()
        let live = try await scalable(namespace: namespace, name: name)
        let patched: JSONValue
        do {
            patched = try patch.applied(to: live.scaleSubresource())
        } catch {
            throw APIError(error.status)
        }
        return try await setScale(patched, live: live)
    }

    func replaceScale(namespace: String, name: String) async throws -> Response {
        try await setScale(try api.jsonBody(), live: try await scalable(namespace: namespace, name: name))
    }

    private func setScale(_ scale: JSONValue, live: WatchedObject) async throws -> Response {
        let meta = live.metadata
        if let version = scale["metadata"]?["resourceVersion"]?.stringValue, !version.isEmpty,
            version != meta.resourceVersion
        {
            throw APIError(.conflict(resource.qualifiedName, live.name))
        }
        let replicas = scale["spec"]?["replicas"]?.intValue ?? 0
        if replicas < 0 {
            let error = FieldError(.invalid, "spec.replicas", value: String(replicas),
                                   detail: "must be greater than or equal to 0")
            throw APIError(.invalid(kind: "Scale", group: "autoscaling", name: live.name, [error]))
        }
        let plane = self.plane
        let namespace = live.namespace
        let dryRun = try isDryRun()
        let stored: WatchedObject? = try await backend.run {
            switch live {
            case .replicaSet:
                try plane.scaleReplicaSet(
                    namespace: namespace, name: live.name, replicas: replicas, currentReplicas: nil, dryRun: dryRun
                ).map(WatchedObject.replicaSet)
            default:
                try plane.scale(namespace: namespace, name: live.name, replicas: replicas, currentReplicas: nil, dryRun: dryRun)
                    .map(WatchedObject.deployment)
            }
        }
        guard !dryRun, let stored else {
            // What would have been stored: the count changed, the resourceVersion not.
            return .json(live.scaleSubresource(replicas: replicas))
        }
        // ScaleREST.Update answers with the object its write stored, before any controller acted on it.
        return .json(stored.scaleSubresource())
    }

    private func scalable(namespace: String, name: String) async throws -> WatchedObject {
        let (_, object) = try await find(namespace: namespace, name: name)
        switch object {
        case .deployment, .replicaSet: return object
        default: throw APIError(.notFound(resource.qualifiedName, name))
        }
    }
}
