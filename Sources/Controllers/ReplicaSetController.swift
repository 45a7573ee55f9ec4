import Cluster
import KubeModel

extension Reconciler {
    /// Upstream creates at most this many pods per sync (`burstReplicas`).
    static let burstReplicas = 500

    /// `manageReplicas`: creates or deletes pods until the active count equals `spec.replicas`.
    mutating func manageReplicas(of name: String) {
        releaseMismatchedPods(of: name)
        adoptOrphanPods(of: name)
        guard let rs = stream.replicaSets[name] else { return }
        let active = stream.pods(of: rs).filter(\.isActive)
        let diff = active.count - rs.replicas
        if diff < 0 {
            // A ReplicaSet whose creations failed in this reconcile waits for the next one (its back-off).
            guard !creationFailures.keys.contains(name) else { return }
            if let failure = createPods(for: name, count: min(-diff, Reconciler.burstReplicas)) {
                creationFailures[name] = failure
                if rs.status.failingSince == nil { retryAtOnce(name) }
            }
            return
        }
        creationFailures[name] = nil
        if diff > 0 {
            let victims = active.sorted(by: deletionOrder).prefix(min(diff, Reconciler.burstReplicas))
            for pod in victims {
                emit(.podDeleted(ObjectName(name: pod.name)), actor: Actor.replicaSetController)
                recordReplicaSetEvent(rs, type: "Normal", reason: "SuccessfulDelete", message: "Deleted pod: \(pod.name)")
            }
        }
    }

    /// `claimPods`' release half: an active Pod of ours whose labels the selector no longer matches (a user relabelled
    /// it) is let go, unless the ReplicaSet is being deleted; counted no more, it is replaced.
    private mutating func releaseMismatchedPods(of name: String) {
        guard let rs = stream.replicaSets[name], rs.metadata.deletionTimestamp == nil else { return }
        for pod in stream.pods(of: rs).sorted(by: { $0.name < $1.name })
        where pod.isActive && !rs.spec.selector.matches(pod.metadata.labels ?? [:]) {
            emit(.podOrphaned(ObjectName(name: pod.name)), actor: Actor.replicaSetController)
        }
    }

    /// `claimPods`' adoption half: an active pod without a controller that the selector matches becomes ours
    /// (left by `delete rs --cascade=orphan`, say, before the Deployment made the ReplicaSet again).
    private mutating func adoptOrphanPods(of name: String) {
        guard let rs = stream.replicaSets[name], rs.metadata.deletionTimestamp == nil, let uid = rs.metadata.uid else { return }
        // Filtered before sorting: orphans are rare, and sorting every Pod of the stream (whole values) on each of
        // the controller's passes was 3% of a command.
        let orphans = stream.pods.values.filter {
            $0.metadata.controllerRef == nil && $0.isActive && rs.spec.selector.matches($0.metadata.labels ?? [:])
        }
        for pod in orphans.sorted(by: { $0.name < $1.name }) {
            let owner = OwnerReference(apiVersion: "apps/v1", kind: "ReplicaSet", name: rs.name, uid: uid)
            emit(.podAdopted(Adoption(name: pod.name, owner: owner)), actor: Actor.replicaSetController)
        }
    }

    /// `slowStartBatch`: creates in batches of 1, 2, 4, … and stops after a batch in which a creation failed.
    /// Returns the first failure's error, nil when every Pod was created.
    private mutating func createPods(for rsName: String, count: Int) -> String? {
        var remaining = count, batch = 1
        while remaining > 0 {
            var failure: String?
            for _ in 0..<min(batch, remaining) {
                if let error = createPod(for: rsName), failure == nil { failure = error }
            }
            if let failure { return failure }
            remaining -= min(batch, remaining)
            batch *= 2
        }
        return nil
    }

    /// The work queue's retries within a failure's first second: nothing changed in between, so each fails as the
    /// first did (nothing is created while the same refusal holds).
    private mutating func retryAtOnce(_ name: String) {
        for _ in 0..<WorkQueueBackOff.retriesInFirstSecond {
            guard let rs = stream.replicaSets[name] else { return }
            let missing = rs.replicas - stream.pods(of: rs).filter(\.isActive).count
            guard missing > 0, createPods(for: name, count: min(missing, Reconciler.burstReplicas)) != nil else { return }
        }
    }

