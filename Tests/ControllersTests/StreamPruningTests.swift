import Cluster
import KubeModel
import Testing

/// What the fold forgets as it goes: Kubernetes Events past their TTL, correlator records idle as long (once
/// there are more than 16), and a Pod's kubelet timers when its status replaces them or the Pod goes.
@Suite struct StreamPruningTests {
    let start = Timestamp(seconds: 1_790_000_000)
    let ttl = Timestamp.eventTTLSeconds

    func record(_ name: String, reason: String = "Test", at time: Timestamp, in stream: inout DeploymentStream) {
        let event = KubeEvent(
            name: name, namespace: "default",
            involvedObject: .init(kind: "Deployment", namespace: "default", name: "web", uid: "u1", apiVersion: "apps/v1"),
            type: "Normal", reason: reason, message: "about \(name)", source: "deployment-controller", count: 1,
            firstTimestamp: time, lastTimestamp: time)
        stream.apply(.kubeEventRecorded(event), sequence: Int64(stream.version + 1), at: time)
        stream.version += 1
    }

    @Test func eventsExpireOnceTheirTTLHasPassed() {
        var stream = DeploymentStream(namespace: "default", name: "web")
        record("a", at: start, in: &stream)
        record("b", at: start.adding(seconds: ttl), in: &stream)
        #expect(Set(stream.events.keys) == ["a", "b"], "exactly as old as the TTL: kept")
        record("c", at: start.adding(seconds: ttl + 1), in: &stream)
        #expect(Set(stream.events.keys) == ["b", "c"])
        #expect(stream.eventSequence == 3)
    }

    @Test func idleCorrelatorRecordsAreForgottenOnlyPastSixteen() {
        var few = DeploymentStream(namespace: "default", name: "web")
        for index in 0..<15 { record("e\(index)", reason: "R\(index)", at: start, in: &few) }
        record("late", reason: "Late", at: start.adding(seconds: ttl + 1), in: &few)
        #expect(few.aggregates.count == 16, "16 records with this one: none forgotten")

        var many = DeploymentStream(namespace: "default", name: "web")
        for index in 0..<16 { record("e\(index)", reason: "R\(index)", at: start, in: &many) }
        record("recent", reason: "Recent", at: start.adding(seconds: ttl), in: &many)
        #expect(many.aggregates.count == 17, "idle exactly as long as the TTL: kept")
        record("late", reason: "Late", at: start.adding(seconds: ttl + 1), in: &many)
        #expect(many.aggregates.count == 2)
    }

    @Test func aPodsTimersAreReplacedByItsStatusAndGoWithIt() {
        var stream = DeploymentStream(namespace: "default", name: "web")
        let soon = ContainerTimer(due: start.adding(seconds: 5), attempt: 0)
        let later = ContainerTimer(due: start.adding(seconds: 60), attempt: 1)
        func status(_ pod: String, _ timers: [String: ContainerTimer]) {
            stream.apply(.podStatusUpdated(PodStatusUpdated(name: pod, status: PodStatus(), timers: timers)),
                         sequence: 1, at: start)
        }
        status("web-1", ["app": soon, "sidecar": soon])
        status("web-10", ["app": soon])
        #expect(Set(stream.containerTimers.keys) == ["web-1/app", "web-1/sidecar", "web-10/app"])
        status("web-1", ["app": later])
        #expect(stream.containerTimers == ["web-1/app": later, "web-10/app": soon], "web-10 is not web-1's")
        stream.apply(.podDeleted(ObjectName(name: "web-1")), sequence: 2, at: start)
        #expect(stream.containerTimers == ["web-10/app": soon])
    }
}
