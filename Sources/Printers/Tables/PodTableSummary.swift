import KubeModel

/// The READY, STATUS and RESTARTS cells of the server-side `printPod`.
///
/// STATUS starts from the phase (or `status.reason`), is overridden by app containers scanned
/// last to first (waiting reason, terminated reason, `ExitCode:N`), turns `Completed` back into
/// `Running`/`NotReady` while a container still runs, and ends as `Terminating` (or `Unknown` for
/// `NodeLost`) once a deletion timestamp is set. The model keeps no init-container statuses, so the
/// `Init:` states never arise; restartable init containers still count towards the total.
struct PodTableSummary {
    var readyContainers = 0
    var totalContainers: Int
    var status: String
    var restarts = 0
    var lastRestart: Timestamp?

    init(_ pod: Pod) {
        let phase = pod.status.phase ?? ""
        totalContainers = pod.spec.containers.count
            + pod.spec.initContainers.filter { $0.raw["restartPolicy"]?.stringValue == "Always" }.count
        status = pod.status.reason.flatMap { $0.isEmpty ? nil : $0 } ?? phase
        if pod.status.conditions?.contains(where: { $0.type == "PodScheduled" && $0.reason == "SchedulingGated" })
            == true {
            status = "SchedulingGated"
        }
        var hasRunning = false
        for container in (pod.status.containerStatuses ?? []).reversed() {
            restarts += container.restartCount
            if let finished = container.lastState.terminated?.finishedAt, lastRestart.map({ $0 < finished }) ?? true {
                lastRestart = finished
            }
            if let reason = container.state.waiting?.reason, !reason.isEmpty {
                status = reason
            } else if let terminated = container.state.terminated {
                status = terminated.reason.flatMap { $0.isEmpty ? nil : $0 } ?? "ExitCode:\(terminated.exitCode)"
            } else if container.ready, container.state.running != nil {
                hasRunning = true
                readyContainers += 1
            }
        }
        if status == "Completed", hasRunning {
            status = pod.isReady ? "Running" : "NotReady"
        }
        if pod.metadata.deletionTimestamp != nil {
            if pod.status.reason == "NodeLost" {
                status = "Unknown"
            } else if phase != "Succeeded", phase != "Failed" {
                status = "Terminating"
            }
        }
    }
}
