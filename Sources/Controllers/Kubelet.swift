import Cluster
import KubeModel

extension Reconciler {
    /// The simulated kubelet: starts scheduled pods whose containers have not started yet, using the
    /// node's image cache and each container's `imagePullPolicy`.
    mutating func runKubelet() {
        for pod in stream.pods.values.sorted(by: { $0.name < $1.name })
        where pod.isActive && pod.spec.nodeName != nil && pod.status.containerStatuses == nil {
            startPod(pod.name)
        }
    }

    private mutating func startPod(_ name: String) {
        guard var pod = stream.pods[name] else { return }
        var statuses: [ContainerStatus] = []
        for container in pod.spec.containers {
            statuses.append(startContainer(container, in: pod))
        }
        let allReady = statuses.allSatisfy(\.ready)
        let allRunning = statuses.allSatisfy { $0.state.running != nil }
        pod.status.phase = allRunning ? "Running" : "Pending"
        pod.status.startTime = now
        pod.status.hostIP = Identifiers.hostIP
        pod.status.hostIPs = [PodIP(ip: Identifiers.hostIP)]
        if allRunning {
            let ip = Identifiers.podIP(for: pod.metadata.uid ?? pod.name)
            pod.status.podIP = ip
            pod.status.podIPs = [PodIP(ip: ip)]
        }
        pod.status.containerStatuses = statuses
        let unready = statuses.filter { !$0.ready }.map(\.name)
        let readyStatus = allReady ? "True" : "False"
        let reason: String? = allReady ? nil : "ContainersNotReady"
        let message: String? = allReady ? nil : "containers with unready status: [\(unready.joined(separator: " "))]"
        pod.status.conditions = [
            PodCondition(type: "PodReadyToStartContainers", status: "True", at: now),
            PodCondition(type: "Initialized", status: "True", at: now),
            PodCondition(type: "Ready", status: readyStatus, at: now, reason: reason, message: message),
            PodCondition(type: "ContainersReady", status: readyStatus, at: now, reason: reason, message: message),
            PodCondition(type: "PodScheduled", status: "True", at: now),
        ]
        emit(.podStatusUpdated(PodStatusUpdated(name: name, status: pod.status)), actor: Actor.kubelet)
    }

    /// Pulls (or refuses to pull) the image and starts one container, recording the kubelet's events.
    private mutating func startContainer(_ container: Container, in pod: Pod) -> ContainerStatus {
        let image = container.image
        let policy = container.imagePullPolicy ?? Container.defaultPullPolicy(for: image)
        if policy == "Never" && !node.has(image) {
            let message = "Container image \"\(image)\" is not present with pull policy of Never"
            recordPodEvent(
                pod, container: container.name, type: "Warning", reason: "ErrImageNeverPull", message: message,
                source: Actor.kubelet)
            recordPodEvent(
                pod, container: container.name, type: "Warning", reason: "Failed", message: "Error: ErrImageNeverPull",
                source: Actor.kubelet)
            return ContainerStatus(
                name: container.name, image: image,
                state: ContainerState(waiting: .init(reason: "ErrImageNeverPull", message: message)))
        }
        if policy == "Always" || !node.has(image) {
            recordPodEvent(
                pod, container: container.name, type: "Normal", reason: "Pulling", message: "Pulling image \"\(image)\"",
                source: Actor.kubelet)
            recordPodEvent(
                pod, container: container.name, type: "Normal", reason: "Pulled",
                message: "Successfully pulled image \"\(image)\" in 0s (0s including waiting). Image size: 0 bytes.",
                source: Actor.kubelet)
        } else {
            recordPodEvent(
                pod, container: container.name, type: "Normal", reason: "Pulled",
                message: "Container image \"\(image)\" already present on machine", source: Actor.kubelet)
        }
        recordPodEvent(
            pod, container: container.name, type: "Normal", reason: "Created",
            message: "Created container \(container.name)", source: Actor.kubelet)
        recordPodEvent(
            pod, container: container.name, type: "Normal", reason: "Started",
            message: "Started container \(container.name)", source: Actor.kubelet)
        var status = ContainerStatus(
            name: container.name, image: image, state: ContainerState(running: .init(startedAt: now)))
        status.ready = true
        status.started = true
        status.imageID = Reconciler.imageID(image)
        status.containerID = "containerd://" + Reconciler.hex64("\(pod.metadata.uid ?? "")/\(container.name)")
        return status
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
