import ControlPlane
import KubeModel
import Store
import TestSupport

/// A short history through the ControlPlane in process, for tests that compare two ways of doing one thing.
enum SampleHistory {
    /// A new store in `directory` that went through ``run(_:)``.
    static func store(in directory: TemporaryDirectory) throws -> SQLiteStore {
        let store = try SQLiteStore(path: directory.path("store.db"))
        try run { store }
        return store
    }

    /// Two Deployments through a rollout, a scale, an undo, a restart, a pause, a resume, an annotation and
    /// a deleted Pod, with simulated time passing between commands so the kubelet and controllers act.
    static func run(_ open: () throws -> SQLiteStore) throws {
        var seconds: Int64 = 1_764_000_000
        func plane(_ step: Int64 = 7) throws -> ControlPlane {
            seconds += step
            return ControlPlane(store: try open(), now: Timestamp(seconds: seconds), actor: "test", argv: ["test"])
        }
        try plane().loadImages(["nginx:1.25", "nginx:1.26", "nginx:1.27"], startupSeconds: 3, behaviour: .ready)
        for name in ["web", "api"] {
            try plane().create([(deployment: try deployment(name), source: nil)], namespace: "default")
        }
        for name in ["web", "api"] {
            _ = try plane().setImage(namespace: "default", name: name, images: [("app", "nginx:1.26")], changeCause: nil)
            try plane(2).catchUp()
            try plane().scale(namespace: "default", name: name, replicas: 5, currentReplicas: nil)
            try plane(30).catchUp()
            _ = try plane().undo(namespace: "default", name: name, toRevision: 0)
            try plane(1).restart(namespace: "default", name: name)
            try plane(1).pause(namespace: "default", name: name)
            _ = try plane().setImage(namespace: "default", name: name, images: [("app", "nginx:1.27")], changeCause: "bump")
            try plane().resume(namespace: "default", name: name)
            try plane(2).annotate(namespace: "default", name: name, set: [("team", "blue")], remove: [], overwrite: true)
            let pod = try plane(0).read { try $0.pods(namespace: "default") }
                .first { $0.metadata.labels?["app"] == name && $0.metadata.deletionTimestamp == nil }
            if let pod { try plane(0).deletePod(namespace: "default", name: pod.name) }
            try plane(120).catchUp()
        }
    }

    static func deployment(_ name: String) throws -> Deployment {
        try JSONCodec.decode(Deployment.self, from: """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"\(name)","labels":{"app":"\(name)"}},
             "spec":{"replicas":3,"selector":{"matchLabels":{"app":"\(name)"}},
              "template":{"metadata":{"labels":{"app":"\(name)"}},
               "spec":{"containers":[{"name":"app","image":"nginx:1.25"}]}}},"status":{}}
            """)
    }
}
