import Cluster
import KubeModel
@testable import Store
import Testing

/// The hand-written `streams.aggregates` text must stay the `Encodable` text: stores written before it and
/// stores written after it are compared by `verify` and `replay`.
@Suite struct AggregatesJSONTests {
    @Test func matchesTheEncodableText() throws {
        let samples: [[String: AggregateRecord]] = [
            [:],
            ["k": AggregateRecord(messages: [], lastTimestamp: Timestamp(seconds: 0))],
            [
                "deployment-controller\u{1F}Deployment\u{1F}default\u{1F}web\u{1F}uid\u{1F}apps/v1\u{1F}Normal\u{1F}ScalingReplicaSet":
                    AggregateRecord(
                        messages: ["Scaled up replica set web-5d8f to 3 from 0", "quote \" backslash \\ slash /",
                                   "tab\tnewline\ncontrol\u{01}", "ünïcödé ✓ 🚀"],
                        lastTimestamp: Timestamp(seconds: 1_764_169_687)),
                "a": AggregateRecord(messages: ["x"], lastTimestamp: Timestamp(seconds: 86_400 * 365)),
                "B": AggregateRecord(messages: ["y", "z"], lastTimestamp: Timestamp(seconds: 59)),
                "é": AggregateRecord(messages: [""], lastTimestamp: Timestamp(seconds: 3_600)),
            ],
        ]
        for aggregates in samples {
            #expect(AggregatesJSON.text(aggregates) == (try StoredJSON.encode(aggregates)))
        }
    }
}
