import Cluster
import Controllers
import KubeModel
import Manifests

/// ReplicaSets users write themselves (`create -f rs.yaml`). One lives in the stream named after it, beside any
/// Deployment of that name, until a Deployment whose selector matches claims it (Simulation+Orphans).
extension ControlPlane {
    /// A ReplicaSet as the API server stores it on create: namespace, UID, generation 1, creation time, defaults,
    /// then validation (which throws kubectl's "is invalid" error).
    func newReplicaSet(_ manifest: ReplicaSetManifest, namespace: String, stream: DeploymentStream, lastApplied: String? = nil)
        throws -> ReplicaSet
    {
        var created = manifest.replicaSet
        created.metadata.stampForCreate(
            namespace: namespace, uid: Identifiers.uid("user-replicaset/\(namespace)/\(created.name)/\(stream.version)"),
            at: now, generation: 1, lastApplied: lastApplied)
        created.status = ReplicaSetStatus()
        created.admit()
        var errors = created.validate(selectorGiven: manifest.selectorGiven)
        if created.metadata.controllerRef != nil { errors.append(Self.controllerReferenceForbidden(kind: "ReplicaSet")) }
        if !errors.isEmpty { throw CommandError.invalid(created.name, errors, kind: "ReplicaSet") }
        return created
    }

    /// A user's update of a stored ReplicaSet, as the registry's update takes it: a `uid` other than the stored
    /// one fails the precondition, system fields and status are the stored ones, defaults are applied and the
    /// result is validated as an update. Owner references are the user's to change, but for the controller's (a
    /// Deployment adopts again a ReplicaSet whose controller reference goes, if its selector still matches).
    func updatedReplicaSet(_ manifest: ReplicaSetManifest, live: ReplicaSet) throws -> ReplicaSet {
        var updated = manifest.replicaSet
        let name = live.name
        try updated.metadata.takeSystemFields(of: live.metadata, resource: Resource.replicaSets)
        updated.metadata.namespace = live.metadata.namespace
        updated.status = live.status
        updated.admit()
        var errors = updated.validate(old: live, selectorGiven: manifest.selectorGiven)
        // A controller reference is Rollbook's to set, by a claim that moves the ReplicaSet to its controller's stream;
        // a user may keep it or remove it (a Deployment whose selector matches claims the orphan again).
        if let given = updated.metadata.controllerRef, given.uid != live.metadata.controllerRef?.uid {
            errors.append(Self.controllerReferenceForbidden(kind: "ReplicaSet"))
        }
        if !errors.isEmpty { throw CommandError.invalid(name, errors, kind: "ReplicaSet") }
        return updated
    }
}

extension ControlPlane {
    /// A controller reference is Rollbook's to set, by a claim that moves the object to its controller's stream; a
    /// user may keep or remove one, not write one (upstream the named controller would own the object).
    static func controllerReferenceForbidden(kind: String) -> FieldError {
        let owner = kind == "Pod" ? "ReplicaSet" : "Deployment"
        return FieldError(
            .forbidden, "metadata.ownerReferences",
            detail: "Rollbook sets a controller reference only when a \(owner) claims the \(kind); remove it to orphan the \(kind)")
    }
}

extension ReplicaSet {
    /// As the API server stores it (``Deployment/admit()``).
    mutating func admit() {
        applyDefaults()
        spec.template.spec.dropDisabledFields()
        spec.template.spec.raw = TypedObject.storedPodSpec(spec.template.spec.raw)
        if spec.minReadySeconds == 0 { spec.minReadySeconds = nil }
    }

    /// Whether an update leaves what a user writes (labels, annotations, spec) as it is: no write at all.
    func writesNothing(over live: ReplicaSet) -> Bool {
        spec == live.spec && metadata.labels == live.metadata.labels && metadata.annotations == live.metadata.annotations
            && metadata.ownerReferences == live.metadata.ownerReferences
    }
}

extension Simulation {
    /// The stream holding the namespace's ReplicaSet of this name, as this command sees it (names are unique in a
    /// namespace): one this command loaded, as it now is, or else the projections' holder.
    mutating func streamHolding(replicaSet name: String, namespace: String) throws -> StreamID? {
        if let loaded = loadedStreams.sorted().first(where: {
            $0.deploymentKey?.namespace == namespace && streams[$0]?.replicaSets[name] != nil
        }) {
            return loaded
        }
        guard let holder = try reader.streamID(ofReplicaSet: name, namespace: namespace),
            try stream(holder).replicaSets[name] != nil
        else { return nil }
        return holder
    }
}
