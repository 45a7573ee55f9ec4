import ControlPlane
import KubeModel
import Store
import Testing
import TestSupport

/// A watch from any resourceVersion sees every later version of every object, in log order, once.
struct ChangeFeedTests {
    func plane(_ store: SQLiteStore, at seconds: Int64) -> ControlPlane {
        ControlPlane(store: store, now: Timestamp(seconds: 1_795_000_000 + seconds), actor: "tester", argv: ["test"])
    }

    @Test func resumesFromAnyResourceVersion() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try SQLiteStore(path: dir.path("store.db"))
        try plane(store, at: 0).loadImages(["web:1", "web:2"], startupSeconds: 0, behaviour: .ready)
        let web = ControlPlane.generatedDeployment(name: "web", images: ["web:1"], replicas: 2, port: nil)
        try plane(store, at: 1).create([(deployment: web, source: nil)], namespace: "default")
        let afterCreate = try store.headSequence()
        try plane(store, at: 2).scale(namespace: "default", name: "web", replicas: 3, currentReplicas: nil)
        try plane(store, at: 3).catchUp()

        var everything = ChangeFeed(store: store, resource: .deployments, namespace: "default", after: 0)
        let all = try everything.next(limit: 10_000)
        #expect(all.first?.kind == .added)
        #expect(all.dropFirst().allSatisfy { $0.kind == .modified })
        #expect(all.map(\.resourceVersion) == all.map(\.resourceVersion).sorted())

        var resumed = ChangeFeed(store: store, resource: .deployments, namespace: "default", after: afterCreate)
        let later = try resumed.next(limit: 10_000)
        #expect(later == all.filter { $0.resourceVersion > afterCreate })
        guard case .deployment(let first)? = later.first?.object else {
            Issue.record("no change after the create")
            return
        }
        #expect(first.spec.replicas == 3)
        #expect(try resumed.next().isEmpty, "caught up")

        try plane(store, at: 4).delete(namespace: "default", name: "web")
        let deleted = try resumed.next(limit: 10_000)
        #expect(deleted.last?.kind == .deleted)
        #expect(deleted.last?.object.name == "web")

        var pods = ChangeFeed(store: store, resource: .pods, namespace: "other", after: 0)
        #expect(try pods.next(limit: 10_000).isEmpty, "another namespace sees nothing")
    }

    /// Quotas have a stream of their own: their watch sees each write and count, and only its namespace's quotas.
    @Test func quotasAreWatchedFromTheirOwnStream() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try SQLiteStore(path: dir.path("store.db"))
        func quota(_ name: String) -> ResourceQuota {
            ResourceQuota(metadata: ObjectMeta(name: name), spec: ResourceQuotaSpec(hard: ["pods": "2"]))
        }
        try plane(store, at: 0).loadImages(["web:1"], startupSeconds: 0, behaviour: .ready)
        _ = try plane(store, at: 1).createQuota(quota("pods"), namespace: "default", dryRun: false)
        _ = try plane(store, at: 1).createQuota(quota("elsewhere"), namespace: "other", dryRun: false)
        let web = ControlPlane.generatedDeployment(name: "web", images: ["web:1"], replicas: 1, port: nil)
        try plane(store, at: 2).create([(deployment: web, source: nil)], namespace: "default")
        _ = try plane(store, at: 3).deleteQuotas(namespace: "default", names: ["pods"], dryRun: false)

        var feed = ChangeFeed(store: store, resource: .resourceQuotas, namespace: "default", after: 0)
        let changes = try feed.next(limit: 10_000)
        let used = changes.map { change -> String in
            guard case .resourceQuota(let quota) = change.object else { return "?" }
            return "\(change.kind.rawValue) \(quota.name) \(quota.status?.used?["pods"] ?? "-")"
        }
        #expect(used == ["ADDED pods -", "MODIFIED pods 0", "MODIFIED pods 1", "DELETED pods 1"])
        var deployments = ChangeFeed(store: store, resource: .deployments, namespace: "default", after: 0)
        #expect(try deployments.next(limit: 10_000).allSatisfy { $0.object.name == "web" })
    }

    /// A ReplicaSet claimed from another Deployment's stream is one MODIFIED (its adoption), as a cluster sends it;
    /// its Pods, unchanged, send nothing.
    @Test func aClaimedReplicaSetIsModifiedOnce() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try SQLiteStore(path: dir.path("store.db"))
        try plane(store, at: 0).loadImages(["web:1"], startupSeconds: 0, behaviour: .ready)
        var first = ControlPlane.generatedDeployment(name: "first", images: ["web:1"], replicas: 1, port: nil)
        first.spec.selector = LabelSelector(matchLabels: ["app": "web"])
        first.spec.template.metadata.labels = ["app": "web"]
        try plane(store, at: 1).create([(deployment: first, source: nil)], namespace: "default")
        try plane(store, at: 2).delete(namespace: "default", name: "first", cascade: "orphan")
        let beforeClaim = try store.headSequence()
        var second = first
        second.metadata.name = "second"
        try plane(store, at: 3).create([(deployment: second, source: nil)], namespace: "default")

        var replicaSets = ChangeFeed(store: store, resource: .replicaSets, namespace: "default", after: beforeClaim)
        let changes = try replicaSets.next(limit: 10_000)
        #expect(changes.map(\.kind) == [.modified])
        guard case .replicaSet(let claimed)? = changes.first?.object else {
            Issue.record("no change to the claimed ReplicaSet")
            return
        }
        #expect(claimed.metadata.controllerRef?.name == "second")
        var pods = ChangeFeed(store: store, resource: .pods, namespace: "default", after: beforeClaim)
        #expect(try pods.next(limit: 10_000).isEmpty)
    }
}
