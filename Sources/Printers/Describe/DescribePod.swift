public import KubeModel

/// `kubectl describe pod` (describe.go `describePod`).
///
/// - Parameters:
///   - pod: The Pod.
///   - events: The events whose involved object is this Pod.
///   - now: The clock that ages (events, `Terminating (lasts …)`) are measured against.
public func describePod(_ pod: Pod, events: [KubeEvent]?, now: Timestamp) -> String {
    var writer = DescribeWriter()
    let spec = pod.spec
    let status = pod.status
    writer.write(0, "Name:\t\(pod.name)\n")
    writer.write(0, "Namespace:\t\(pod.metadata.namespace ?? "default")\n")
    if let priority = spec.raw["priority"], priority != .null { writer.write(0, "Priority:\t\(priority.goScalar)\n") }
    if let name = spec.priorityClassName, !name.isEmpty { writer.write(0, "Priority Class Name:\t\(name)\n") }
    if let name = spec.raw["runtimeClassName"]?.stringValue, !name.isEmpty {
        writer.write(0, "Runtime Class Name:\t\(name)\n")
    }
    if let account = spec.serviceAccountName, !account.isEmpty { writer.write(0, "Service Account:\t\(account)\n") }
    if let node = spec.nodeName, !node.isEmpty {
        writer.write(0, "Node:\t\(node)/\(status.hostIP ?? "")\n")
    } else {
        writer.write(0, "Node:\t<none>\n")
    }
    if let start = status.startTime { writer.write(0, "Start Time:\t\(start.rfc1123Z)\n") }
    writer.labels("Labels", pod.metadata.labels)
    writer.annotations("Annotations", pod.metadata.annotations)
    writer.podStatusLines(pod, now: now)
    writer.write(0, "IP:\t\(status.podIP ?? "")\n")
    if let ips = status.podIPs, !ips.isEmpty {
        writer.write(0, "IPs:\n")
        for ip in ips { writer.write(1, "IP:\t\(ip.ip)\n") }
    } else {
        writer.write(0, "IPs:\t<none>\n")
    }
    if let owner = pod.metadata.controllerRef { writer.write(0, "Controlled By:\t\(owner.kind)/\(owner.name)\n") }
    if !spec.initContainers.isEmpty {
        writer.containers("Init Containers", spec.initContainers, statuses: status.initContainerStatuses ?? [], pod: pod,
                          space: "")
    }
    writer.containers("Containers", spec.containers, statuses: status.containerStatuses ?? [], pod: pod, space: "")
    writer.readinessGates(pod)
    if let conditions = status.conditions, !conditions.isEmpty {
        writer.write(0, "Conditions:\n  Type\tStatus\n")
        for condition in conditions { writer.write(1, "\(condition.type) \t\(condition.status) \n") }
    }
    writer.volumes(spec.volumes, space: "")
    writer.write(0, "QoS Class:\t\(qosClass(of: pod))\n")
    writer.labels("Node-Selectors", spec.nodeSelector)
    writer.tolerations("Tolerations", spec.tolerations)
    writer.topologySpreadConstraints(spec.raw["topologySpreadConstraints"]?.arrayValue ?? [], space: "")
    writer.events(events, now: now)
    return writer.finish()
}

extension DescribeWriter {
    /// `Status:` (or `Terminating (lasts …)` with the grace period), `Reason:`, `Message:` and the
    /// pod-level seccomp profile.
    fileprivate mutating func podStatusLines(_ pod: Pod, now: Timestamp) {
        let phase = pod.status.phase ?? ""
        if let deletion = pod.metadata.deletionTimestamp, phase != "Failed", phase != "Succeeded" {
            write(0, "Status:\tTerminating (lasts \(age(of: deletion, now: now)))\n")
            write(0, "Termination Grace Period:\t\(pod.metadata.deletionGracePeriodSeconds ?? 0)s\n")
        } else {
            write(0, "Status:\t\(phase)\n")
        }
        if let reason = pod.status.reason, !reason.isEmpty { write(0, "Reason:\t\(reason)\n") }
        if let message = pod.status.message, !message.isEmpty { write(0, "Message:\t\(message)\n") }
        if let profile = pod.spec.raw["securityContext"]?["seccompProfile"], profile != .null {
            let type = profile["type"]?.goScalar ?? ""
            write(0, "SeccompProfile:\t\(type)\n")
            if type == "Localhost" { write(0, "LocalhostProfile:\t\(profile["localhostProfile"]?.goScalar ?? "")\n") }
        }
    }

    /// `Readiness Gates:` with each gate's condition status, `<none>` when the condition is absent.
    fileprivate mutating func readinessGates(_ pod: Pod) {
        let gates = pod.spec.raw["readinessGates"]?.arrayValue ?? []
        guard !gates.isEmpty else { return }
        write(0, "Readiness Gates:\n  Type\tStatus\n")
        for gate in gates {
            let type = gate["conditionType"]?.goScalar ?? ""
            write(1, "\(type) \t\(pod.status.condition(type)?.status ?? "<none>") \n")
        }
    }
}
