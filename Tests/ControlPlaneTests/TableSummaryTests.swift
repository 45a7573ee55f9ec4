import ControlPlane
import KubeModel
import Printers
import Store
import Testing
import TestSupport

/// `get deployments` and `get rs` print from objects cut down in SQL; the tables must be the ones whole objects
/// give.
@Suite struct TableSummaryTests {
    static let now = Timestamp(seconds: 1_764_100_000)

    /// Every namespace choice, wide or not, with a NAMESPACE column or not; and the labels a selector reads.
    static func checkSummaries<T>(
        whole: (String?) throws -> [T], summaries: (_ namespace: String?, _ labels: Bool, _ wide: Bool) throws -> [T],
        name: (T) -> String, labels: (T) -> [String: String]?,
        table: (_ objects: [T], _ wide: Bool, _ showNamespace: Bool) -> String
    ) throws {
        for namespace in [nil, "default", "elsewhere"] {
            let objects = try whole(namespace)
            let labelled = try summaries(namespace, true, false)
            #expect(labelled.map(name) == objects.map(name))
            #expect(labelled.map(labels) == objects.map(labels))
            for wide in [false, true] {
                let cut = try summaries(namespace, false, wide)
                for showNamespace in [false, true] {
                    #expect(table(cut, wide, showNamespace) == table(objects, wide, showNamespace))
                }
            }
        }
    }

    @Test func deploymentTablesFromSummariesEqualTablesFromWholeObjects() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SampleHistory.store(in: directory)
        try Self.checkSummaries(
            whole: { namespace in try store.read { try $0.deployments(namespace: namespace) } },
            summaries: { namespace, labels, wide in
                try store.read { try $0.deploymentSummaries(namespace: namespace, labels: labels, wide: wide) }
            },
            name: \.name, labels: \.metadata.labels,
            table: { deploymentsTable($0, wide: $1, showNamespace: $2, now: Self.now) })
        #expect(try store.read { try $0.deploymentSummaries(namespace: nil, labels: false, wide: false) }.count == 2)
    }

    @Test func replicaSetTablesFromSummariesEqualTablesFromWholeObjects() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SampleHistory.store(in: directory)
        try Self.checkSummaries(
            whole: { namespace in try store.read { try $0.replicaSets(namespace: namespace) } },
            summaries: { namespace, labels, wide in
                try store.read { try $0.replicaSetSummaries(namespace: namespace, labels: labels, wide: wide) }
            },
            name: \.name, labels: \.metadata.labels,
            table: { replicaSetsTable($0, wide: $1, showNamespace: $2, now: Self.now) })
        let all = try store.read { try $0.replicaSets(namespace: nil) }
        #expect(all.count >= 4)
        #expect(Set(all.map { $0.status.replicas ?? 0 }).count > 1, "the sample has ReplicaSets of several sizes")
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
        // As of a point, the part is folded without the stream's Kubernetes Events.
        let head = try store.read { try $0.headSequence() }
        var compared = 0
        for sequence in Array(1...head).filter({ $0 % 7 == 0 || $0 == head }) {
            let point = try store.resolve(.sequence(sequence))
            for id in ids {
                let whole = try store.read(at: point) { try $0.stream(id) }
                let part = try store.read(at: point) { try $0.deploymentAndReplicaSets(id) }
                #expect(part.deployment == whole.deployment, "\(id) at \(sequence)")
                #expect(part.replicaSets == whole.replicaSets, "\(id) at \(sequence)")
                #expect(part.events.isEmpty)
                if !whole.events.isEmpty { compared += 1 }
            }
        }
        #expect(compared > 20)
    }
}
