import Cluster
import Controllers
import KubeModel
import Testing

/// What keeps a new Pod from the default scheduler (scheduling gates, another scheduler) and the API server's
/// host-network port defaults.
struct PodAdmissionSchedulingTests {
    private func admitted(_ spec: String) throws -> (Pod, String?) {
        var raw = try JSONCodec.parse(spec).objectValue ?? [:]
        if raw["containers"] == nil { raw["containers"] = try JSONCodec.parse(#"[{"name":"c","image":"c:1"}]"#) }
        var pod = Pod(metadata: ObjectMeta(name: "p", namespace: "default", labels: [:]), spec: PodSpec(raw: raw))
        PodAdmission.admitAndSchedule(&pod, beside: [], at: Timestamp(seconds: 100))
        return (pod, pod.status.unschedulable)
    }

    @Test func schedulingGatesHoldThePodWithTheirCondition() throws {
        let (pod, failure) = try admitted(#"{"schedulingGates":[{"name":"example.com/foo"}]}"#)
        #expect(failure == nil && pod.spec.nodeName == nil)
        let condition = try #require(pod.status.condition("PodScheduled"))
        #expect(condition.status == "False" && condition.reason == "SchedulingGated")
        #expect(condition.message == "Scheduling is blocked due to non-empty scheduling gates")
    }

    /// The Priority plugin's values: the system classes' fixed ones, 0 for any other (no PriorityClass objects).
    @Test func systemPriorityClassesHaveTheirValues() throws {
        #expect(try admitted(#"{"priorityClassName":"system-node-critical"}"#).0.spec.raw["priority"] == .int(2_000_001_000))
        #expect(try admitted(#"{"priorityClassName":"system-cluster-critical"}"#).0.spec.raw["priority"] == .int(2_000_000_000))
        #expect(try admitted(#"{"priorityClassName":"high"}"#).0.spec.raw["priority"] == .int(0))
    }

    @Test func aPodForAnotherSchedulerWaitsWithoutACondition() throws {
        let (pod, failure) = try admitted(#"{"schedulerName":"my-scheduler"}"#)
        #expect(failure == nil && pod.spec.nodeName == nil && pod.status.conditions == nil)
        #expect(try admitted(#"{"schedulerName":"default-scheduler"}"#).0.spec.nodeName == NodeState.nodeName)
    }

    @Test func hostNetworkPortsAreExposedOnTheNode() throws {
        let (pod, _) = try admitted(
            #"{"hostNetwork":true,"containers":[{"name":"c","image":"c:1","ports":[{"containerPort":80},{"containerPort":53,"hostPort":5353}]}]}"#)
        let ports = pod.spec.containers[0].raw["ports"]?.arrayValue ?? []
        #expect(ports.map { $0["hostPort"]?.intValue } == [80, 5353])
        #expect(Identifiers.podIP(of: pod) == Identifiers.hostIP)
    }
}
