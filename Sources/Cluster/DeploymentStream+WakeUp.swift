import KubeModel

extension DeploymentStream {
    /// The next simulated time at which something happens in this stream without any user command: a
    /// kubelet timer (readiness after startup, a crash, a pull retry), a readiness probe, a ready pod becoming available
    /// after `minReadySeconds`, or a rollout hitting its progress deadline. Only times strictly after `time`
    /// count: whatever was due by then has been handled. Nil when the stream is quiet.
    /// The wake-up time stored with the stream: the next one after its last event.
    public var storedWakeUp: Timestamp? { nextWakeUp(after: lastEventTime ?? Timestamp(seconds: 0)) }

    public func nextWakeUp(after time: Timestamp) -> Timestamp? {
        var candidates = containerTimers.values.map(\.due)
        for rs in replicaSets.values {
            let minReady = Int64(rs.spec.minReadySeconds ?? 0)
            guard minReady > 0 else { continue }
            for pod in pods.values where pod.metadata.controllerRef?.uid == rs.metadata.uid && pod.isReady {
                if let since = pod.status.condition("Ready")?.lastTransitionTime {
                    candidates.append(since.adding(seconds: minReady + 1))
                }
            }
        }
        if let retry = deployment?.nextCreateRetry(after: time) { candidates.append(retry) }
        for rs in replicaSets.values {
            if let since = rs.status.failingSince {
                candidates.append(ReplicaSetStatus.nextRetry(failingSince: since, after: time))
            }
        }
        candidates += probeTicks(after: time)
        if let deadline = progressDeadline { candidates.append(deadline) }
        return candidates.filter { $0 > time }.min()
    }

    /// The next probe of each running container (or sidecar) whose probe may fail or succeed: the startup probe until
    /// the container has started; then the readiness probe until it is ready, and the liveness probe while a timer
    /// is pending (the application answers, or the probe kills the container, when it is due: the probes before fail).
    /// Each failure is an Event.
    private func probeTicks(after time: Timestamp) -> [Timestamp] {
        var times: [Timestamp] = []
        for pod in pods.values {
            let probed = pod.spec.containers + pod.spec.initContainers.filter(\.isSidecar)
            for status in (pod.status.containerStatuses ?? []) + (pod.status.initContainerStatuses ?? []) {
                guard let startedAt = status.state.running?.startedAt,
                    let container = probed.first(where: { $0.name == status.name })
                else { continue }
                let origin = pod.status.startTime ?? startedAt
                guard status.started == true else {
                    if let startup = ContainerProbe(container, .startup) {
                        times.append(startup.nextTick(after: time, startedAt: startedAt, origin: origin))
                    }
                    continue
                }
                if !status.ready, let readiness = ContainerProbe(container) {
                    times.append(readiness.nextProbe(after: time, startedAt: startedAt))
                }
                if let liveness = ContainerProbe(container, .liveness) {
                    // A probe whose port does not resolve errs at every tick.
                    let due = liveness.resolves ? containerTimers["\(pod.name)/\(container.name)"]?.due : nil
                    let next = liveness.nextTick(after: time, startedAt: startedAt, origin: origin)
                    if !liveness.resolves || due.map({ next < $0 }) == true { times.append(next) }
                }
            }
        }
        return times
    }

    /// When the rollout's Progressing condition times out: `lastUpdateTime + progressDeadlineSeconds`, the
    /// first whole second strictly after it (the controller's requeue).
    var progressDeadline: Timestamp? {
        guard let d = deployment, !d.spec.isPaused, let seconds = d.spec.progressDeadlineSeconds,
            seconds != Int(Int32.max), let condition = d.status.condition("Progressing"),
            condition.reason == "ReplicaSetUpdated" || condition.reason == "NewReplicaSetCreated"
                || condition.reason == "FoundNewReplicaSet" || condition.reason == "DeploymentResumed",
            let from = condition.lastUpdateTime
        else { return nil }
        return from.adding(seconds: Int64(seconds) + 1)
    }
}
