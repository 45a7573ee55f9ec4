import Cluster
import Controllers
import KubeModel
import Manifests

/// Pods users write themselves (`create -f pod.yaml`, `label pod`). A bare Pod lives in the stream named after it,
/// beside any Deployment or ReplicaSet of that name, until a ReplicaSet whose selector matches claims it
/// (Simulation+OrphanPods); a Pod relabelled out of its ReplicaSet's selector is released (`PodOrphaned`).
extension ControlPlane {
    /// A Pod as the API server stores it on create: namespace, UID, creation time, defaults, then validation (which
    /// throws kubectl's "is invalid" error); then admitted and bound to the node, as the scheduler would at once.
    func newPod(_ manifest: Pod, namespace: String, stream: DeploymentStream, lastApplied: String? = nil) throws -> Pod {
        var created = manifest
        created.metadata.stampForCreate(
            namespace: namespace, uid: Identifiers.uid("user-pod/\(namespace)/\(created.name)/\(stream.version)"),
            at: now, generation: nil, lastApplied: lastApplied)
        created.spec.applyDefaults()
        created.spec.dropDisabledFields()
        created.spec.raw = TypedObject.storedPodSpec(created.spec.raw)
        var errors = created.validate()
        if created.metadata.controllerRef != nil { errors.append(Self.controllerReferenceForbidden(kind: "Pod")) }
        if !errors.isEmpty { throw CommandError.invalid(created.name, errors, kind: "Pod", group: "") }
        let bound = stream.pods.values.filter { $0.spec.nodeName == NodeState.nodeName && $0.metadata.deletionTimestamp == nil }
        PodAdmission.admitAndSchedule(&created, beside: bound, at: now)
        return created
    }

    /// A user's update of a stored Pod: a `uid` other than the stored one fails the precondition; system fields,
    /// status and (admitted) spec are the stored ones unless the update changes the spec, which is refused; owner
    /// references are the user's to change, but for the controller's, as for a ReplicaSet.
    func updatedPod(_ manifest: Pod, live: Pod) throws -> Pod {
        var updated = manifest
        let name = live.name
        try updated.metadata.takeSystemFields(of: live.metadata, resource: Resource.pods)
        updated.metadata.namespace = live.metadata.namespace
        updated.metadata.generateName = live.metadata.generateName
        updated.status = live.status
        updated.spec.applyDefaults()
        updated.spec.dropDisabledFields()
        updated.spec.raw = TypedObject.storedPodSpec(updated.spec.raw)
        // The stored spec as written back (empty lists the encoder leaves out read back as absent) is no change.
        if try JSONValue(encoding: updated.spec) == JSONValue(encoding: live.spec) { updated.spec = live.spec }
        var errors = updated.validate(old: live)
        if let given = updated.metadata.controllerRef, given.uid != live.metadata.controllerRef?.uid {
            errors.append(Self.controllerReferenceForbidden(kind: "Pod"))
        }
        if !errors.isEmpty { throw CommandError.invalid(name, errors, kind: "Pod", group: "") }
        return updated
    }

    /// `PATCH` of a Pod (what `label`, `annotate` and `patch` send).
    /// - Returns: The Pod as the write stored it, before the controllers act on it.
    public func patchPod(namespace: String, name: String, patch: ObjectPatch, dryRun: Bool = false) throws -> Pod {
        try Self.patchDecoding { try updatePod(namespace: namespace, name: name, dryRun: dryRun, Self.applying(patch)) }
    }

    /// `PUT` of a Pod: the body replaces labels, annotations and owner references; its spec must be the stored one.
    public func replacePod(namespace: String, name: String, with body: JSONValue, dryRun: Bool = false) throws -> Pod {
        try updatePod(namespace: namespace, name: name, dryRun: dryRun) { _ in body }
    }

    /// Stores `change(live)` as ``updateReplicaSet`` does for a ReplicaSet.
    private func updatePod(
        namespace: String, name: String, dryRun: Bool, _ change: (JSONValue) throws -> JSONValue
    ) throws -> Pod {
        try store.write(command: newCommandInfo()) { writer in
            var simulation = try Simulation(writer: writer, now: now)
            try simulation.catchUp()
            guard let id = try simulation.streamHolding(pod: name, namespace: namespace),
                let live = try simulation.stream(id).pods[name]
            else { throw CommandError.notFound(Resource.pods, name) }
            let requested = try change(try JSONValue(encoding: live))
            try CommandError.refusingStale(requested, stored: live.metadata.resourceVersion, Resource.pods, name)
            let updated = try updatedPod(try Self.decodePodStrictly(requested, validation: fieldValidation), live: live)
            var answer = live
            if !updated.writesNothing(over: live) {
                try simulation.apply([.podConfigured(PodObject(pod: updated))], to: id, actor: actor, at: now) {
                    answer = $0.pods[name] ?? answer
                }
                if dryRun { answer.metadata.resourceVersion = live.metadata.resourceVersion }
            }
            if !dryRun { try writer.commit(simulation) }
            return answer
        }
    }

