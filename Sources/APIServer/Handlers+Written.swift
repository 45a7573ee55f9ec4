import ControlPlane
import Hummingbird
import KubeModel

extension Handlers {
    /// The answer to a write of a Deployment: the object as stored, with its managed fields, as a GET serves it.
    /// kubectl compares the two to tell a patch that changed nothing (`patched (no change)`).
    func written(_ stored: Deployment) async throws -> Response {
        try await written(.deployment(stored))
    }

    /// The same for a ReplicaSet.
    func written(_ stored: ReplicaSet) async throws -> Response {
        try await written(.replicaSet(stored))
    }

    /// The same for a Pod, which is served without managed fields.
    func written(_ stored: Pod) async throws -> Response {
        .json(WatchedObject.pod(stored).json)
    }

    /// The managed fields are those the write left (as of the answer's resourceVersion), not the controllers' since.
    private func written(_ stored: WatchedObject) async throws -> Response {
        let plane = self.plane
        let fields = try await backend.run { try plane.managedFields(of: stored) }
        var json = stored.json
        if let fields { json["metadata"]?["managedFields"] = fields }
        return .json(json)
    }
}
