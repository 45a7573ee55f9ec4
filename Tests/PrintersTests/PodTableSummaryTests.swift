import KubeModel
import Testing

@testable import Printers

/// STATUS, READY and RESTARTS of `kubectl get pods` (§7.1 rules).
@Suite struct PodTableSummaryTests {
    let now = Samples.now

    func pod(phase: String = "Running", _ statuses: [ContainerStatus]) -> Pod {
        var pod = GetTablesTests.pod("web-1", age: 60, phase: phase)
        pod.status.containerStatuses = statuses
        return pod
    }

    func status(_ state: ContainerState, ready: Bool = false, restarts: Int = 0) -> ContainerStatus {
        var status = ContainerStatus(name: "nginx", image: "nginx", state: state)
        status.ready = ready
        status.restartCount = restarts
        return status
    }

    @Test(arguments: ["ErrImageNeverPull", "ImagePullBackOff", "CrashLoopBackOff", "ContainerCreating"])
    func waitingReasonBecomesTheStatus(reason: String) {
        let summary = PodTableSummary(pod(phase: "Pending", [status(ContainerState(waiting: .init(reason: reason)))]))
        #expect(summary.status == reason)
        #expect(summary.readyContainers == 0)
    }

    @Test func terminatedWithoutReasonShowsExitCode() {
        let terminated = ContainerState(terminated: .init(exitCode: 2, reason: nil, startedAt: nil, finishedAt: nil))
        #expect(PodTableSummary(pod([status(terminated)])).status == "ExitCode:2")
    }

    @Test func deletionTimestampShowsTerminating() {
        var terminating = pod([status(ContainerState(running: .init(startedAt: now)), ready: true)])
        terminating.metadata.deletionTimestamp = now
        #expect(PodTableSummary(terminating).status == "Terminating")
        terminating.status.phase = "Succeeded"
        #expect(PodTableSummary(terminating).status == "Succeeded")
    }

    @Test func restartsShowTheAgeOfTheLastTermination() {
        var crashed = status(ContainerState(running: .init(startedAt: now)), ready: true, restarts: 3)
        crashed.lastState = ContainerState(
            terminated: .init(exitCode: 1, reason: "Error", startedAt: nil, finishedAt: now.adding(seconds: -75)))
        var older = status(ContainerState(running: .init(startedAt: now)), ready: true, restarts: 1)
        older.lastState = ContainerState(
            terminated: .init(exitCode: 1, reason: "Error", startedAt: nil, finishedAt: now.adding(seconds: -300)))
        var two = pod([crashed, older])
        two.spec.containers = [Samples.container("a", "nginx"), Samples.container("b", "nginx")]
        let table = podsTable([two], wide: false, showNamespace: false, now: now)
        #expect(table == """
            NAME    READY   STATUS    RESTARTS      AGE
            web-1   2/2     Running   4 (75s ago)   60s

            """)
    }
}
