import Cluster
import KubeModel

extension Reconciler {
    /// The simulated kubelet: starts scheduled pods and moves every container through its lifecycle
    /// (pull, start, readiness after the image's startup delay, crashes with back-off, pull back-off),
    /// honouring `imagePullPolicy` and the node's image cache. Init containers run first, one at a time, each to
    /// completion (a sidecar until it has started); the regular containers wait for them.
    mutating func runKubelet() {
        for pod in stream.pods.values.sorted(by: { $0.name < $1.name }) where pod.isActive && pod.spec.nodeName != nil {
            syncPod(pod.name)
        }
    }

    private mutating func syncPod(_ name: String) {
        guard let pod = stream.pods[name] else { return }
        var timers: [String: ContainerTimer] = [:]
        // Once a regular container has started the pod stays initialized: only its sidecars still run (and restart).
        let started = Self.anyStarted(pod.status.containerStatuses)
        var initialized = true
        var initStatuses: [ContainerStatus] = []
        for container in pod.spec.initContainers {
            let current = pod.status.initContainerStatuses?.first { $0.name == container.name }
            guard initialized, !started || container.isSidecar else {
                initStatuses.append(current ?? .initializing(container))
                continue
            }
            let status = advance(container, of: pod, from: current, role: container.isSidecar ? .sidecar : .initContainer,
                                 timers: &timers)
            initStatuses.append(status)
            initialized = started || (container.isSidecar ? status.started == true : status.state.terminated?.exitCode == 0)
        }
        var statuses: [ContainerStatus] = []
        for container in pod.spec.containers {
            let current = pod.status.containerStatuses?.first { $0.name == container.name }
            statuses.append(initialized
                ? advance(container, of: pod, from: current, role: .regular, timers: &timers)
                : current ?? .initializing(container))
        }
        let oldTimers = stream.containerTimers.filter { $0.key.hasPrefix(name + "/") }
        let newTimers = Dictionary(uniqueKeysWithValues: timers.map { ("\(name)/\($0.key)", $0.value) })
        let initOrNil = pod.spec.initContainers.isEmpty ? nil : initStatuses
        if statuses == pod.status.containerStatuses && initOrNil == pod.status.initContainerStatuses
            && oldTimers == newTimers
        {
            return
        }
        let status = podStatus(pod, containers: statuses, initContainers: initOrNil)
        emit(.podStatusUpdated(PodStatusUpdated(name: name, status: status, timers: timers)), actor: Actor.kubelet)
    }

    /// One container advanced to now, its kubelet Events recorded and its next timer noted.
    private mutating func advance(
        _ container: Container, of pod: Pod, from current: ContainerStatus?, role: ContainerLifecycle.Role,
        timers: inout [String: ContainerTimer]
    ) -> ContainerStatus {
        let timer = stream.containerTimers["\(pod.name)/\(container.name)"]
        // Waiting for the init containers is not having been started.
        let current = current?.state.waiting?.reason == "PodInitializing" ? nil : current
        var lifecycle = ContainerLifecycle(container: container, role: role, pod: pod, node: node, now: now)
        let (status, next) = lifecycle.advance(current, timer: timer)
        let field = role == .regular ? "containers" : "initContainers"
        for event in lifecycle.events {
            // The reconcile runs the kubelet several times at one second; the prober probed once.
            if event.reason == "Unhealthy",
                recordedNow(pod, container: container.name, field: field, reason: event.reason, message: event.message)
            {
                continue
            }
            recordPodEvent(pod, container: container.name, field: field, type: event.type, reason: event.reason,
                           message: event.message, source: Actor.kubelet)
        }
        if let next { timers[container.name] = next }
        return status
    }

