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
        created.metadata.namespace = namespace
        if let lastApplied { created.metadata[annotation: AnnotationKey.lastApplied] = lastApplied }
        created.metadata.uid = Identifiers.uid("user-replicaset/\(namespace)/\(created.name)/\(stream.version)")
        created.metadata.generation = 1
        created.metadata.creationTimestamp = now
        created.metadata.resourceVersion = nil
        created.status = ReplicaSetStatus()
        created.admit()
        let errors = created.validate(selectorGiven: manifest.selectorGiven)
        if !errors.isEmpty { throw CommandError.invalid(created.name, errors, kind: "ReplicaSet") }
        return created
    }

    /// A user's update of a stored ReplicaSet: defaulted and validated as an update.
    func updatedReplicaSet(_ updated: ReplicaSet, live: ReplicaSet) throws -> ReplicaSet {
        var updated = updated
        updated.metadata.uid = live.metadata.uid
        updated.metadata.namespace = live.metadata.namespace
        updated.metadata.generation = live.metadata.generation
        updated.metadata.creationTimestamp = live.metadata.creationTimestamp
        updated.metadata.resourceVersion = live.metadata.resourceVersion
        updated.metadata.ownerReferences = live.metadata.ownerReferences
        updated.status = live.status
        updated.admit()
        let errors = updated.validate(old: live)
        if !errors.isEmpty { throw CommandError.invalid(updated.name, errors, kind: "ReplicaSet") }
        return updated
    }
}

extension Simulation {
    /// Whether any stream of the namespace holds a ReplicaSet of this name (names are unique in a namespace).
    mutating func holdsReplicaSet(named name: String, namespace: String) throws -> Bool {
        if loadedStreams.contains(where: { streams[$0]?.replicaSets[name] != nil && $0.deploymentKey?.namespace == namespace }) {
            return true
        }
        guard let holder = try reader.streamID(ofReplicaSet: name, namespace: namespace) else { return false }
        return try stream(holder).replicaSets[name] != nil
    }

    /// The stream holding the namespace's ReplicaSet of this name, as this command sees it.
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

extension ReplicaSet {
    /// As the API server stores it (``Deployment/admit()``).
    mutating func admit() {
        applyDefaults()
        spec.template.spec.raw = TypedObject.storedPodSpec(spec.template.spec.raw)
        if spec.minReadySeconds == 0 { spec.minReadySeconds = nil }
    }
}

extension ControlPlane {
    /// `kubectl apply -f` of a ReplicaSet: created with its last-applied annotation when the namespace has none
    /// of the name, else the three-way merge, validated as an update.
    func applyReplicaSet(
        _ document: ManifestDocument, namespace: String, simulation: inout Simulation, patching: Bool, dryRun: Bool
    ) throws -> ApplyResult {
        guard case .replicaSet(let manifest) = document.object else { preconditionFailure("not a ReplicaSet") }
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
            let original = try live.metadata[annotation: AnnotationKey.lastApplied].map { try JSONValue.parse($0) }
            let modified = LastApplied.annotatedObject(document.raw, namespace: namespace, configuration: lastApplied)
            var current = try JSONValue(encoding: live)
            current["status"] = .object([:])
            let merged = ThreeWayMerge.merge(original: original, modified: modified, current: current)
            let updated: ReplicaSet
            do {
                updated = try updatedReplicaSet(try merged.decode(ReplicaSet.self), live: live)
            } catch var refusal as CommandError {
                // apply.go warns before it sends the patch, whatever the server then answers.
                if let warning = result.warning { refusal.text = warning + "\n" + refusal.text }
                throw refusal
            }
            if updated.spec == live.spec && updated.metadata.labels == live.metadata.labels
                && updated.metadata.annotations == live.metadata.annotations
            {
                result.outcome = .unchanged
                return result
            }
            event = .replicaSetConfigured(ReplicaSetObject(replicaSet: updated))
        } else {
            let created = try newReplicaSet(manifest, namespace: namespace, stream: stream, lastApplied: lastApplied)
            event = .replicaSetConfigured(ReplicaSetObject(replicaSet: created))
        }
        try simulation.apply([event], to: id, actor: actor, at: now) { stream in
            var answer = stream.replicaSets[name]
            if dryRun { answer?.metadata.resourceVersion = live?.metadata.resourceVersion }
            result.answer = answer.map(WatchedObject.replicaSet)
        }
        return result
    }
}

extension ControlPlane {
    /// `kubectl scale rs/NAME --replicas=N` with scale.go's preconditions, as for a Deployment. A ReplicaSet a
    /// Deployment controls is scaled all the same; its Deployment then scales it back, as upstream.
    /// - Returns: The ReplicaSet as the write stored it, before the controllers act on it.
    @discardableResult
    public func scaleReplicaSet(
        namespace: String, name: String, replicas: Int, currentReplicas: Int?, resourceVersion: String? = nil,
        dryRun: Bool = false
    ) throws -> ReplicaSet? {
        var answer: ReplicaSet?
        try mutateReplicaSet(namespace: namespace, name: name, afterEvent: { answer = $0 }) { rs in
            answer = rs
            if let expected = currentReplicas, expected != rs.replicas {
                throw CommandError.client("Expected replicas to be \(expected), was \(rs.replicas)")
            }
            if let expected = resourceVersion, let actual = rs.metadata.resourceVersion, expected != actual {
                throw CommandError.client("Expected resource version to be \(expected), was \(actual)")
            }
            if replicas > Int(Int32.max) {
                throw CommandError.invalid(name, [FieldError(.invalid, "spec.replicas", value: String(replicas),
                                                             detail: "must be no greater than 2147483647")], kind: "ReplicaSet")
            }
            if replicas == rs.replicas || dryRun { return nil }
            var scaled = rs
            scaled.spec.replicas = replicas
            return .replicaSetConfigured(ReplicaSetObject(replicaSet: scaled))
        }
        return answer
    }

    /// Runs one user write on the stream that holds the namespace's ReplicaSet of this name, as ``mutate(_:afterEvent:_:)``.
    func mutateReplicaSet(
        namespace: String, name: String, afterEvent: (ReplicaSet?) -> Void = { _ in },
        _ decide: (ReplicaSet) throws -> ClusterEvent?
    ) throws {
        guard let id = try store.read({ try $0.streamID(ofReplicaSet: name, namespace: namespace) }) else {
            throw CommandError.notFound(Resource.replicaSets, name)
        }
        try store.write(command: newCommandInfo()) { writer in
            var simulation = try Simulation(writer: writer, now: now)
            try simulation.catchUp()
            guard let rs = try simulation.stream(id).replicaSets[name] else {
                throw CommandError.notFound(Resource.replicaSets, name)
            }
            if let event = try decide(rs) {
                try simulation.apply([event], to: id, actor: actor, at: now) { afterEvent($0.replicaSets[name]) }
            }
            try writer.commit(simulation.pending, streams: simulation.touchedStreams, node: nil)
        }
    }
}
