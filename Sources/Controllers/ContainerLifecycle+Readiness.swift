import KubeModel

/// The prober's readiness probes of a running container (``ContainerProbe`` holds their schedule and texts).
extension ContainerLifecycle {
    /// `current` after the readiness probe the prober runs now, if it runs now.
    mutating func probed(_ current: ContainerStatus) -> ContainerStatus {
        guard !current.ready, let startedAt = current.state.running?.startedAt, let probe = ContainerProbe(container),
            probe.probes(at: now, startedAt: startedAt)
        else { return current }
        var status = current
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
