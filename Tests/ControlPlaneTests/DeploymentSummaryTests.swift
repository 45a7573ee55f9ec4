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
        let store = try SQLiteStore(path: directory.path("store.db"))
        try SampleHistory.run { store }
        let now = Timestamp(seconds: 1_764_100_000)
        for namespace in [nil, "default", "elsewhere"] {
            let whole = try store.read { try $0.deployments(namespace: namespace) }
            let summaries = try store.read { try $0.deploymentSummaries(namespace: namespace) }
            #expect(summaries.map(\.name) == whole.map(\.name))
            #expect(summaries.map(\.metadata.labels) == whole.map(\.metadata.labels))
            for wide in [false, true] {
                for showNamespace in [false, true] {
                    #expect(deploymentsTable(summaries, wide: wide, showNamespace: showNamespace, now: now)
                        == deploymentsTable(whole, wide: wide, showNamespace: showNamespace, now: now))
                }
            }
        }
        #expect(try store.read { try $0.deploymentSummaries(namespace: nil) }.count == 2)
    }
}
