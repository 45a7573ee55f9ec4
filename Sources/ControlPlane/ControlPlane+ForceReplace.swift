import Cluster
import KubeModel

extension ControlPlane {
    /// `kubectl replace --force` (replace.go `forceReplace`): every Deployment of the manifests deleted (its
    /// dependents in the background) and created again from its manifest, with a new UID; one that does not exist
    /// is only created. One transaction for all of them.
    ///
    /// - Returns: For each manifest, whether a Deployment was deleted, and the Deployment as its create stored it.
    public func forceReplace(_ manifests: [Deployment], namespace: String) throws -> [(deleted: Bool, created: Deployment)] {
        try store.write(command: newCommandInfo()) { writer in
            var simulation = try Simulation(writer: writer, now: now)
            try simulation.catchUp()
            var results: [(deleted: Bool, created: Deployment)] = []
            for manifest in manifests {
                let target = manifest.metadata.namespace ?? namespace
                let id = StreamID.deployment(namespace: target, name: manifest.name)
                let stream = try simulation.stream(id)
                let existed = stream.deployment != nil
                // The new object is made as of the stream version after the deletion: its own UID.
                var next = stream
                if existed { next.version += 1 }
                let created = try newDeployment(manifest, namespace: target, stream: next, lastApplied: nil)
                var events: [ClusterEvent] = existed ? [.deploymentDeleted(Deleted(cascade: "background"))] : []
                events.append(.deploymentCreated(DeploymentObject(deployment: created)))
                var answer = created
                try simulation.apply(events, to: id, actor: actor, at: now) { answer = $0.deployment ?? created }
                results.append((existed, answer))
            }
            try writer.commit(simulation.pending, streams: simulation.touchedStreams, node: nil)
            return results
        }
    }
}
