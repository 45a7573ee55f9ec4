import KubeModel

/// The fold of the ReplicaSet, Pod and Kubernetes Event events, which ``DeploymentStream/apply(_:sequence:at:)``
/// hands on.
extension DeploymentStream {
    mutating func applyToReplicaSetsAndPods(_ event: ClusterEvent, sequence: Int64, at time: Timestamp) {
        let resourceVersion = String(sequence)
        switch event {
        case .replicaSetCreated(let object):
            var created = object.replicaSet
            created.metadata.resourceVersion = resourceVersion
            replicaSets[created.name] = created
            noteRevision(of: created, sequence: sequence, at: time)
        case .replicaSetConfigured(let object):
            let name = object.replicaSet.name
            let before = replicaSets[name]?.revision
            configureReplicaSet(object.replicaSet, resourceVersion)
            // A revision is the history of the Deployment that controls the ReplicaSet, and only when it changes; a
            // claimed ReplicaSet's is noted when it arrives (`replicaSetTransferred`).
            if let rs = replicaSets[name], rs.revision != before, let uid = deployment?.metadata.uid,
                rs.metadata.controllerRef?.uid == uid
            {
                noteRevision(of: rs, sequence: sequence, at: time)
            }
        case .replicaSetScaled(let scale):
            updateReplicaSet(scale.name, resourceVersion) { rs in
                if rs.spec.replicas != scale.to { rs.metadata.generation = (rs.metadata.generation ?? 0) + 1 }
                rs.spec.replicas = scale.to
                rs.metadata[annotation: AnnotationKey.desiredReplicas] = String(scale.desiredReplicas)
                rs.metadata[annotation: AnnotationKey.maxReplicas] = String(scale.maxReplicas)
            }
        case .replicaSetAnnotated(let change):
            let before = replicaSets[change.name]?.revision
            defer {
                if let rs = replicaSets[change.name], rs.revision != before { noteRevision(of: rs, sequence: sequence, at: time) }
            }
            updateReplicaSet(change.name, resourceVersion) { rs in
                rs.metadata.annotations = change.annotations.isEmpty ? nil : change.annotations
                if rs.spec.minReadySeconds != change.minReadySeconds {
                    rs.metadata.generation = (rs.metadata.generation ?? 0) + 1
                }
                rs.spec.minReadySeconds = change.minReadySeconds
            }
        case .replicaSetStatusUpdated(let update):
            updateReplicaSet(update.name, resourceVersion) { $0.status = update.status }
        case .replicaSetOrphaned(let object):
            updateReplicaSet(object.name, resourceVersion) { $0.metadata.droppingController() }
        case .replicaSetAdopted(let adoption):
            updateReplicaSet(adoption.name, resourceVersion) { $0.metadata.adopted(by: adoption.owner) }
        case .replicaSetReleased(let release):
            if let uid = replicaSets[release.name]?.metadata.uid {
                for (name, pod) in pods where pod.metadata.controllerRef?.uid == uid {
                    pods[name] = nil
                    containerTimers = containerTimers.filter { !$0.key.hasPrefix("\(name)/") }
                }
            }
            replicaSets[release.name] = nil
        case .replicaSetTransferred(let transfer):
            // The objects keep their resourceVersions: moving between streams is Rollbook's, not an API write.
            replicaSets[transfer.replicaSet.name] = transfer.replicaSet
            for pod in transfer.pods { pods[pod.name] = pod }
            containerTimers.merge(transfer.timers) { $1 }
            noteRevision(of: transfer.replicaSet, sequence: sequence, at: time)
        case .replicaSetDeleted(let object):
            replicaSets[object.name] = nil
        case .podsReleased(let release):
            for name in release.names {
                pods[name] = nil
                forgetTimers(ofPod: name)
            }
        case .podsTransferred(let transfer):
            // As for a ReplicaSet's: the Pods keep their resourceVersions.
            for pod in transfer.pods { pods[pod.name] = pod }
            containerTimers.merge(transfer.timers) { $1 }
        case .replicaSetDeleteRequested(let deletion):
            // As for a Deployment: the orphan finalizer strips the pods' owner references before the object goes.
            if deletion.cascade == "orphan", let uid = replicaSets[deletion.name]?.metadata.uid {
                for (name, pod) in pods where pod.metadata.controllerRef?.uid == uid {
                    pods[name]?.metadata.droppingController()
                    pods[name]?.metadata.resourceVersion = resourceVersion
                }
            }
            replicaSets[deletion.name] = nil
        case .podCreated(let object):
            var created = object.pod
            created.metadata.resourceVersion = resourceVersion
            pods[created.name] = created
            podSequence += 1
        case .podStatusUpdated(let update):
            pods[update.name]?.status = update.status
            pods[update.name]?.metadata.resourceVersion = resourceVersion
            forgetTimers(ofPod: update.name)
            for (container, timer) in update.timers ?? [:] { containerTimers["\(update.name)/\(container)"] = timer }
        case .podConfigured(let object):
            configurePod(object.pod, resourceVersion)
        case .podOrphaned(let object):
            pods[object.name]?.metadata.droppingController()
            pods[object.name]?.metadata.resourceVersion = resourceVersion
        case .podBound(let binding):
            pods[binding.name]?.spec.nodeName = binding.nodeName
            pods[binding.name]?.status.scheduled(at: time)
            pods[binding.name]?.metadata.resourceVersion = resourceVersion
        case .podAdopted(let adoption):
            pods[adoption.name]?.metadata.adopted(by: adoption.owner)
            pods[adoption.name]?.metadata.resourceVersion = resourceVersion
        case .podDeleted(let object), .podDeleteRequested(let object):
            pods[object.name] = nil
            forgetTimers(ofPod: object.name)
        case .kubeEventRecorded(let recorded):
            let expiry = eventsExpiry.value
            if events[recorded.name] == nil { eventSequence += 1 }
            events[recorded.name] = recorded
            recordAggregate(recorded, at: time)
            removeExpiredEvents(at: time, knownExpiry: expiry.map { min($0, recorded.expiry) })
        default:
            break
        }
    }

