import Cluster
import KubeModel

/// Startup and liveness probes (pkg/kubelet/prober worker.go, kuberuntime computePodActions and doBackOff).
///
/// A container's fate is fixed when it starts: its application answers from the image's startup delay on (never, for
/// an image that never turns ready or crashes), and every probe before then fails. The startup probe runs until it
/// succeeds, and only then do the liveness and readiness probes run. `failureThreshold` failures in a row of either
/// kill the container; a probe whose port does not resolve errs, which never counts.
extension ContainerLifecycle {
    struct ProbeKill {
        var time: Timestamp
        var kind: ContainerProbe.Kind
    }

    /// Where the liveness and startup workers' ticks start: the pod's admission.
    var probeOrigin: Timestamp? { pod.status.startTime }

    /// When the application of a container started at `startedAt` answers.
    func appUp(startedAt: Timestamp) -> Timestamp? {
        (loaded?.behaviour ?? .ready) == .ready ? startedAt.adding(seconds: Int64(loaded?.startupSeconds ?? 0)) : nil
    }

    /// When the container counts as started: at once without a startup probe, else at the startup probe's first
    /// success (nil when it never succeeds, or fails its threshold first).
    func startedTime(startedAt: Timestamp) -> Timestamp? {
        guard let probe = ContainerProbe(container, .startup) else { return startedAt }
        guard probe.resolves, let up = appUp(startedAt: startedAt) else { return nil }
        let origin = probeOrigin ?? startedAt
        let success = probe.firstTick(from: up, startedAt: startedAt, origin: origin)
        return success <= probe.lastTolerated(from: startedAt, startedAt: startedAt, origin: origin) ? success : nil
    }

    /// The probe that kills the container, and when: the startup probe's, or once started the liveness probe's,
    /// `failureThreshold`-th failure before the application answers.
    func probeKill(startedAt: Timestamp) -> ProbeKill? {
        let up = appUp(startedAt: startedAt), origin = probeOrigin ?? startedAt
        if let startup = ContainerProbe(container, .startup) {
            guard startup.resolves else { return nil }
            let last = startup.lastTolerated(from: startedAt, startedAt: startedAt, origin: origin)
            if up.map({ last < $0 }) ?? true { return ProbeKill(time: last, kind: .startup) }
        }
        guard let liveness = ContainerProbe(container, .liveness), liveness.resolves,
            let started = startedTime(startedAt: startedAt)
        else { return nil }
        let last = liveness.lastTolerated(from: started, startedAt: startedAt, origin: origin)
        return up.map({ last < $0 }) ?? true ? ProbeKill(time: last, kind: .liveness) : nil
    }

    /// The startup and liveness probes due now, before the readiness probe: a failure is an Event; the startup probe's
    /// success starts the container (ready at once without a readiness probe, which the kubelet then triggers).
    mutating func probedForLife(_ status: inout ContainerStatus, startedAt: Timestamp) {
        let podIP = Identifiers.podIP(of: pod)
        let answering = appUp(startedAt: startedAt).map { now >= $0 } ?? false
        if status.started != true {
            guard let startup = ContainerProbe(container, .startup), probes(startup, startedAt: startedAt) else { return }
            guard answering && startup.resolves else {
                record("Warning", "Unhealthy", startup.failureMessage(podIP: podIP))
                return
            }
            status.started = true
            if ContainerProbe(container) == nil { status.ready = true }
        }
        if let liveness = ContainerProbe(container, .liveness), probes(liveness, startedAt: startedAt),
            !answering || !liveness.resolves
        {
            record("Warning", "Unhealthy", liveness.failureMessage(podIP: podIP))
        }
    }

    private func probes(_ probe: ContainerProbe, startedAt: Timestamp) -> Bool {
        probe.ticks(at: now, startedAt: startedAt, origin: probeOrigin ?? startedAt)
    }

    /// The kubelet kills a container that failed its probe and, unless the pod restarts nothing, starts it again in the
    /// same sync, through `doBackOff` with the pod's status from before the kill: the first kill finds no exited
    /// container and restarts at once; later ones look at the previous instance's exit, restarting at once while the
    /// back-off (made by the second kill, 10s doubling to 300s) is shorter than the time since, and waiting it out in
    /// `CrashLoopBackOff` otherwise. The application dies of the SIGTERM: exit code 143.
    ///
    /// - Parameter level: The back-off entry: 0 for none, else ``backOff(_:)`` of `level - 1`.
    mutating func killed(_ current: ContainerStatus, by kill: ProbeKill, startedAt: Timestamp, level: Int)
        -> (ContainerStatus, ContainerTimer?)
    {
        if let probe = ContainerProbe(container, kill.kind) {
            record("Warning", "Unhealthy", probe.failureMessage(podIP: Identifiers.podIP(of: pod)))
        }
        let failed = role == .sidecar
            ? "Init container \(container.name) failed \(kill.kind.rawValue.lowercased()) probe"
            : "Container \(container.name) failed \(kill.kind.rawValue.lowercased()) probe"
        return killed(current, because: failed, startedAt: startedAt, level: level)
    }

    /// The kill itself, for `reason` (which a restart appends ", will be restarted" to, but for a sidecar's).
    ///
    /// - Parameter always: Whether the container restarts whatever the Pod's `restartPolicy` (a changed definition).
    mutating func killed(
        _ current: ContainerStatus, because reason: String, startedAt: Timestamp, level: Int, always: Bool = false
    ) -> (ContainerStatus, ContainerTimer?) {
        var status = current
        var terminated = ContainerState.Terminated(exitCode: 143, reason: "Error", startedAt: startedAt, finishedAt: now)
        terminated.containerID = current.containerID
        status.ready = false
        status.started = false
        if role != .sidecar && pod.spec.restartPolicy == "Never" && !always {
            // With no other container left running, the kubelet kills the whole pod, with the plain stop message.
            let othersRunning = (pod.status.containerStatuses ?? []).contains {
                $0.name != container.name && $0.state.running != nil
            }
            record("Normal", "Killing", othersRunning ? reason : "Stopping container \(container.name)")
            status.state = ContainerState(terminated: terminated)
            return (status, nil)
        }
        // A sidecar is restarted by computeInitContainerActions, which words it without the restart.
        record("Normal", "Killing", role == .sidecar ? reason : reason + ", will be restarted")
        let previousExit = current.lastState.terminated?.finishedAt
        status.lastState = ContainerState(terminated: terminated)
        guard let previousExit else {
            status.restartCount += 1
            return start(previous: status, attempt: level)
        }
        if level > 0, now.seconds - previousExit.seconds < ContainerLifecycle.backOff(level - 1) {
            return backingOff(status, delay: ContainerLifecycle.backOff(level - 1), nextLevel: level + 1)
        }
        status.restartCount += 1
        return start(previous: status, attempt: level + 1)
    }
}
