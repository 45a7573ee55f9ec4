import Cluster
import KubeModel
import Testing

/// The recorder compares Events field by field; that must be exactly the equality of client-go's keys.
@Suite struct EventCorrelationTests {
    static let base = KubeEvent(
        name: "web.1", namespace: "default",
        involvedObject: KubeEvent.InvolvedObject(
            kind: "Deployment", namespace: "default", name: "web", uid: "u1", apiVersion: "apps/v1"),
        type: "Normal", reason: "ScalingReplicaSet", message: "Scaled up replica set web-1 to 3",
        source: "deployment-controller", count: 1, firstTimestamp: Timestamp(seconds: 0),
        lastTimestamp: Timestamp(seconds: 0))

    /// One Event per field changed; name, count and timestamps are not part of either key.
    static let variants: [KubeEvent] = {
        var list: [KubeEvent] = []
        func variant(_ change: (inout KubeEvent) -> Void) {
            var event = base
            change(&event)
            list.append(event)
        }
        variant { $0.name = "web.2"; $0.count = 7; $0.lastTimestamp = Timestamp(seconds: 9) }
        variant { $0.involvedObject.kind = "ReplicaSet" }
        variant { $0.involvedObject.namespace = "other" }
        variant { $0.involvedObject.name = "api" }
        variant { $0.involvedObject.uid = "u2" }
        variant { $0.involvedObject.apiVersion = "v1" }
        variant { $0.involvedObject.fieldPath = "spec" }
        variant { $0.involvedObject.fieldPath = "" }
        variant { $0.type = "Warning" }
        variant { $0.reason = "Other" }
        variant { $0.message = "Scaled down replica set web-1 to 1" }
        variant { $0.source = "replicaset-controller" }
        return list
    }()

    @Test(arguments: variants) func fieldComparisonsAgreeWithTheKeys(_ other: KubeEvent) {
        let base = EventCorrelationTests.base
        #expect(EventCorrelation.sameEvent(base, other)
            == (EventCorrelation.eventKey(base) == EventCorrelation.eventKey(other)))
        #expect(EventCorrelation.sameAggregate(base, other)
            == (EventCorrelation.aggregateKey(base) == EventCorrelation.aggregateKey(other)))
    }

    @Test func changedFieldsMakeDifferentEvents() {
        let same = EventCorrelationTests.variants.filter { EventCorrelation.sameEvent(EventCorrelationTests.base, $0) }
        #expect(same.map(\.name) == ["web.2", "web.1"])  // the renamed one, and nil vs empty fieldPath
    }
}
