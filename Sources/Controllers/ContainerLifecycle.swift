import Cluster
import KubeModel

/// One container's life on the simulated node, advanced to `now`, with the kubelet events each step records.
///
/// States: not started → (pull) → running → ready after the image's startup delay (with a readiness probe, at the
/// first probe that finds the application answering: ``ContainerProbe``); or waiting
/// `ErrImageNeverPull` until the image is loaded; or `ErrImagePull` → `ImagePullBackOff` → retry, with the
/// kubelet's doubling back-off (10s … 300s); or, for crashing images, running → terminated → restarted at once,
/// then running → terminated → waiting `CrashLoopBackOff` → restarted, with the same back-off.
struct ContainerLifecycle {
    struct Event {
        var type: String
        var reason: String
        var message: String
    }

    /// What the container is to its pod: a regular container, an init container (which runs to completion: the
    /// image's startup delay is how long it runs, a never-ready image never ends), or a sidecar (an init container
    /// with `restartPolicy: Always`, which keeps running and has readiness as a regular one).
    enum Role {
        case regular, initContainer, sidecar
    }

    let container: Container
    let role: Role
    let pod: Pod
    let node: NodeState
    let now: Timestamp
    private(set) var events: [Event] = []

    init(container: Container, role: Role = .regular, pod: Pod, node: NodeState, now: Timestamp) {
        self.container = container
        self.role = role
        self.pod = pod
        self.node = node
        self.now = now
    }

    /// kubelet's back-off after the `attempt`-th failure (0-based): 10s doubling, capped at 300s.
    static func backOff(_ attempt: Int) -> Int64 { min(10 << min(attempt, 10), 300) }

    var image: String { container.image }
    var loaded: NodeState.LoadedImage? { node.images[image] }

    mutating func advance(_ current: ContainerStatus?, timer: ContainerTimer?) -> (ContainerStatus, ContainerTimer?) {
        guard let current else { return start(previous: nil, attempt: 0) }
        // A Pod's image was changed: computePodActions kills the running container ("definition changed") and
        // starts it again with the new one.
        if current.image != image, let startedAt = current.state.running?.startedAt {
            let kind = role == .sidecar ? "Init container" : "Container"
            return killed(current, because: "\(kind) \(container.name) definition changed", startedAt: startedAt,
                          level: timer?.attempt ?? 0, always: true)
        }
        if current.state.waiting?.reason == "ErrImageNeverPull" {
            return node.has(image) ? start(previous: current, attempt: 0) : (current, nil)
        }
        guard let timer else { return (probed(current), nil) }
        guard timer.due <= now else { return (probed(current), timer) }
        switch current.state.waiting?.reason {
        case "ErrImagePull":
            record("Normal", "BackOff", "Back-off pulling image \"\(image)\"")
            record("Warning", "Failed", "Error: ImagePullBackOff")
            var status = current
            status.state = ContainerState(waiting: .init(
                reason: "ImagePullBackOff", message: "Back-off pulling image \"\(image)\""))
            let retry = timer.due.adding(seconds: ContainerLifecycle.backOff(timer.attempt) - 1)
            return (status, ContainerTimer(due: max(retry, now), attempt: timer.attempt + 1))
        case "ImagePullBackOff":
            return start(previous: current, attempt: timer.attempt)
        case "CrashLoopBackOff":
            return start(previous: current, attempt: timer.attempt)
        default:
            break
        }
        guard let running = current.state.running else { return (current, nil) }
        if let startedAt = running.startedAt, let kill = probeKill(startedAt: startedAt), kill.time == timer.due {
            return killed(current, by: kill, startedAt: startedAt, level: timer.attempt)
        }
        if loaded?.behaviour == .crash {
            return crash(current, startedAt: running.startedAt, attempt: timer.attempt)
        }
        if role == .initContainer { return (completed(current, startedAt: running.startedAt), nil) }
        var status = current
        // Without probes the container is ready once its application answers; a probe says so otherwise.
        if ContainerProbe(container) == nil && ContainerProbe(container, .startup) == nil { status.ready = true }
        return (probed(status), nil)
    }