    /// `getPhase` for a Pod that restarts nothing: `Failed` once an init container failed, or once every container
    /// has exited and one of them failed; `Succeeded` once all exited 0. Nil while the Pod is not done.
    private static func terminalPhase(_ pod: Pod, containers: [ContainerStatus], initContainers: [ContainerStatus]?)
        -> String?
    {
        guard pod.spec.restartPolicy == "Never" else { return nil }
        let failedInit = zip(pod.spec.initContainers, initContainers ?? []).contains { container, status in
            !container.isSidecar && (status.state.terminated?.exitCode ?? 0) != 0
        }
        if failedInit { return "Failed" }
        let exits = containers.compactMap { $0.state.terminated?.exitCode }
        guard !containers.isEmpty, exits.count == containers.count else { return nil }
        return exits.allSatisfy { $0 == 0 } ? "Succeeded" : "Failed"
    }

    /// `HasAnyRegularContainerStarted`: a regular container runs or has run, so the init containers were done.
    private static func anyStarted(_ statuses: [ContainerStatus]?) -> Bool {
        (statuses ?? []).contains { $0.state.running != nil || $0.state.terminated != nil }
    }

    /// Phase, IPs and conditions from the containers' states, keeping transition times that did not flip.
    private func podStatus(_ pod: Pod, containers: [ContainerStatus], initContainers: [ContainerStatus]?) -> PodStatus {
        var status = pod.status
        // A sidecar restarting after the regular containers started leaves the pod Initialized (GeneratePodInitializedCondition).
        let incomplete = Self.anyStarted(containers) ? [] : zip(pod.spec.initContainers, initContainers ?? []).filter {
            container, status in container.isSidecar ? status.started != true : status.state.terminated?.exitCode != 0
        }.map(\.0.name)
        let waiting = containers.contains {
            $0.state.running == nil && $0.state.terminated == nil && $0.lastState.terminated == nil
        }
        let terminal = Self.terminalPhase(pod, containers: containers, initContainers: initContainers)
        status.phase = terminal ?? (waiting || !incomplete.isEmpty ? "Pending" : "Running")
        if status.startTime == nil { status.startTime = now }
        status.hostIP = Identifiers.hostIP
        status.hostIPs = [PodIP(ip: Identifiers.hostIP)]
        let ip = Identifiers.podIP(of: pod)
        status.podIP = ip
        status.podIPs = [PodIP(ip: ip)]
        status.containerStatuses = containers
        status.initContainerStatuses = initContainers
        let sidecars = zip(pod.spec.initContainers, initContainers ?? []).filter { $0.0.isSidecar }.map(\.1)
        let unready = (sidecars + containers).filter { !$0.ready }.map(\.name)
        let ready = unready.isEmpty && terminal == nil
        // A terminal Pod's containers are not ready whatever they say (generateContainersReadyConditionForTerminalPhase).
        let reason: String? = ready ? nil : terminal.map { $0 == "Failed" ? "PodFailed" : "PodCompleted" } ?? "ContainersNotReady"
        let message: String? = ready || terminal != nil ? nil : "containers with unready status: [\(unready.joined(separator: " "))]"
        func condition(_ type: String, _ value: String, reason: String? = nil, message: String? = nil) -> PodCondition {
            var condition = PodCondition(type: type, status: value, at: now, reason: reason, message: message)
            if let old = pod.status.condition(type), old.status == value { condition.lastTransitionTime = old.lastTransitionTime }
            return condition
        }
        status.conditions = [
            // The kubelet tears a terminal Pod's sandbox down.
            condition("PodReadyToStartContainers", terminal == nil ? "True" : "False"),
            incomplete.isEmpty
                ? condition("Initialized", "True")
                : condition("Initialized", "False", reason: "ContainersNotInitialized",
                            message: "containers with incomplete status: [\(incomplete.joined(separator: " "))]"),
            condition("Ready", ready ? "True" : "False", reason: reason, message: message),
            condition("ContainersReady", ready ? "True" : "False", reason: reason, message: message),
            condition("PodScheduled", "True"),
        ]
        return status
    }
}

extension ContainerStatus {
    /// A container the kubelet has not started while init containers run (`convertToAPIContainerStatuses`' default).
    static func initializing(_ container: Container) -> ContainerStatus {
        ContainerStatus(name: container.name, image: container.image,
                        state: ContainerState(waiting: .init(reason: "PodInitializing")))
    }
}
