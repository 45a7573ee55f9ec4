import Cluster
import KubeModel

extension Reconciler {
    /// `getAllReplicaSetsAndSyncRevision`: finds (or creates) the new ReplicaSet and keeps revisions in step.
    /// Returns ReplicaSet names, since the state they name changes as the sync goes on.
    mutating func replicaSetsAndSyncRevision(createIfMissing: Bool) -> (new: String?, old: [String]) {
        let owned = stream.ownedReplicaSets
        let existing = owned.first { $0.spec.template.equalIgnoringHash(deployment.spec.template) }
        let old = owned.filter { $0.name != existing?.name }
        let maxOldRevision = old.compactMap { rs -> Int? in
            guard let text = rs.metadata[annotation: AnnotationKey.revision] else { return 0 }
            return Int(text)
        }.max() ?? 0
        let newRevision = maxOldRevision + 1
        let newName = getNewReplicaSet(existing: existing, old: old, newRevision: newRevision, create: createIfMissing)
        return (newName, old.map(\.name))
    }

    private mutating func getNewReplicaSet(existing: ReplicaSet?, old: [ReplicaSet], newRevision: Int, create: Bool)
        -> String?
    {
        let d = deployment
        if let existing {
            var annotations = existing.metadata.annotations ?? [:]
            let changed = d.newReplicaSetAnnotations(&annotations, newRevision: newRevision, exists: true)
            if changed || existing.spec.minReadySeconds != d.spec.minReadySeconds {
                emit(
                    .replicaSetAnnotated(ReplicaSetAnnotated(
                        name: existing.name, annotations: annotations, minReadySeconds: d.spec.minReadySeconds)),
                    actor: Actor.deploymentController)
                return existing.name
            }
            var status = d.status
            var needsUpdate = false
            let revision = annotations[AnnotationKey.revision] ?? ""
            if d.metadata[annotation: AnnotationKey.revision] != revision {
                emit(.deploymentRevisionSet(RevisionSet(revision: revision)), actor: Actor.deploymentController)
            }
            if d.hasProgressDeadline && status.condition(ConditionType.progressing) == nil {
                status.set(DeploymentCondition(
                    type: ConditionType.progressing, status: "True", reason: Reason.foundNewRS,
                    message: "Found new replica set \"\(existing.name)\"", at: now))
                needsUpdate = true
            }
            if needsUpdate {
                emit(.deploymentStatusUpdated(StatusUpdated(status: status)), actor: Actor.deploymentController)
            }
            return existing.name
        }
        guard create else { return nil }
        return createNewReplicaSet(old: old, newRevision: newRevision)
    }

    private mutating func createNewReplicaSet(old: [ReplicaSet], newRevision: Int) -> String? {
        guard !replicaSetCreateRefused else { return nil }
        var d = deployment
        var hash = TemplateHash.compute(d.spec.template, collisionCount: d.status.collisionCount)
        // A name taken by a ReplicaSet with another template, or by one in another stream (never this Deployment's),
        // is a hash collision: bump the count and rehash.
        while true {
            let clash = stream.replicaSets["\(d.name)-\(hash)"]
            guard clash != nil || nameTakenElsewhere("\(d.name)-\(hash)") else { break }
            if let clash, clash.metadata.controllerRef?.uid == d.metadata.uid,
                clash.spec.template.equalIgnoringHash(d.spec.template)
            {
                return clash.name
            }
            var status = d.status
            status.collisionCount = (status.collisionCount ?? 0) + 1
            emit(.deploymentStatusUpdated(StatusUpdated(status: status)), actor: Actor.deploymentController)
            d = deployment
            hash = TemplateHash.compute(d.spec.template, collisionCount: d.status.collisionCount)
        }
        var template = d.spec.template
        template.metadata.labels = (template.metadata.labels ?? [:]).merging(
            [AnnotationKey.podTemplateHash: hash]) { $1 }
        var selector = d.spec.selector ?? LabelSelector()
        selector.matchLabels = (selector.matchLabels ?? [:]).merging([AnnotationKey.podTemplateHash: hash]) { $1 }
        let name = "\(d.name)-\(hash)"
        // A Deployment name of 243 characters or more leaves no room for the hash: the API server refuses the
        // ReplicaSet (a DNS subdomain has at most 253), and the sync stops there.
        if name.count > 253 {
            replicaSetCreateFailed(
                name, "ReplicaSet.apps \"\(name)\" is invalid: metadata.name: Invalid value: \"\(name)\": "
                    + "must be no more than 253 characters")
            return nil
        }
        var meta = ObjectMeta(name: name, namespace: d.namespace, labels: template.metadata.labels)
        meta.uid = Identifiers.uid("replicaset/\(d.namespace)/\(name)/\(sequenceAfterPending)")
        meta.generation = 1
        meta.creationTimestamp = now
        meta.ownerReferences = [
            OwnerReference(apiVersion: "apps/v1", kind: "Deployment", name: d.name, uid: d.metadata.uid ?? "")
        ]
        var rs = ReplicaSet(
            metadata: meta,
            spec: ReplicaSetSpec(
                replicas: 0, minReadySeconds: d.spec.minReadySeconds, selector: selector, template: template))
        let replicas = d.newReplicaSetReplicas(all: old + [rs], newRS: rs)
        rs.spec.replicas = replicas
        var annotations: [String: String] = [:]
        _ = d.newReplicaSetAnnotations(&annotations, newRevision: newRevision, exists: false)
        rs.metadata.annotations = annotations
        if let refusal = admitReplicaSet(rs, stream) {
            replicaSetCreateFailed(name, "replicasets.apps \"\(name)\" is forbidden: \(refusal)")
            return nil
        }
        emit(.replicaSetCreated(ReplicaSetObject(replicaSet: rs)), actor: Actor.deploymentController)
        if replicas > 0 {
            recordDeploymentEvent(
                type: "Normal", reason: "ScalingReplicaSet", message: "Scaled up replica set \(name) to \(replicas)")
        }
        if deployment.metadata[annotation: AnnotationKey.revision] != String(newRevision) {
            emit(.deploymentRevisionSet(RevisionSet(revision: String(newRevision))), actor: Actor.deploymentController)
        }
        if deployment.hasProgressDeadline {
            var status = deployment.status
            status.set(DeploymentCondition(
                type: ConditionType.progressing, status: "True", reason: Reason.newRSCreated,
                message: "Created new replica set \"\(name)\"", at: now))
            emit(.deploymentStatusUpdated(StatusUpdated(status: status)), actor: Actor.deploymentController)
        }
        return name
    }
}

