import Cluster
import Controllers
import KubeModel
import Testing

/// Pods of a Deployment with a readiness probe: ready at the first probe that finds the application answering,
/// and an `Unhealthy` Event for each probe before it.
struct ReadinessProbeScenarioTests {
    private static func probe(_ json: String) -> JSONValue? { try? JSONCodec.parse(json) }

    /// The Unhealthy Events recorded since the start, as (seconds after the start, count).
    private func unhealthy(_ s: Scenario) -> [(Int64, Int)] {
        s.reconciler.pending.compactMap { pending in
            guard case .kubeEventRecorded(let event) = pending.event, event.reason == "Unhealthy" else { return nil }
            return (pending.time.seconds - Scenario.start.seconds, event.count)
        }
    }

    @Test func podsTurnReadyAtTheFirstProbeAfterTheApplicationAnswers() throws {
        var s = Scenario(
            replicas: 1, image: "slow:1", images: [], loaded: [ImageLoaded(image: "slow:1", startupSeconds: 22)],
            readinessProbe: Self.probe(#"{"httpGet":{"path":"/healthz","port":8080},"initialDelaySeconds":5,"periodSeconds":10}"#))
        s.settle()
        s.advance(29)
        #expect(s.deployment.status.readyReplicas == nil)
        s.advance(1)
        #expect(s.deployment.status.readyReplicas == 1)
        let failures = unhealthy(s)
        #expect(failures.map(\.0) == [10, 20] && failures.map(\.1) == [1, 2])
        let pod = try #require(s.stream.pods.values.first)
        let event = try #require(s.stream.events.values.first { $0.reason == "Unhealthy" })
        let ip = try #require(pod.status.podIP)
        #expect(event.message == "Readiness probe failed: Get \"http://\(ip):8080/healthz\": dial tcp \(ip):8080: connect: connection refused")
        #expect(event.type == "Warning" && event.source == "kubelet" && event.involvedObject.fieldPath == "spec.containers{web}")
    }

    @Test func anApplicationAnsweringAtOnceIsReadyAtTheStartWithoutFailures() {
        var s = Scenario(replicas: 2, readinessProbe: Self.probe(#"{"tcpSocket":{"port":80}}"#))
        s.settle()
        #expect(s.deployment.status.readyReplicas == 2)
        #expect(unhealthy(s).isEmpty)
    }

    @Test func aNeverReadyApplicationFailsEveryPeriodOnOneCountingEvent() {
        var s = Scenario(
            replicas: 1, image: "stuck:1", images: [], loaded: [ImageLoaded(image: "stuck:1", behaviour: .neverReady)],
            readinessProbe: Self.probe(#"{"tcpSocket":{"port":80},"periodSeconds":5}"#))
        s.settle()
        let statuses = s.reconciler.pending.filter { if case .podStatusUpdated = $0.event { true } else { false } }.count
        s.advance(60)
        #expect(unhealthy(s).map(\.0) == Array(stride(from: 0, through: 60, by: 5)))
        #expect(unhealthy(s).map(\.1) == Array(1...13))
        #expect(s.stream.events.values.filter { $0.reason == "Unhealthy" }.count == 1)
        let after = s.reconciler.pending.filter { if case .podStatusUpdated = $0.event { true } else { false } }.count
        #expect(after == statuses, "a failed probe changes no status")
        #expect(s.deployment.status.readyReplicas == nil)
    }
}
