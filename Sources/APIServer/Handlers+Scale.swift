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
        let patch = try objectPatch(applies: false)
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
        let plane = self.plane
        let dryRun = try isDryRun()
        return .json(try await backend.run { try plane.updateScale(scale, of: live, dryRun: dryRun) })
    }

    private func scalable(namespace: String, name: String) async throws -> WatchedObject {
        let (_, object) = try await find(namespace: namespace, name: name)
        switch object {
        case .deployment, .replicaSet: return object
        default: throw APIError(.notFound(resource.qualifiedName, name))
        }
    }
}
