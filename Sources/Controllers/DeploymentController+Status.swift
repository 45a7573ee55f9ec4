import Cluster
import KubeModel

extension Deployment {
    /// `DeploymentComplete`: every replica updated and available, and the latest spec observed.
    public func isComplete(status: DeploymentStatus) -> Bool {
        let desired = spec.desiredReplicas
        return (status.updatedReplicas ?? 0) == desired && (status.replicas ?? 0) == desired
            && (status.availableReplicas ?? 0) == desired
            && (status.observedGeneration ?? 0) >= (metadata.generation ?? 0)
    }

    /// `DeploymentProgressing`: any of updated, ready, available went up, or old replicas went down.
    func isProgressing(from old: DeploymentStatus, to new: DeploymentStatus) -> Bool {
        let oldOld = (old.replicas ?? 0) - (old.updatedReplicas ?? 0)
        let newOld = (new.replicas ?? 0) - (new.updatedReplicas ?? 0)
        return (new.updatedReplicas ?? 0) > (old.updatedReplicas ?? 0) || newOld < oldOld
            || (new.readyReplicas ?? 0) > (old.readyReplicas ?? 0)
            || (new.availableReplicas ?? 0) > (old.availableReplicas ?? 0)
    }

    /// `DeploymentTimedOut`: the Progressing condition's lastUpdateTime + deadline is strictly before now.
    func hasTimedOut(_ status: DeploymentStatus, now: Timestamp) -> Bool {
        guard hasProgressDeadline, let condition = status.condition(ConditionType.progressing) else { return false }
        if condition.reason == Reason.newRSAvailable { return false }
        if condition.reason == Reason.timedOut { return true }
        guard let from = condition.lastUpdateTime, let deadline = spec.progressDeadlineSeconds else { return false }
        return from.adding(seconds: Int64(deadline)) < now
    }
}

extension Reconciler {
    /// `calculateStatus`: counts over every owned ReplicaSet, then the Available condition.
    func calculateStatus(newRS: String?, oldRSs: [String]) -> DeploymentStatus {
        let d = deployment
        let all = (oldRSs + [newRS].compactMap { $0 }).compactMap { stream.replicaSets[$0] }
        let available = all.reduce(0) { $0 + $1.availableReplicas }
        let total = all.reduce(0) { $0 + $1.replicas }
        var status = DeploymentStatus()
        status.observedGeneration = d.metadata.generation
        status.replicas = all.reduce(0) { $0 + ($1.status.replicas ?? 0) }
        status.updatedReplicas = newRS.flatMap { stream.replicaSets[$0]?.status.replicas } ?? 0
        status.readyReplicas = all.reduce(0) { $0 + ($1.status.readyReplicas ?? 0) }
        status.availableReplicas = available
        status.unavailableReplicas = max(0, total - available)
        status.collisionCount = d.status.collisionCount
        status.conditions = d.status.conditions
        if available >= d.spec.desiredReplicas - d.maxUnavailable {
            status.set(DeploymentCondition(
                type: ConditionType.available, status: "True", reason: Reason.minimumReplicasAvailable,
                message: "Deployment has minimum availability.", at: now))
        } else {
            status.set(DeploymentCondition(
                type: ConditionType.available, status: "False", reason: Reason.minimumReplicasUnavailable,
                message: "Deployment does not have minimum availability.", at: now))
        }
        return status.normalized
    }

    /// `syncDeploymentStatus`: the paused and scaling path, with no progress evaluation.
    mutating func syncDeploymentStatus(newRS: String?, oldRSs: [String]) {
        let status = calculateStatus(newRS: newRS, oldRSs: oldRSs)
        if status != deployment.status {
            emit(.deploymentStatusUpdated(StatusUpdated(status: status)), actor: Actor.deploymentController)
        }
    }

