import Cluster
import ControlPlane
import GRDB
import KubeModel
import Store
import Testing
import TestSupport

/// A commit rewrites the rows of the objects it touched where they are, instead of deleting each and inserting
/// it again at the table's end (which cost a page read and a page write per index and per old row).
struct ProjectionUpsertTests {
    struct Row: Equatable {
        var rowid: Int64
        var name: String
        var resourceVersion: String?
    }

    static func rows(_ table: String, _ path: String) throws -> [Row] {
        try DatabaseQueue(path: path).read { db in
            try GRDB.Row.fetchAll(
                db, sql: "SELECT rowid, name, object ->> '$.metadata.resourceVersion' FROM \(table) ORDER BY name"
            ).map { Row(rowid: $0[0], name: $0[1], resourceVersion: $0[2]) }
        }
    }

    @Test func aTouchedObjectKeepsItsRow() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let path = dir.path("store.db")
        let store = try SQLiteStore(path: path)
        var now = Timestamp(seconds: 1_790_000_000)
        func plane() -> ControlPlane {
            now = now.adding(seconds: 30)
            return ControlPlane(store: store, now: now, actor: "alice", argv: ["test"])
        }
        let id = StreamID.deployment(namespace: "team", name: "web")
        try plane().loadImages(["app:1"], startupSeconds: 2, behaviour: .ready)
        try plane().create([(StreamSnapshotTests.deployment(id), nil)], namespace: "team")
        try plane().catchUp()
        let before = (deployments: try Self.rows("deployments", path), replicaSets: try Self.rows("replicasets", path))

        try plane().scale(namespace: "team", name: "web", replicas: 5, currentReplicas: nil)
        let after = (deployments: try Self.rows("deployments", path), replicaSets: try Self.rows("replicasets", path))

        #expect(before.deployments.count == 1 && before.replicaSets.count == 1)
        #expect(after.deployments.map(\.rowid) == before.deployments.map(\.rowid))
        #expect(after.replicaSets.map(\.rowid) == before.replicaSets.map(\.rowid))
        // Both rows were rewritten: the scale changed the Deployment's spec and its ReplicaSet's replicas.
        #expect(after.deployments[0].resourceVersion != before.deployments[0].resourceVersion)
        #expect(after.replicaSets[0].resourceVersion != before.replicaSets[0].resourceVersion)
    }
}
