import Cluster
import KubeModel
import Manifests

extension ControlPlane {
    /// `kubectl replace --force` (replace.go `forceReplace`): every object of the manifests deleted (its dependents
    /// in the background, or orphaned with `cascade` `orphan`) and created again from its manifest, with a new UID; one that does not exist is only
    /// created. One transaction for all of them.
    ///
    /// - Returns: For each manifest, whether an object was deleted, and the object as its create stored it.
    public func forceReplace(_ manifests: [ManifestObject], namespace: String, cascade: String = "background") throws
        -> [(deleted: Bool, created: WatchedObject)]
    {
        try store.write(command: newCommandInfo()) { writer in
            var simulation = try Simulation(writer: writer, now: now)
            try simulation.catchUp()
            var results: [(deleted: Bool, created: WatchedObject)] = []
            for manifest in manifests {
                let target = manifest.metadata.namespace ?? namespace
                let name = manifest.name
                let id: StreamID
                let existed: Bool
                var events: [ClusterEvent] = []
                if case .resourceQuota(let quota) = manifest {
                    let (deleted, created) = try forceReplaceQuota(quota, namespace: target, in: &simulation)
                    results.append((deleted, .resourceQuota(created)))
                    continue
                }
                switch manifest {
                case .deployment(let deployment):
                    id = .deployment(namespace: target, name: name)
                    let stream = try simulation.stream(id)
                    existed = stream.deployment != nil
                    if existed { events.append(.deploymentDeleted(Deleted(cascade: cascade))) }
                    // The new object is made as of the stream version after the deletion: its own UID.
                    var next = stream
                    if existed { next.version += 1 }
                    let created = try newDeployment(deployment, namespace: target, stream: next, lastApplied: nil)
                    events.append(.deploymentCreated(DeploymentObject(deployment: created)))
                case .replicaSet(let replicaSet):
                    let holder = try simulation.streamHolding(replicaSet: name, namespace: target)
                    id = holder ?? .deployment(namespace: target, name: name)
                    existed = holder != nil
                    if existed { events.append(.replicaSetDeleteRequested(ReplicaSetDeletion(name: name, cascade: cascade))) }
                    var next = try simulation.stream(id)
                    if existed { next.version += 1 }
                    let created = try newReplicaSet(replicaSet, namespace: target, stream: next)
                    events.append(.replicaSetConfigured(ReplicaSetObject(replicaSet: created)))
                case .pod(let pod):
                    let holder = try simulation.streamHolding(pod: name, namespace: target)
                    id = holder ?? .deployment(namespace: target, name: name)
                    existed = holder != nil
                    if existed { events.append(.podDeleteRequested(ObjectName(name: name))) }
                    var next = try simulation.stream(id)
                    if existed { next.version += 1 }
                    events.append(.podConfigured(PodObject(pod: try newPod(pod, namespace: target, stream: next))))
                case .resourceQuota: continue
                }
                var answer: WatchedObject?
                try simulation.apply(events, to: id, actor: actor, at: now) { stream in
                    answer = switch manifest {
                    case .deployment: stream.deployment.map(WatchedObject.deployment)
                    case .replicaSet: stream.replicaSets[name].map(WatchedObject.replicaSet)
                    case .pod: stream.pods[name].map(WatchedObject.pod)
                    case .resourceQuota: nil
                    }
                }
                guard let answer else { throw CommandError.notFound(manifest.resource, name) }
                results.append((existed, answer))
            }
            try writer.commit(simulation)
            return results
        }
    }
}
