import KubeModel

/// The READY, STATUS and RESTARTS cells of the server-side `printPod`.
///
/// STATUS starts from the phase (or `status.reason`). While the init containers run it is theirs: the first one not
/// done gives `Init:<reason>` (its waiting or terminated reason, or `Init:ExitCode:N`) or `Init:i/n`; a started
/// sidecar counts as done, and as a ready container when it is ready. Once they are done (or the pod is Initialized),
/// the regular containers scanned last to first override it (waiting reason, terminated reason, `ExitCode:N`),
/// `Completed` turns back into `Running`/`NotReady` while a container still runs, and it ends as `Terminating` (or
/// `Unknown` for `NodeLost`) once a deletion timestamp is set. RESTARTS counts every container while the pod
/// initializes, then the sidecars' and the regular containers'.
struct PodTableSummary {
    var readyContainers = 0
    var totalContainers: Int
    var status: String
    var restarts = 0
    var lastRestart: Timestamp?

    init(_ pod: Pod) {
        let phase = pod.status.phase ?? ""
        let sidecars = Set(pod.spec.initContainers.filter(\.isSidecar).map(\.name))
        totalContainers = pod.spec.containers.count + sidecars.count
        status = pod.status.reason.flatMap { $0.isEmpty ? nil : $0 } ?? phase
        if pod.status.conditions?.contains(where: { $0.type == "PodScheduled" && $0.reason == "SchedulingGated" })
            == true {
            status = "SchedulingGated"
        }
        var sidecarRestarts = 0
        var lastSidecarRestart: Timestamp?
        var initializing = false
        for (index, container) in (pod.status.initContainerStatuses ?? []).enumerated() {
            restarts += container.restartCount
            Self.note(container, in: &lastRestart)
            let sidecar = sidecars.contains(container.name)
            if sidecar {
                sidecarRestarts += container.restartCount
                Self.note(container, in: &lastSidecarRestart)
            }
            if let terminated = container.state.terminated, terminated.exitCode == 0 { continue }
            if sidecar, container.started == true {
                if container.ready { readyContainers += 1 }
                continue
            }
            if let terminated = container.state.terminated {
                status = terminated.reason.flatMap { $0.isEmpty ? nil : "Init:" + $0 } ?? "Init:ExitCode:\(terminated.exitCode)"
            } else if let reason = container.state.waiting?.reason, !reason.isEmpty, reason != "PodInitializing" {
                status = "Init:" + reason
            } else {
                status = "Init:\(index)/\(pod.spec.initContainers.count)"
            }
            initializing = true
            break
        }
        if !initializing || pod.status.condition("Initialized")?.status == "True" {
            restarts = sidecarRestarts
            lastRestart = lastSidecarRestart
            var hasRunning = false
            for container in (pod.status.containerStatuses ?? []).reversed() {
                restarts += container.restartCount
                Self.note(container, in: &lastRestart)
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
        }
        if pod.metadata.deletionTimestamp != nil {
            if pod.status.reason == "NodeLost" {
                status = "Unknown"
            } else if phase != "Succeeded", phase != "Failed" {
                status = "Terminating"
            }
        }
    }

    /// The latest time a container last finished before a restart.
    private static func note(_ container: ContainerStatus, in latest: inout Timestamp?) {
        if let finished = container.lastState.terminated?.finishedAt, latest.map({ $0 < finished }) ?? true {
            latest = finished
        }
    }
}