    /// Pulls if the policy says so, then creates and starts the container.
    mutating func start(previous: ContainerStatus?, attempt: Int) -> (ContainerStatus, ContainerTimer?) {
        var status = previous ?? ContainerStatus(name: container.name, image: image, state: ContainerState())
        let policy = container.imagePullPolicy ?? Container.defaultPullPolicy(for: image)
        let present = node.has(image)
        if policy == "Never" && !present {
            let message = "Container image \"\(image)\" is not present with pull policy of Never"
            record("Warning", "ErrImageNeverPull", message)
            record("Warning", "Failed", "Error: ErrImageNeverPull")
            status.state = ContainerState(waiting: .init(reason: "ErrImageNeverPull", message: message))
            return (status, nil)
        }
        if policy == "Always" || !present {
            record("Normal", "Pulling", "Pulling image \"\(image)\"")
            if node.blocked.contains(image) {
                let error = "rpc error: code = NotFound desc = failed to pull and unpack image \"\(image)\": "
                    + "failed to resolve reference \"\(image)\": not found"
                record("Warning", "Failed", "Failed to pull image \"\(image)\": \(error)")
                record("Warning", "Failed", "Error: ErrImagePull")
                status.state = ContainerState(waiting: .init(reason: "ErrImagePull", message: error))
                status.ready = false
                return (status, ContainerTimer(due: now.adding(seconds: 1), attempt: attempt))
            }
            record("Normal", "Pulled",
                   "Successfully pulled image \"\(image)\" in 0s (0s including waiting). Image size: 0 bytes.")
        } else {
            record("Normal", "Pulled", "Container image \"\(image)\" already present on machine")
        }
        status.image = image
        record("Normal", "Created", "Created container \(container.name)")
        record("Normal", "Started", "Started container \(container.name)")
        if previous?.state.waiting?.reason == "CrashLoopBackOff" { status.restartCount += 1 }
        status.state = ContainerState(running: .init(startedAt: now))
        status.started = startedTime(startedAt: now) == now
        status.imageID = ContainerLifecycle.imageID(image)
        status.containerID = "containerd://" + ContainerLifecycle.hex64("\(pod.metadata.uid ?? "")/\(container.name)/\(status.restartCount)")
        let behaviour = loaded?.behaviour ?? .ready
        let startup = Int64(loaded?.startupSeconds ?? 0)
        if role == .initContainer {
            status.ready = false
            switch behaviour {
            case .crash: return (status, ContainerTimer(due: now.adding(seconds: 1), attempt: attempt))
            case .neverReady: return (status, nil)
            case .ready: return (status, ContainerTimer(due: now.adding(seconds: startup), attempt: 0))
            }
        }
        status.ready = false
        let (started, timer) = running(status, behaviour: behaviour, startup: startup, attempt: attempt)
        return (started, probeTimer(timer, attempt: attempt))
    }

    /// A regular container or sidecar just started: its first probes, or readiness by the image's behaviour.
    private mutating func running(_ status: ContainerStatus, behaviour: ImageBehaviour, startup: Int64, attempt: Int)
        -> (ContainerStatus, ContainerTimer?)
    {
        var status = probed(status)
        if ContainerProbe(container) != nil || ContainerProbe(container, .startup) != nil {
            return (status, behaviour == .crash ? ContainerTimer(due: now.adding(seconds: 1), attempt: attempt) : nil)
        }
        switch behaviour {
        case .crash:
            status.ready = false
            return (status, ContainerTimer(due: now.adding(seconds: 1), attempt: attempt))
        case .neverReady:
            status.ready = false
            return (status, nil)
        case .ready where startup > 0:
            status.ready = false
            return (status, ContainerTimer(due: now.adding(seconds: startup), attempt: 0))
        case .ready:
            status.ready = true
            return (status, nil)
        }
    }

