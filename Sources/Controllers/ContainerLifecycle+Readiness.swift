import KubeModel

/// The prober's readiness probes of a running container (``ContainerProbe`` holds their schedule and texts).
extension ContainerLifecycle {
    /// `current` after the probes the prober runs now: startup, liveness, then readiness, which runs only once the
    /// container has started (and at once when it just has: the kubelet triggers it).
    mutating func probed(_ current: ContainerStatus) -> ContainerStatus {
        guard let startedAt = current.state.running?.startedAt else { return current }
        var status = current
        probedForLife(&status, startedAt: startedAt)
        let justStarted = current.started != true && status.started == true
        guard status.started == true, !status.ready, let probe = ContainerProbe(container) else { return status }
        // The start the startup probe found triggers a readiness probe at once: the application answers by then.
        if justStarted, probe.resolves, probe.successThreshold <= 1,
            now.seconds - startedAt.seconds >= probe.initialDelaySeconds
        {
            status.ready = true
            return status
        }
        guard probe.probes(at: now, startedAt: startedAt) else { return status }
        runProbe(probe, on: &status, startedAt: startedAt)
        return status
    }

    /// One readiness probe. The application answers once the image's startup delay has passed (never, for an image
    /// that never turns ready or crashes); the container is ready at the `successThreshold`-th probe from then on.
    /// Before, each probe fails with the refused connection's Event. A probe whose port cannot be resolved errs
    /// every time, and the container never turns ready.
    mutating func runProbe(_ probe: ContainerProbe, on status: inout ContainerStatus, startedAt: Timestamp) {
        if (loaded?.behaviour ?? .ready) == .ready && probe.resolves {
            let up = startedAt.adding(seconds: Int64(loaded?.startupSeconds ?? 0))
            if now >= up {
                if now >= probe.readyTime(appUpAt: up, startedAt: startedAt) { status.ready = true }
                return
            }
        }
        record("Warning", "Unhealthy", probe.failureMessage(podIP: Identifiers.podIP(of: pod)))
    }
}
