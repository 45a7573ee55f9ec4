import KubeModel

extension ControlPlane {
    /// A write of a Deployment's or ReplicaSet's `scale` subresource (ScaleREST.Update): the `Scale` body's
    /// `resourceVersion` is a precondition, its replica count is validated and set as `scale` sets it. The answer is
    /// the Scale of the object as the write stored it (for a dry run, as it would have).
    public func updateScale(_ body: JSONValue, of live: WatchedObject, dryRun: Bool) throws -> JSONValue {
        let resource = live.kindAndGroup.hasPrefix("ReplicaSet") ? Resource.replicaSets : Resource.deployments
        try CommandError.refusingStale(body, stored: live.metadata.resourceVersion, resource, live.name)
        let replicas = body["spec"]?["replicas"]?.intValue ?? 0
        if replicas < 0 {
            let error = FieldError(.invalid, "spec.replicas", value: String(replicas), detail: "must be greater than or equal to 0")
            throw CommandError.invalid(live.name, [error], kind: "Scale", group: "autoscaling")
        }
        let stored: WatchedObject?
        if case .replicaSet = live {
            stored = try scaleReplicaSet(
                namespace: live.namespace, name: live.name, replicas: replicas, currentReplicas: nil, dryRun: dryRun
            ).map { WatchedObject.replicaSet($0) }
        } else {
            stored = try scale(
                namespace: live.namespace, name: live.name, replicas: replicas, currentReplicas: nil, dryRun: dryRun
            ).map { WatchedObject.deployment($0) }
        }
        // What would have been stored: the count changed, the resourceVersion not.
        guard !dryRun, let stored else { return live.scaleSubresource(replicas: replicas) }
        // ScaleREST.Update answers with the object its write stored, before any controller acted on it.
        return stored.scaleSubresource()
    }
}
