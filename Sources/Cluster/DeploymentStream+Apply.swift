import KubeModel

extension DeploymentStream {
    /// Folds one event into the state. `sequence` is the event's global sequence number: it becomes the
    /// `resourceVersion` of whatever the event touched. Events are facts: inconsistent ones are ignored.
    public mutating func apply(_ event: ClusterEvent, sequence: Int64, at time: Timestamp) {
        let resourceVersion = String(sequence)
        lastEventTime = time
        switch event {
        case .deploymentCreated(let object):
            var created = object.deployment
            created.metadata.resourceVersion = resourceVersion
            deployment = created
        case .deploymentConfigured(let object):
            updateDeployment(resourceVersion) { current in
                current.metadata.labels = object.deployment.metadata.labels
                current.metadata.annotations = object.deployment.metadata.annotations
                current.spec = object.deployment.spec
            }
        case .imageSet(let change):
            updateDeployment(resourceVersion) { current in
                current.spec.template.spec.containers = Self.setting(change.images, in: current.spec.template.spec.containers)
                if let initImages = change.initImages {
                    current.spec.template.spec.initContainers =
                        Self.setting(initImages, in: current.spec.template.spec.initContainers)
                }
                if let cause = change.changeCause { current.metadata[annotation: AnnotationKey.changeCause] = cause }
            }
        case .deploymentScaled(let scale):
            updateDeployment(resourceVersion) { $0.spec.replicas = scale.to }
        case .deploymentPaused:
            updateDeployment(resourceVersion) { $0.spec.paused = true }
        case .deploymentResumed:
            updateDeployment(resourceVersion) { $0.spec.paused = nil }
        case .deploymentRolledBack(let rollback):
            updateDeployment(resourceVersion) { current in
                current.spec.template = rollback.template
                current.metadata.annotations = rollback.annotations.isEmpty ? nil : rollback.annotations
            }
        case .deploymentAnnotated(let change):
            updateDeployment(resourceVersion) { current in
                for key in change.removed { current.metadata[annotation: key] = nil }
                for (key, value) in change.set { current.metadata[annotation: key] = value }
            }
        case .deploymentRestarted(let restart):
            updateDeployment(resourceVersion) { current in
                var annotations = current.spec.template.metadata.annotations ?? [:]
                annotations[AnnotationKey.restartedAt] = restart.restartedAt
                current.spec.template.metadata.annotations = annotations
            }
        case .deploymentDeleted(let deletion):
            // With `--cascade=orphan` the orphan finalizer strips the owner references before the object goes.
            if deletion.cascade == "orphan", let uid = deployment?.metadata.uid {
                for (name, rs) in replicaSets where rs.metadata.controllerRef?.uid == uid {
                    replicaSets[name]?.metadata.ownerReferences = nil
                    replicaSets[name]?.metadata.resourceVersion = resourceVersion
                }
            }
            deployment = nil
        case .deploymentStatusUpdated(let update):
            deployment?.status = update.status
            deployment?.metadata.resourceVersion = resourceVersion
        case .deploymentRevisionSet(let update):
            deployment?.metadata[annotation: AnnotationKey.revision] = update.revision
            deployment?.metadata.resourceVersion = resourceVersion
        default:
            applyToReplicaSetsAndPods(event, sequence: sequence, at: time)
        }
    }

    /// The containers with the images `images` names for them.
    private static func setting(_ images: [String: String], in containers: [Container]) -> [Container] {
        containers.map { container in
            var container = container
            if let image = images[container.name] { container.image = image }
            return container
        }
    }

    /// A user update: spec or annotation changes bump `metadata.generation`, as the registry strategy does.
    private mutating func updateDeployment(_ resourceVersion: String, _ change: (inout Deployment) -> Void) {
        guard var current = deployment else { return }
        let before = current
        change(&current)
        if current.spec != before.spec || current.metadata.annotations != before.metadata.annotations {
            current.metadata.generation = (current.metadata.generation ?? 0) + 1
        }
        current.metadata.resourceVersion = resourceVersion
        deployment = current
    }

    private mutating func applyToReplicaSetsAndPods(_ event: ClusterEvent, sequence: Int64, at time: Timestamp) {
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
            updateReplicaSet(object.name, resourceVersion) { $0.metadata.ownerReferences = nil }
        case .replicaSetAdopted(let adoption):
            updateReplicaSet(adoption.name, resourceVersion) { $0.metadata.ownerReferences = [adoption.owner] }
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
                    pods[name]?.metadata.ownerReferences = nil
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
        case .podAdopted(let adoption):
            pods[adoption.name]?.metadata.ownerReferences = [adoption.owner]
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
    private mutating func noteRevision(of rs: ReplicaSet, sequence: Int64, at time: Timestamp) {
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
