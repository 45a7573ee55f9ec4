import ControlPlane
import KubeModel
import Printers
import Store
import Testing
import TestSupport

/// `get rs` prints from ReplicaSets cut down in SQL; the tables must be the ones whole objects give.
@Suite struct ReplicaSetSummaryTests {
    @Test func tablesFromSummariesEqualTablesFromWholeObjects() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SampleHistory.store(in: directory)
        let now = Timestamp(seconds: 1_764_100_000)
        for namespace in [nil, "default", "elsewhere"] {
            let whole = try store.read { try $0.replicaSets(namespace: namespace) }
            let labelled = try store.read { try $0.replicaSetSummaries(namespace: namespace, labels: true, wide: false) }
            #expect(labelled.map(\.name) == whole.map(\.name))
            #expect(labelled.map(\.metadata.labels) == whole.map(\.metadata.labels))
            for wide in [false, true] {
                let summaries = try store.read { try $0.replicaSetSummaries(namespace: namespace, labels: false, wide: wide) }
                for showNamespace in [false, true] {
                    #expect(replicaSetsTable(summaries, wide: wide, showNamespace: showNamespace, now: now)
                        == replicaSetsTable(whole, wide: wide, showNamespace: showNamespace, now: now))
                }
            }
        }
        let all = try store.read { try $0.replicaSets(namespace: nil) }
        #expect(all.count >= 4)
        #expect(Set(all.map { $0.status.replicas ?? 0 }).count > 1, "the sample has ReplicaSets of several sizes")
    }
}
