import ControlPlane
import KubeModel
import Printers
import Store
import Testing
import TestSupport

/// `get deployments` prints from objects cut down in SQL; the tables must be the ones whole objects give.
@Suite struct DeploymentSummaryTests {
    @Test func tablesFromSummariesEqualTablesFromWholeObjects() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SampleHistory.store(in: directory)
        let now = Timestamp(seconds: 1_764_100_000)
        for namespace in [nil, "default", "elsewhere"] {
            let whole = try store.read { try $0.deployments(namespace: namespace) }
            let labelled = try store.read { try $0.deploymentSummaries(namespace: namespace, labels: true, wide: false) }
            #expect(labelled.map(\.name) == whole.map(\.name))
            #expect(labelled.map(\.metadata.labels) == whole.map(\.metadata.labels))
            for wide in [false, true] {
                let summaries = try store.read { try $0.deploymentSummaries(namespace: namespace, labels: false, wide: wide) }
                for showNamespace in [false, true] {
                    #expect(deploymentsTable(summaries, wide: wide, showNamespace: showNamespace, now: now)
                        == deploymentsTable(whole, wide: wide, showNamespace: showNamespace, now: now))
                }
            }
        }
        #expect(try store.read { try $0.deploymentSummaries(namespace: nil, labels: false, wide: false) }.count == 2)
    }

    /// `rollout history` reads a stream's Deployment and ReplicaSets only; they must be the whole stream's.
    @Test func deploymentAndReplicaSetsAreTheWholeStreams() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SampleHistory.store(in: directory)
        let ids = try store.read { try $0.deploymentStreams(namespace: nil) }
        #expect(ids.count == 2)
        for id in ids {
            let whole = try store.read { try $0.stream(id) }
            let part = try store.read { try $0.deploymentAndReplicaSets(id) }
            #expect(part.deployment == whole.deployment)
            #expect(part.replicaSets == whole.replicaSets)
            #expect(part.replicaSets.count >= 2)
        }
    }
}
