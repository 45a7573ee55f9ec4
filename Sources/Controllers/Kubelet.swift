import Cluster
import KubeModel

extension Reconciler {
    /// The simulated kubelet: starts scheduled pods and moves every container through its lifecycle
    /// (pull, start, readiness after the image's startup delay, crashes with back-off, pull back-off),
    /// honouring `imagePullPolicy` and the node's image cache.
    mutating func runKubelet() {
        for pod in stream.pods.values.sorted(by: { $0.name < $1.name }) where pod.isActive && pod.spec.nodeName != nil {
            syncPod(pod.name)
        }
    }

    private mutating func syncPod(_ name: String) {
        guard let pod = stream.pods[name] else { return }
        let before = pod.status.containerStatuses
        var statuses: [ContainerStatus] = []
        var timers: [String: ContainerTimer] = [:]
        for container in pod.spec.containers {
            let current = before?.first { $0.name == container.name }
            let timer = stream.containerTimers["\(name)/\(container.name)"]
            var lifecycle = ContainerLifecycle(container: container, pod: pod, node: node, now: now)
            let (status, next) = lifecycle.advance(current, timer: timer)
            for event in lifecycle.events {
                // The reconcile runs the kubelet several times at one second; the prober probed once.
                if event.reason == "Unhealthy", recordedNow(pod, container: container.name, reason: event.reason) { continue }
                recordPodEvent(pod, container: container.name, type: event.type, reason: event.reason,
                               message: event.message, source: Actor.kubelet)
            }
            statuses.append(status)
            if let next { timers[container.name] = next }
        }
        let oldTimers = stream.containerTimers.filter { $0.key.hasPrefix(name + "/") }
        let newTimers = Dictionary(uniqueKeysWithValues: timers.map { ("\(name)/\($0.key)", $0.value) })
        if statuses == before && oldTimers == newTimers { return }
        let status = podStatus(pod, containers: statuses)
        emit(.podStatusUpdated(PodStatusUpdated(name: name, status: status, timers: timers)), actor: Actor.kubelet)
    }

    /// Phase, IPs and conditions from the containers' states, keeping transition times that did not flip.
    private func podStatus(_ pod: Pod, containers: [ContainerStatus]) -> PodStatus {
        var status = pod.status
        let neverStarted = containers.contains { $0.state.running == nil && $0.lastState.terminated == nil }
        status.phase = neverStarted ? "Pending" : "Running"
        if status.startTime == nil { status.startTime = now }
        status.hostIP = Identifiers.hostIP
        status.hostIPs = [PodIP(ip: Identifiers.hostIP)]
        let ip = Identifiers.podIP(for: pod.metadata.uid ?? pod.name)
        status.podIP = ip
        status.podIPs = [PodIP(ip: ip)]
        status.containerStatuses = containers
        let unready = containers.filter { !$0.ready }.map(\.name)
        let ready = unready.isEmpty
        let reason: String? = ready ? nil : "ContainersNotReady"
        let message: String? = ready ? nil : "containers with unready status: [\(unready.joined(separator: " "))]"
        func condition(_ type: String, _ value: String, reason: String? = nil, message: String? = nil) -> PodCondition {
            var condition = PodCondition(type: type, status: value, at: now, reason: reason, message: message)
            if let old = pod.status.condition(type), old.status == value { condition.lastTransitionTime = old.lastTransitionTime }
            return condition
        }
        status.conditions = [
            condition("PodReadyToStartContainers", "True"),
            condition("Initialized", "True"),
            condition("Ready", ready ? "True" : "False", reason: reason, message: message),
            condition("ContainersReady", ready ? "True" : "False", reason: reason, message: message),
            condition("PodScheduled", "True"),
        ]
        return status
    }
}