    /// Creates one Pod, or records the API server's refusal (`FailedCreate`) and returns it.
    private mutating func createPod(for rsName: String) -> String? {
        guard let rs = stream.replicaSets[rsName] else { return nil }
        var salt = 0
        var name: String
        repeat {
            name = "\(Reconciler.podNamePrefix(rs.name))\(Identifiers.nameSuffix("\(rs.name)/\(stream.podSequence)/\(salt)"))"
            salt += 1
        } while stream.pods[name] != nil || podNameTakenElsewhere(name)
        var meta = ObjectMeta(
            name: name, namespace: rs.metadata.namespace, labels: rs.spec.template.metadata.labels,
            annotations: rs.spec.template.metadata.annotations)
        // getPodsPrefix: the dash only while the prefix is a valid name; only the generated name is cut.
        meta.generateName = rs.name.count < 253 ? rs.name + "-" : rs.name
        meta.uid = Identifiers.uid("pod/\(rs.metadata.namespace ?? "")/\(name)/\(sequenceAfterPending)")
        meta.creationTimestamp = now
        meta.ownerReferences = [OwnerReference(apiVersion: "apps/v1", kind: "ReplicaSet", name: rs.name, uid: rs.metadata.uid ?? "")]
        var pod = Pod(metadata: meta, spec: rs.spec.template.spec)
        PodAdmission.admitAndSchedule(&pod, beside: boundPods, at: now)
        if let error = refusal(of: pod, madeBy: rs) {
            recordReplicaSetEvent(rs, type: "Warning", reason: "FailedCreate", message: "Error creating: \(error)")
            return error
        }
        emit(.podCreated(PodObject(pod: pod)), actor: Actor.replicaSetController)
        recordReplicaSetEvent(rs, type: "Normal", reason: "SuccessfulCreate", message: "Created pod: \(name)")
        recordScheduling(of: pod)
        return nil
    }

    /// The API server's refusal of a Pod the ReplicaSet controller creates: a check a template does not get, or an
    /// admission plugin's (a ResourceQuota's). The server names the Pod before either refuses it, so each try has a
    /// name of its own (upstream's are random; these derive from the stream's position, which every try moves on).
    private func refusal(of pod: Pod, madeBy rs: ReplicaSet) -> String? {
        func refusedName() -> String {
            Reconciler.podNamePrefix(rs.name) + Identifiers.nameSuffix("\(rs.name)/refused/\(stream.version)")
        }
        let invalid = pod.podOnlyErrors()
        if !invalid.isEmpty { return invalidStatusMessage(kind: "Pod", group: "", name: refusedName(), errors: invalid) }
        return admitPod(pod, stream).map { "pods \"\(refusedName())\" is forbidden: \($0)" }
    }

    /// The active Pods on the node, beside which the scheduler places another.
    var boundPods: [Pod] { stream.pods.values.filter { $0.spec.nodeName == NodeState.nodeName && $0.isActive } }

    /// The scheduler's Event for a Pod ``PodAdmission/admitAndSchedule(_:beside:at:)`` placed: `Scheduled` for one it
    /// bound, `FailedScheduling` for one it could not (none for a Pod that named its node itself).
    public mutating func recordScheduling(of pod: Pod) {
        if let failure = pod.status.unschedulable {
            recordPodEvent(pod, type: "Warning", reason: "FailedScheduling", message: failure, source: Actor.scheduler)
        } else if pod.status.condition("PodScheduled")?.status == "True" {
            recordPodEvent(
                pod, type: "Normal", reason: "Scheduled",
                message: "Successfully assigned \(pod.metadata.namespace ?? "default")/\(pod.name) to \(NodeState.nodeName)",
                source: Actor.scheduler)
        }
    }

    /// Binds the Pods the scheduler could not place before and now can (a Pod they clashed with is gone). Such a
    /// Pod is retried whenever the stream changes; a retry that fails again records nothing.
    mutating func scheduleWaitingPods() {
        let waiting = stream.pods.values.filter { $0.status.unschedulable != nil && $0.isActive && $0.spec.nodeName == nil }
        // The scheduling queue's order among equal priorities: the Pod that has waited longest first.
        let queue = waiting.sorted {
            ($0.metadata.creationTimestamp ?? Timestamp(seconds: 0), $0.name) < ($1.metadata.creationTimestamp ?? Timestamp(seconds: 0), $1.name)
        }
        for pod in queue where Scheduler.failure(of: pod, beside: boundPods) == nil {
            emit(.podBound(PodBinding(name: pod.name, nodeName: NodeState.nodeName)), actor: Actor.scheduler)
            if let bound = stream.pods[pod.name] { recordScheduling(of: bound) }
        }
    }

    /// The prefix of a generated pod name: `getPodsPrefix`'s ReplicaSet name and dash, cut to 58 characters by the
    /// API server's name generator (SimpleNameGenerator) so names stay within 63.
    static func podNamePrefix(_ rsName: String) -> String {
        let prefix = rsName + "-"
        return prefix.count > 58 ? String(prefix.prefix(58)) : prefix
    }