    /// Drops the Events whose TTL has passed by `time`. Looking at every Event each time one is recorded (and
    /// every correlator record) was a seventh of a 1M replay's folding thread; `knownExpiry`, a second no Event
    /// expires before, skips the look until then.
    private mutating func removeExpiredEvents(at time: Timestamp, knownExpiry: Int64?) {
        if let knownExpiry, time.seconds <= knownExpiry {
            eventsExpiry.value = knownExpiry
            return
        }
        eventsExpiry.value = events.removeExpired(before: time.seconds, expiry: \.expiry)
    }

    /// Drops the kubelet timers of `pod`'s containers (keyed `pod/container`).
    private mutating func forgetTimers(ofPod pod: String) {
        let prefix = pod + "/"
        containerTimers.removeEntries(whereKey: { $0.hasPrefix(prefix) })
    }

    /// A user's write of a Pod: a new Pod as given (it counts as a creation, as a controller's does); an update
    /// replaces what a client may change of a Pod here (labels, annotations, owner references, images).
    private mutating func configurePod(_ written: Pod, _ resourceVersion: String) {
        guard pods[written.name] != nil else {
            var created = written
            created.metadata.resourceVersion = resourceVersion
            pods[written.name] = created
            podSequence += 1
            return
        }
        pods[written.name]?.metadata.labels = written.metadata.labels
        pods[written.name]?.metadata.annotations = written.metadata.annotations
        pods[written.name]?.metadata.ownerReferences = written.metadata.ownerReferences
        pods[written.name]?.metadata.resourceVersion = resourceVersion
        // Only images may change (validation refuses the rest), and the kubelet restarts what changed.
        pods[written.name]?.spec = written.spec
    }

    /// A user's write: a new ReplicaSet as given; an update replaces what a client owns (labels, annotations,
    /// owner references, spec), and a spec change bumps `metadata.generation`, as the registry strategy does.
    private mutating func configureReplicaSet(_ written: ReplicaSet, _ resourceVersion: String) {
        guard var rs = replicaSets[written.name] else {
            var created = written
            created.metadata.resourceVersion = resourceVersion
            replicaSets[written.name] = created
            return
        }
        if rs.spec != written.spec { rs.metadata.generation = (rs.metadata.generation ?? 0) + 1 }
        rs.metadata.labels = written.metadata.labels
        rs.metadata.annotations = written.metadata.annotations
        rs.metadata.ownerReferences = written.metadata.ownerReferences
        rs.spec = written.spec
        rs.metadata.resourceVersion = resourceVersion
        replicaSets[written.name] = rs
    }

    private mutating func updateReplicaSet(_ name: String, _ resourceVersion: String, _ change: (inout ReplicaSet) -> Void) {
        guard var rs = replicaSets[name] else { return }
        change(&rs)
        rs.metadata.resourceVersion = resourceVersion
        replicaSets[name] = rs
    }
}

extension DeploymentStream {
    mutating func noteRevision(of rs: ReplicaSet, sequence: Int64, at time: Timestamp) {
        guard let revision = rs.revision else { return }
        revisions.append(RevisionRecord(
            revision: revision, replicaSet: rs.name, template: rs.spec.template.withoutHashLabel,
            changeCause: rs.metadata[annotation: AnnotationKey.changeCause], sequence: sequence, time: time))
    }
}

extension KubeEvent {
    /// The last second the Event is kept: after it, the API server's TTL has removed it.
    var expiry: Int64 { lastTimestamp.seconds + Timestamp.eventTTLSeconds }

    /// Whether the API server still has the Event at `now`. A stream forgets an expired Event only when it records
    /// another, so reads ask this too.
    public func isKept(at now: Timestamp) -> Bool { expiry >= now.seconds }
}

extension ObjectMeta {
    /// `ReleaseReplicaSet`/orphaning: the controller reference goes; other owners' references stay.
    mutating func droppingController() {
        let kept = (ownerReferences ?? []).filter { $0.controller != true }
        ownerReferences = kept.isEmpty ? nil : kept
    }

    /// `AdoptReplicaSet`/`AdoptPod`: the controller reference joins the other owners' references.
    mutating func adopted(by owner: OwnerReference) {
        ownerReferences = (ownerReferences ?? []).filter { $0.controller != true && $0.uid != owner.uid } + [owner]
    }
}
