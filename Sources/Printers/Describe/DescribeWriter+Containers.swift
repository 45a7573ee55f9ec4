import KubeModel

/// `describeContainers` and its parts, shared by pods and pod templates.
extension DescribeWriter {
    /// Lists containers under `label`. Pods pass their statuses and themselves (to resolve
    /// `fieldRef` variables); templates pass neither and indent with `space = "  "`.
    mutating func containers(
        _ label: String, _ containers: [Container], statuses: [ContainerStatus] = [], pod: Pod? = nil,
        space: String
    ) {
        var statusByName: [String: ContainerStatus] = [:]
        for status in statuses { statusByName[status.name] = status }
        write(0, "\(space)\(label):\(containers.isEmpty ? " <none>" : "")\n")
        for container in containers {
            let status = statusByName[container.name]
            containerBasics(container, status: status, space: space)
            containerCommand(container)
            if let status { containerState(status) }
            resources(container.resources, level: 2)
            containerProbes(container)
            if !container.envFrom.isEmpty { environmentFrom(container) }
            environment(container, pod: pod)
            mounts(container)
        }
    }

    private mutating func containerBasics(_ container: Container, status: ContainerStatus?, space: String) {
        write(1, "\(space.isEmpty ? "" : " ")\(container.name):\n")
        if let status { write(2, "Container ID:\t\(status.containerID ?? "")\n") }
        write(2, "Image:\t\(container.image)\n")
        if let status { write(2, "Image ID:\t\(status.imageID)\n") }
        let ports = container.ports.map { "\($0.containerPort)/\($0.protocol)" }.joined(separator: ", ")
        write(2, ports.contains(",") ? "Ports:\t\(ports)\n" : "Port:\t\(ports.isEmpty ? "<none>" : ports)\n")
        let hostPorts = container.ports.map { "\($0.hostPort)/\($0.protocol)" }.joined(separator: ", ")
        write(2, hostPorts.contains(",")
            ? "Host Ports:\t\(hostPorts)\n" : "Host Port:\t\(hostPorts.isEmpty ? "<none>" : hostPorts)\n")
        if let profile = container.raw["securityContext"]?["seccompProfile"] {
            let type = profile["type"]?.goScalar ?? ""
            write(2, "SeccompProfile:\t\(type)\n")
            if type == "Localhost" { write(3, "LocalhostProfile:\t\(profile["localhostProfile"]?.goScalar ?? "")\n") }
        }
    }

    private mutating func containerCommand(_ container: Container) {
        for (title, items) in [("Command", container.command), ("Args", container.args)] where !items.isEmpty {
            write(2, "\(title):\n")
            for item in items {
                for line in item.split(separator: "\n", omittingEmptySubsequences: false) { write(3, "\(line)\n") }
            }
        }
    }

    private mutating func containerState(_ status: ContainerStatus) {
        containerState("State", status.state)
        if status.lastState.terminated != nil { containerState("Last State", status.lastState) }
        write(2, "Ready:\t\(status.ready ? "True" : "False")\n")
        write(2, "Restart Count:\t\(status.restartCount)\n")
    }

    /// `describeStatus`: one container state; an empty state reads as Waiting.
    private mutating func containerState(_ name: String, _ state: ContainerState) {
        if let running = state.running {
            write(2, "\(name):\tRunning\n")
            write(3, "Started:\t\(Timestamp.rfc1123Z(running.startedAt))\n")
        } else if let waiting = state.waiting {
            write(2, "\(name):\tWaiting\n")
            if let reason = waiting.reason, !reason.isEmpty { write(3, "Reason:\t\(reason)\n") }
        } else if let terminated = state.terminated {
            write(2, "\(name):\tTerminated\n")
            if let reason = terminated.reason, !reason.isEmpty { write(3, "Reason:\t\(reason)\n") }
            if let message = terminated.message, !message.isEmpty { write(3, "Message:\t\(message)\n") }
            write(3, "Exit Code:\t\(terminated.exitCode)\n")
            write(3, "Started:\t\(Timestamp.rfc1123Z(terminated.startedAt))\n")
            write(3, "Finished:\t\(Timestamp.rfc1123Z(terminated.finishedAt))\n")
        } else {
            write(2, "\(name):\tWaiting\n")
        }
    }

    /// `describeResources`: `Limits:` and `Requests:`, each sorted by resource name.
    mutating func resources(_ resources: JSONValue?, level: Int) {
        for (title, key) in [("Limits", "limits"), ("Requests", "requests")] {
            guard let list = resources?[key]?.objectValue, !list.isEmpty else { continue }
            write(level, "\(title):\n")
            for name in list.keys.goSorted() {
                write(level + 1, "\(name):\t\(list[name]!.goScalar)\n")
            }
        }
    }

    private mutating func containerProbes(_ container: Container) {
        let probes = [("Liveness", "livenessProbe"), ("Readiness", "readinessProbe"), ("Startup", "startupProbe")]
        for (title, key) in probes {
            if let probe = container.raw[key], probe != .null {
                write(2, "\(title):\t\(describeProbe(probe))\n")
            }
        }
    }
}