extension Reconciler {
    /// `getNewReplicaSet` when the create fails: Progressing False `ReplicaSetCreateError` (with a deadline; an
    /// existing one of that reason keeps its message, as SetDeploymentCondition does) and a Warning Event at each try.
    /// The sync's error requeues the Deployment on the work queue's back-off, fifteen times: the first second's
    /// retries are made at once, the later ones at the stream's wake-ups (``Deployment/nextCreateRetry``), once per
    /// reconcile.
    private mutating func replicaSetCreateFailed(_ name: String, _ error: String) {
        replicaSetCreateRefused = true
        let message = "Failed to create new replica set \"\(name)\": \(error)"
        let reason = "ReplicaSetCreateError"
        let first = !stream.events.values.contains { $0.reason == reason && $0.message == message }
        if deployment.hasProgressDeadline {
            var status = deployment.status
            status.set(DeploymentCondition(
                type: ConditionType.progressing, status: "False", reason: reason, message: message, at: now))
            if status != deployment.status {
                emit(.deploymentStatusUpdated(StatusUpdated(status: status)), actor: Actor.deploymentController)
            }
        }
        for _ in 0...(first ? WorkQueueBackOff.retriesInFirstSecond : 0) {
            recordDeploymentEvent(type: "Warning", reason: reason, message: message)
        }
    }
}

extension Deployment {
    /// Longest `revision-history` value kept, in characters (maxRevHistoryLengthInChars).
    static let maxRevisionHistoryLength = 2000

    /// `SetNewReplicaSetAnnotations`: copies the Deployment's annotations, raises the revision (keeping the
    /// old number in `revision-history`), and on creation adds the replica annotations. Returns whether
    /// anything changed.
    func newReplicaSetAnnotations(_ annotations: inout [String: String], newRevision: Int, exists: Bool) -> Bool {
        var changed = copyAnnotations(into: &annotations)
        let oldRevisionText = annotations[AnnotationKey.revision]
        let oldRevision: Int
        // An empty revision counts as 0; any other text that is no number stops here.
        if let text = oldRevisionText, !text.isEmpty {
            guard let parsed = Int(text) else { return false }
            oldRevision = parsed
        } else {
            oldRevision = 0
        }
        if oldRevision < newRevision {
            annotations[AnnotationKey.revision] = String(newRevision)
            changed = true
        }
        if let oldText = oldRevisionText, oldRevision < newRevision {
            let history = annotations[AnnotationKey.revisionHistory] ?? ""
            if history.isEmpty {
                annotations[AnnotationKey.revisionHistory] = oldText
            } else {
                var entries = history.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
                var total = history.count + oldText.count + 1
                var start = 0
                while total > Deployment.maxRevisionHistoryLength && start < entries.count {
                    total -= entries[start].count + 1
                    start += 1
                }
                if total <= Deployment.maxRevisionHistoryLength {
                    entries = Array(entries[start...]) + [oldText]
                    annotations[AnnotationKey.revisionHistory] = entries.joined(separator: ",")
                }
            }
        }
        if !exists {
            let desired = String(spec.desiredReplicas)
            let max = String(spec.desiredReplicas + maxSurge)
            if annotations[AnnotationKey.desiredReplicas] != desired || annotations[AnnotationKey.maxReplicas] != max {
                annotations[AnnotationKey.desiredReplicas] = desired
                annotations[AnnotationKey.maxReplicas] = max
                changed = true
            }
        }
        return changed
    }

    /// `copyDeploymentAnnotationsToReplicaSet`: adds or overwrites, never deletes; skips the skip list.
    func copyAnnotations(into annotations: inout [String: String]) -> Bool {
        var changed = false
        for (key, value) in metadata.annotations ?? [:] where !AnnotationKey.skipped.contains(key) {
            if annotations[key] != value {
                annotations[key] = value
                changed = true
            }
        }
        return changed
    }

    /// `NewRSNewReplicas`.
    func newReplicaSetReplicas(all: [ReplicaSet], newRS: ReplicaSet) -> Int {
        if spec.isRecreate { return spec.desiredReplicas }
        let surge = (spec.strategy?.rollingUpdate?.maxSurge ?? .string("25%"))
            .scaled(total: spec.desiredReplicas, roundUp: true) ?? 0
        let current = all.reduce(0) { $0 + $1.replicas }
        let maxTotal = spec.desiredReplicas + surge
        if current >= maxTotal { return newRS.replicas }
        return newRS.replicas + min(maxTotal - current, spec.desiredReplicas - newRS.replicas)
    }
}