    /// `syncRolloutStatus`: status plus the Progressing and ReplicaFailure conditions.
    mutating func syncRolloutStatus(newRS: String?, oldRSs: [String]) {
        let d = deployment
        var status = calculateStatus(newRS: newRS, oldRSs: oldRSs)
        if !d.hasProgressDeadline { status.remove(ConditionType.progressing) }
        let current = d.status.condition(ConditionType.progressing)
        let complete = status.replicas == status.updatedReplicas && current?.reason == Reason.newRSAvailable
        if d.hasProgressDeadline && !complete {
            let subject = newRS.map { "ReplicaSet \"\($0)\"" } ?? "Deployment \"\(d.name)\""
            if d.isComplete(status: status) {
                status.set(DeploymentCondition(
                    type: ConditionType.progressing, status: "True", reason: Reason.newRSAvailable,
                    message: "\(subject) has successfully progressed.", at: now))
            } else if d.isProgressing(from: d.status, to: status) {
                var condition = DeploymentCondition(
                    type: ConditionType.progressing, status: "True", reason: Reason.replicaSetUpdated,
                    message: "\(subject) is progressing.", at: now)
                if let current {
                    if current.status == "True" { condition.lastTransitionTime = current.lastTransitionTime }
                    status.remove(ConditionType.progressing)
                }
                status.set(condition)
            } else if d.hasTimedOut(status, now: now) {
                status.set(DeploymentCondition(
                    type: ConditionType.progressing, status: "False", reason: Reason.timedOut,
                    message: "\(subject) has timed out progressing.", at: now))
            }
        }
        if let failure = replicaFailure(newRS: newRS, oldRSs: oldRSs) {
            status.set(failure)
        } else {
            status.remove(ConditionType.replicaFailure)
        }
        status = status.normalized
        if status != d.status {
            emit(.deploymentStatusUpdated(StatusUpdated(status: status)), actor: Actor.deploymentController)
        }
    }

    /// `getReplicaFailures`: the new ReplicaSet's ReplicaFailure condition, else any old one's.
    private func replicaFailure(newRS: String?, oldRSs: [String]) -> DeploymentCondition? {
        let candidates = [newRS].compactMap { $0 } + oldRSs
        for name in candidates {
            guard let condition = stream.replicaSets[name]?.status.conditions?.first(where: {
                $0.type == ConditionType.replicaFailure
            }) else { continue }
            var result = DeploymentCondition(
                type: ConditionType.replicaFailure, status: condition.status, reason: condition.reason ?? "",
                message: condition.message ?? "", at: now)
            result.lastUpdateTime = condition.lastTransitionTime
            result.lastTransitionTime = condition.lastTransitionTime
            return result
        }
        return nil
    }

    /// `cleanupDeployment`: deletes the lowest-revision old ReplicaSets beyond `revisionHistoryLimit`.
    mutating func cleanupDeployment(oldRSs: [String]) {
        let d = deployment
        guard let limit = d.spec.revisionHistoryLimit, limit != Int(Int32.max) else { return }
        let candidates = oldRSs.compactMap { stream.replicaSets[$0] }.filter { $0.metadata.deletionTimestamp == nil }
        let diff = candidates.count - limit
        guard diff > 0 else { return }
        let byRevision = candidates.sorted { a, b in
            let ra = a.revision, rb = b.revision
            if let ra, let rb, ra != rb { return ra < rb }
            return Reconciler.createdBefore(a, b)
        }
        for rs in byRevision.prefix(diff) {
            if (rs.status.replicas ?? 0) != 0 || rs.replicas != 0
                || (rs.metadata.generation ?? 0) > (rs.status.observedGeneration ?? 0)
            {
                continue
            }
            deleteReplicaSet(rs.name, actor: Actor.deploymentController)
        }
    }

    /// Deletes a ReplicaSet and, as the garbage collector would, its pods.
    mutating func deleteReplicaSet(_ name: String, actor: String) {
        guard let rs = stream.replicaSets[name] else { return }
        for pod in stream.pods(of: rs) { emit(.podDeleted(ObjectName(name: pod.name)), actor: Actor.garbageCollector) }
        emit(.replicaSetDeleted(ObjectName(name: name)), actor: actor)
    }
}

extension DeploymentStatus {
    /// Zero counts are omitted in apps/v1 (omitempty); keeping them nil makes equality match the API's.
    var normalized: DeploymentStatus {
        var status = self
        func clean(_ value: Int?) -> Int? { value == 0 ? nil : value }
        status.replicas = clean(replicas)
        status.updatedReplicas = clean(updatedReplicas)
        status.readyReplicas = clean(readyReplicas)
        status.availableReplicas = clean(availableReplicas)
        status.unavailableReplicas = clean(unavailableReplicas)
        status.observedGeneration = clean(observedGeneration)
        return status
    }
}
