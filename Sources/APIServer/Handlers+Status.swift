import ControlPlane
import Hummingbird
import KubeModel

/// A Deployment's `status` subresource: reads answer the whole Deployment; writes change its status only, through
/// ``ControlPlane/updateDeploymentStatus(namespace:name:dryRun:_:)`` (what e2e's "should validate Deployment Status
/// endpoints" patches and reads back).
extension Handlers {
    func patchStatus(namespace: String, name: String) async throws -> Response {
        let patch = try objectPatch()
        return try await updateStatus(namespace: namespace, name: name) { live in
            do throws(PatchError) {
                return try patch.applied(to: live)
            } catch {
                throw APIError(.badRequest(error.message))
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
        let stored = try await backend.run {
            try plane.updateDeploymentStatus(namespace: namespace, name: name, dryRun: dryRun, change)
        }
        return try await written(stored)
    }
}
