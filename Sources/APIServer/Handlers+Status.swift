import ControlPlane
import Hummingbird
import KubeModel

/// A Deployment's or ReplicaSet's `status` subresource: reads answer the whole object; writes change its status
/// only, through ``ControlPlane/updateDeploymentStatus(namespace:name:dryRun:_:)`` and its ReplicaSet twin (what
/// e2e's "should validate Deployment Status endpoints" and "should validate Replicaset Status endpoints" patch and
/// read back).
extension Handlers {
    func patchStatus(namespace: String, name: String) async throws -> Response {
        let patch = try objectPatch(applies: false)
        return try await updateStatus(namespace: namespace, name: name) { live in
            do throws(PatchError) {
                return try patch.applied(to: live)
            } catch {
                throw APIError(error.status)
            }
        }
    }

    func replaceStatus(namespace: String, name: String) async throws -> Response {
        let body = try putBody(named: name)
        return try await updateStatus(namespace: namespace, name: name) { _ in body }
    }

    private func updateStatus(
        namespace: String, name: String, _ change: @escaping @Sendable (JSONValue) throws -> JSONValue
    ) async throws -> Response {
        let dryRun = try isDryRun()
        let plane = self.plane
        if resource.name == ServedResource.replicaSets.name {
            return try await written(try await backend.run {
                try plane.updateReplicaSetStatus(namespace: namespace, name: name, dryRun: dryRun, change)
            })
        }
        if resource.name == ServedResource.resourceQuotas.name {
            return .json(WatchedObject.resourceQuota(try await backend.run {
                try plane.updateQuotaStatus(namespace: namespace, name: name, dryRun: dryRun, change)
            }).json)
        }
        let stored = try await backend.run {
            try plane.updateDeploymentStatus(namespace: namespace, name: name, dryRun: dryRun, change)
        }
        return try await written(stored)
    }
}
