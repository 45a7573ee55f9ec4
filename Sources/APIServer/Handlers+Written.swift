import ControlPlane
import Hummingbird
import KubeModel

extension Handlers {
    /// The answer to a write of a Deployment: the object as stored, with its managed fields, as a GET serves it.
    /// kubectl compares the two to tell a patch that changed nothing (`patched (no change)`).
    func written(_ stored: Deployment) async throws -> Response {
        let plane = self.plane
        let fields = try await backend.run {
            try plane.read { reader in
                try FieldManagerHistory.deployment(namespace: stored.namespace, name: stored.name, reader: reader)
            }
        }
        var json = WatchedObject.deployment(stored).json
        if let fields { json["metadata"]?["managedFields"] = fields }
        return .json(json)
    }

    /// The same for a ReplicaSet.
    func written(_ stored: ReplicaSet) async throws -> Response {
        let plane = self.plane
        let namespace = stored.metadata.namespace ?? "default"
        let fields = try await backend.run {
            try plane.read { reader in
                try FieldManagerHistory.replicaSet(namespace: namespace, name: stored.name, reader: reader)
            }
        }
        var json = WatchedObject.replicaSet(stored).json
        if let fields { json["metadata"]?["managedFields"] = fields }
        return .json(json)
    }
}
