import Cluster
import KubeModel
import Manifests

extension ControlPlane {
    /// `kubectl apply -f` of a ReplicaSet: created with its last-applied annotation when the namespace has none
    /// of the name, else the three-way merge, refused as a Conflict when the manifest names a `resourceVersion`
    /// the object has moved past, decoded strictly and validated as an update.
    func applyReplicaSet(
        _ document: ManifestDocument, manifest: ReplicaSetManifest, namespace: String, simulation: inout Simulation,
        patching: Bool, dryRun: Bool
    ) throws -> ApplyResult {
        let name = manifest.replicaSet.name
        let lastApplied = LastApplied.configuration(for: document.raw, namespace: namespace)
        let id = try simulation.streamHolding(replicaSet: name, namespace: namespace)
            ?? .deployment(namespace: namespace, name: name)
        let stream = try simulation.stream(id)
        let live = stream.replicaSets[name]
        var result = ApplyResult(name: name, outcome: live == nil ? .created : .configured)
        result.resource = "replicaset.apps"
        result.live = live.map(WatchedObject.replicaSet)
        result.answer = result.live
        guard patching else { return result }
        let event: ClusterEvent
        if let live {
            result.warning = Self.missingLastAppliedWarning(live.metadata, resource: "replicasets")
            let updated: ReplicaSet
            do {
                updated = try merged(document, live: live, namespace: namespace, lastApplied: lastApplied)
            } catch var refusal as CommandError {
                // apply.go warns before it sends the patch, whatever the server then answers.
                if let warning = result.warning { refusal.text = warning + "\n" + refusal.text }
                throw refusal
            }
            if updated.writesNothing(over: live) {
                result.outcome = try unchangedOutcome(
                    document, live: try JSONValue(encoding: live), kind: .replicaSet, namespace: namespace,
                    lastApplied: lastApplied)
                return result
            }
            event = .replicaSetConfigured(ReplicaSetObject(replicaSet: updated))
        } else {
            let created = try newReplicaSet(manifest, namespace: namespace, stream: stream, lastApplied: lastApplied)
            try simulation.admitUserObject(
                Resource.replicaSets, counted: ["count/replicasets.apps"], name: name, namespace: namespace,
                source: document.source)
            result.warning = created.metadata.nameWarningOnCreate.map { "Warning: " + $0 }
            event = .replicaSetConfigured(ReplicaSetObject(replicaSet: created))
        }
        try simulation.apply([event], to: id, actor: actor, at: now) { stream in
            var answer = stream.replicaSets[name]
            if dryRun { answer?.metadata.resourceVersion = live?.metadata.resourceVersion }
            result.answer = answer.map(WatchedObject.replicaSet)
        }
        return result
    }

    /// The object apply's patch makes of the live one.
    private func merged(_ document: ManifestDocument, live: ReplicaSet, namespace: String, lastApplied: String) throws
        -> ReplicaSet
    {
        let merged = try appliedPatch(
            document, live: try JSONValue(encoding: live), kind: .replicaSet, resource: Resource.replicaSets,
            namespace: namespace, lastApplied: lastApplied)
        return try updatedReplicaSet(try Self.decodeReplicaSetStrictly(merged, validation: fieldValidation), live: live)
    }
}