    /// The timer of a container that has just started, brought forward to when a probe kills it; or, with a liveness
    /// probe that fails until the application answers, set for then (the probes before it are the failing ones).
    private func probeTimer(_ timer: ContainerTimer?, attempt: Int) -> ContainerTimer? {
        if let kill = probeKill(startedAt: now), timer.map({ kill.time < $0.due }) ?? true {
            return ContainerTimer(due: kill.time, attempt: attempt)
        }
        if timer == nil, ContainerProbe(container, .liveness) != nil, let up = appUp(startedAt: now), up > now {
            return ContainerTimer(due: up, attempt: attempt)
        }
        return timer
    }

    /// An init container's command exits 0: it is done, and ready (`UpdatePodStatus` counts a completed init
    /// container as ready) but no longer started.
    private func completed(_ current: ContainerStatus, startedAt: Timestamp?) -> ContainerStatus {
        var status = current
        var terminated = ContainerState.Terminated(exitCode: 0, reason: "Completed", startedAt: startedAt, finishedAt: now)
        terminated.containerID = current.containerID
        status.state = ContainerState(terminated: terminated)
        status.ready = true
        status.started = false
        return status
    }

    /// The container exits with an error. The first exit is restarted at once: the kubelet's back-off for the
    /// container begins with that restart (`doBackOff` finds no entry, so `IsInBackOffSince` is false, and `Next`
    /// makes one of 10s). Every later exit waits out the back-off, doubled each time, before the next start.
    private mutating func crash(_ current: ContainerStatus, startedAt: Timestamp?, attempt: Int)
        -> (ContainerStatus, ContainerTimer?)
    {
        var status = current
        var terminated = ContainerState.Terminated(exitCode: 1, reason: "Error", startedAt: startedAt, finishedAt: now)
        terminated.containerID = current.containerID
        // A Pod that restarts nothing leaves the container as it exited; a sidecar restarts whatever the Pod says.
        if role != .sidecar && pod.spec.restartPolicy == "Never" {
            status.state = ContainerState(terminated: terminated)
            status.ready = false
            status.started = false
            return (status, nil)
        }
        status.lastState = ContainerState(terminated: terminated)
        guard attempt > 0 else {
            status.restartCount += 1
            return start(previous: status, attempt: 1)
        }
        return backingOff(status, delay: ContainerLifecycle.backOff(attempt - 1), nextLevel: attempt + 1)
    }

    /// `CrashLoopBackOff` for `delay` seconds; the start after it makes the back-off `nextLevel`.
    mutating func backingOff(_ current: ContainerStatus, delay: Int64, nextLevel: Int) -> (ContainerStatus, ContainerTimer?) {
        var status = current
        let podRef = "\(pod.name)_\(pod.metadata.namespace ?? "default")(\(pod.metadata.uid ?? ""))"
        status.state = ContainerState(waiting: .init(
            reason: "CrashLoopBackOff",
            message: "back-off \(delay)s restarting failed container=\(container.name) pod=\(podRef)"))
        status.ready = false
        status.started = false
        record("Warning", "BackOff", "Back-off restarting failed container \(container.name) in pod \(podRef)")
        return (status, ContainerTimer(due: now.adding(seconds: delay), attempt: nextLevel))
    }

    mutating func record(_ type: String, _ reason: String, _ message: String) {
        events.append(Event(type: type, reason: reason, message: message))
    }

    static func hex64(_ key: String) -> String {
        (0..<4).map { String(Identifiers.fnv64("\(key)#\($0)"), radix: 16).leftPadded(16) }.joined()
    }

    static func imageID(_ image: String) -> String {
        let repository = image.split(separator: ":").first.map(String.init) ?? image
        let qualified = repository.contains("/") ? repository : "docker.io/library/\(repository)"
        return "\(qualified)@sha256:\(hex64(image))"
    }
}