    /// A Pod request body read the way the API server reads it with `fieldValidation=Strict`.
    public static func decodePodStrictly(_ body: JSONValue, validation: FieldValidation = .strict) throws -> Pod {
        try decodeBody(body, validation: validation, kind: "Pod") { object in
            guard case .pod(let pod) = object else { return nil }
            return pod
        }
    }

    /// `kubectl apply -f` of a Pod: created with its last-applied annotation when the namespace has none of the
    /// name, else the three-way merge, as for a ReplicaSet.
    func applyPod(
        _ document: ManifestDocument, manifest: Pod, namespace: String, simulation: inout Simulation, patching: Bool,
        dryRun: Bool
    ) throws -> ApplyResult {
        let name = manifest.name
        let lastApplied = LastApplied.configuration(for: document.raw, namespace: namespace)
        let id = try simulation.streamHolding(pod: name, namespace: namespace) ?? .deployment(namespace: namespace, name: name)
        let stream = try simulation.stream(id)
        let live = stream.pods[name]
        var result = ApplyResult(name: name, outcome: live == nil ? .created : .configured)
        result.resource = "pod"
        result.live = live.map(WatchedObject.pod)
        result.answer = result.live
        guard patching else { return result }
        let updated: Pod
        if let live {
            result.warning = Self.missingLastAppliedWarning(live.metadata, resource: "pods")
            do {
                updated = try mergedPod(document, live: live, namespace: namespace, lastApplied: lastApplied)
            } catch var refusal as CommandError {
                if let warning = result.warning { refusal.text = warning + "\n" + refusal.text }
                throw refusal
            }
            if updated.writesNothing(over: live) {
                result.outcome = try unchangedOutcome(
                    document, live: try JSONValue(encoding: live), kind: .pod, namespace: namespace, lastApplied: lastApplied)
                return result
            }
        } else {
            updated = try newPod(manifest, namespace: namespace, stream: stream, lastApplied: lastApplied)
            try simulation.admitUserPod(updated, namespace: namespace, source: document.source)
            result.warning = updated.metadata.nameWarningOnCreate.map { "Warning: " + $0 }
        }
        try simulation.apply([.podConfigured(PodObject(pod: updated))], to: id, actor: actor, at: now) { stream in
            var answer = stream.pods[name]
            if dryRun { answer?.metadata.resourceVersion = live?.metadata.resourceVersion }
            result.answer = answer.map(WatchedObject.pod)
        }
        return result
    }

    /// The object apply's patch makes of the live Pod.
    private func mergedPod(_ document: ManifestDocument, live: Pod, namespace: String, lastApplied: String) throws -> Pod {
        let merged = try appliedPatch(
            document, live: try JSONValue(encoding: live), kind: .pod, resource: Resource.pods, namespace: namespace,
            lastApplied: lastApplied)
        return try updatedPod(try Self.decodePodStrictly(merged, validation: fieldValidation), live: live)
    }
}

extension Pod {
    /// Whether an update leaves what a user may change of a Pod as it is: no write at all.
    func writesNothing(over live: Pod) -> Bool {
        metadata.labels == live.metadata.labels && metadata.annotations == live.metadata.annotations
            && metadata.ownerReferences == live.metadata.ownerReferences && spec == live.spec
    }
}

extension Simulation {
    /// The stream holding the namespace's Pod of this name, as this command sees it (names are unique in a
    /// namespace): one this command loaded, as it now is, or else the projections' holder.
    mutating func streamHolding(pod name: String, namespace: String) throws -> StreamID? {
        if let loaded = loadedStreams.sorted().first(where: {
            $0.deploymentKey?.namespace == namespace && streams[$0]?.pods[name] != nil
        }) {
            return loaded
        }
        guard let holder = try reader.streamID(ofPod: name, namespace: namespace), try stream(holder).pods[name] != nil
        else { return nil }
        return holder
    }
}