    /// `ActivePodsWithRanks`: the pods a scale-down removes first sort first.
    private func deletionOrder(_ a: Pod, _ b: Pod) -> Bool {
        let assignedA = a.spec.nodeName != nil, assignedB = b.spec.nodeName != nil
        if assignedA != assignedB { return !assignedA }
        let phaseRank = ["Pending": 0, "Unknown": 1, "Running": 2]
        let pa = phaseRank[a.status.phase ?? ""] ?? 0, pb = phaseRank[b.status.phase ?? ""] ?? 0
        if pa != pb { return pa < pb }
        if a.isReady != b.isReady { return !a.isReady }
        if a.isReady && b.isReady, let ta = a.readySince, let tb = b.readySince, ta != tb {
            let rank = logarithmicRank(ta) - logarithmicRank(tb)
            if rank == 0 { return (a.metadata.uid ?? "") < (b.metadata.uid ?? "") }
            return rank < 0
        }
        let ra = a.maxRestarts, rb = b.maxRestarts
        if ra != rb { return ra > rb }
        // Newer before older, on the same log2 scale of age as ready times (LogarithmicScaleDown, on since 1.22):
        // pods created close together fall in one bucket and go by UID.
        let ca = a.metadata.creationTimestamp, cb = b.metadata.creationTimestamp
        if ca != cb {
            guard let ca, let cb else { return ca == nil }
            let rank = logarithmicRank(ca) - logarithmicRank(cb)
            if rank == 0 { return (a.metadata.uid ?? "") < (b.metadata.uid ?? "") }
            return rank < 0
        }
        // Upstream leaves equals in the lister's order, which is random; the UID is as good and deterministic.
        return (a.metadata.uid ?? "") < (b.metadata.uid ?? "")
    }

    /// log2 of how long a pod has been ready, in nanoseconds, as LogarithmicScaleDown buckets it.
    private func logarithmicRank(_ since: Timestamp) -> Int {
        let nanos = Double(now.seconds - since.seconds) * 1e9
        return nanos > 0 ? Int(log2(nanos)) : -1
    }

    /// Recomputes a ReplicaSet's status from its pods (`calculateStatus` in replica_set_utils.go).
    mutating func updateReplicaSetStatus(_ name: String) {
        guard let rs = stream.replicaSets[name] else { return }
        let active = stream.pods(of: rs).filter(\.isActive)
        let ready = active.filter(\.isReady)
        let minReady = Int64(rs.spec.minReadySeconds ?? 0)
        let available = ready.filter { pod in
            guard minReady > 0 else { return true }
            guard let since = pod.readySince else { return false }
            return since.seconds + minReady < now.seconds
        }
        var status = rs.status
        status.replicas = active.count
        // calculateStatus: a Pod is fully labeled when it carries every label of the template, not just the selector's.
        let templateLabels = rs.spec.template.metadata.labels ?? [:]
        status.fullyLabeledReplicas = active.filter { pod in
            let labels = pod.metadata.labels ?? [:]
            return templateLabels.allSatisfy { labels[$0.key] == $0.value }
        }.count
        status.readyReplicas = ready.count
        status.availableReplicas = available.count
        status.observedGeneration = rs.metadata.generation
        for key in [\ReplicaSetStatus.fullyLabeledReplicas, \.readyReplicas, \.availableReplicas] where status[keyPath: key] == 0 {
            status[keyPath: key] = nil
        }
        status.noteCreationFailure(creationFailures[name], missing: active.count < rs.replicas, at: now)
        if status != rs.status {
            emit(.replicaSetStatusUpdated(ReplicaSetStatusUpdated(name: name, status: status)), actor: Actor.replicaSetController)
        }
    }

    /// Background cascading deletion: ReplicaSets whose controlling Deployment is gone, and pods whose
    /// controlling ReplicaSet is gone.
    mutating func collectGarbage() {
        let liveUID = stream.deployment?.metadata.uid
        for rs in stream.replicaSets.values.sortedByCreation() {
            if let owner = rs.metadata.controllerRef, owner.uid != liveUID {
                deleteReplicaSet(rs.name, actor: Actor.garbageCollector)
            }
        }
        let rsUIDs = Set(stream.replicaSets.values.compactMap(\.metadata.uid))
        for pod in stream.pods.values.sorted(by: { $0.name < $1.name }) {
            if let owner = pod.metadata.controllerRef, !rsUIDs.contains(owner.uid) {
                emit(.podDeleted(ObjectName(name: pod.name)), actor: Actor.garbageCollector)
            }
        }
    }
}

extension Pod {
    /// Counted by the ReplicaSet controller: not terminating and not finished.
    var isActive: Bool { !isTerminating && status.phase != "Succeeded" && status.phase != "Failed" }

    /// When the Ready condition last became True.
    var readySince: Timestamp? { isReady ? status.condition("Ready")?.lastTransitionTime : nil }

    var maxRestarts: Int { status.containerStatuses?.map(\.restartCount).max() ?? 0 }
}

import Foundation
