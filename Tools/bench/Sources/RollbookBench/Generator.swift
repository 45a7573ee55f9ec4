import ControlPlane
import Foundation
import KubeModel
import Manifests
import Store

/// Drives Rollbook's real `ControlPlane` in process: every call is one mutating command (catch-up, decide,
/// controllers, one transaction), exactly what `rollbook apply|set image|scale|rollout ...|delete` runs.
struct Generator {
    static let actors = ["alice", "bob", "carol", "ci-bot", "deploy-pipeline"]

    let store: SQLiteStore
    var fleet: Fleet
    var models: [DeploymentModel]
    var rng: SeededRandom
    /// Wall-clock seconds of each command, in order.
    var latencies: [Double] = []
    var failed = 0
    var created = 0

    init(store: SQLiteStore, fleet: Fleet, seed: UInt64) {
        self.store = store
        self.fleet = fleet
        models = Array(repeating: DeploymentModel(), count: fleet.deployments)
        rng = SeededRandom(seed: seed)
    }

    /// Rebuilds the generator's view of an existing store (for more commands on top of a generated history).
    init(resuming store: SQLiteStore, fleet: Fleet, seed: UInt64) throws {
        self.init(store: store, fleet: fleet, seed: seed)
        let live = try store.read { try $0.deployments(namespace: nil) }
        var byName: [String: Deployment] = [:]
        for d in live { byName[d.name] = d }
        for index in models.indices {
            guard let d = byName[fleet.name(of: index)] else { continue }
            models[index].exists = true
            models[index].paused = d.spec.isPaused
            models[index].revisions = d.revision ?? 1
            models[index].replicas = d.spec.desiredReplicas
        }
        created = fleet.deployments
    }

    private mutating func plane(_ argv: [String]) -> ControlPlane {
        fleet.now += Int64.random(in: 1...20, using: &rng)
        fleet.commands += 1
        let actor = Generator.actors.randomElement(using: &rng)!
        return ControlPlane(store: store, now: Timestamp(seconds: fleet.now), actor: actor, argv: argv)
    }

    /// `rollbook images load` for every image the fleet uses, grouped by startup delay.
    mutating func loadImages() throws {
        for (startup, images) in Fleet.imagesByStartup.sorted(by: { $0.key < $1.key }) {
            try plane(["images", "load"] + images).loadImages(images, startupSeconds: startup, behaviour: .ready)
        }
    }

    /// One command, timed. Creates the fleet progressively, then changes random Deployments.
    mutating func step() throws {
        let index: Int
        if created < fleet.deployments && (created < 2 || Bool.random(using: &rng)) {
            index = created
            created += 1
        } else {
            index = Int.random(in: 0..<created, using: &rng)
        }
        let started = DispatchTime.now().uptimeNanoseconds
        do {
            try run(index)
        } catch {
            failed += 1
        }
        latencies.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
    }

    private mutating func run(_ index: Int) throws {
        let name = fleet.name(of: index)
        let namespace = fleet.namespace(of: index)
        let ref = "deployment/\(name)"
        var m = models[index]
        defer { models[index] = m }
        if !m.exists {
            m = DeploymentModel()
            m.replicas = Int.random(in: 1...4, using: &rng)
            m.version = Int.random(in: 0..<Fleet.versions, using: &rng)
            try apply(index, &m)
            m.exists = true
            m.revisions = 1
            return
        }
        let roll = Int.random(in: 0..<100, using: &rng)
        if m.paused {
            switch roll {
            case 0..<50:
                try plane(["rollout", "resume", ref, "-n", namespace]).resume(namespace: namespace, name: name)
                m.paused = false
                m.revisions += 1
            case 50..<75: try setImage(index, &m)
            default: try scale(index, &m)
            }
            return
        }
        switch roll {
        case 0..<30:
            try setImage(index, &m)
            m.revisions += 1
        case 30..<45:
            if Bool.random(using: &rng) { m.configGeneration += 1 } else { m.cpu = [100, 200, 250, 500].randomElement(using: &rng)! }
            try apply(index, &m)
            m.revisions += 1
        case 45..<63:
            try scale(index, &m)
        case 63..<72:
            try plane(["rollout", "restart", ref, "-n", namespace]).restart(namespace: namespace, name: name)
            m.revisions += 1
        case 72..<80 where m.revisions >= 2:
            _ = try plane(["rollout", "undo", ref, "-n", namespace]).undo(namespace: namespace, name: name, toRevision: 0)
            m.revisions += 1
        case 80..<86:
            try plane(["rollout", "pause", ref, "-n", namespace]).pause(namespace: namespace, name: name)
            m.paused = true
        case 86..<98:
            let cause = "deploy #\(fleet.commands) by pipeline"
            try plane(["annotate", ref, "-n", namespace, "kubernetes.io/change-cause=\(cause)", "--overwrite"])
                .annotate(namespace: namespace, name: name, set: [("kubernetes.io/change-cause", cause)], remove: [],
                          overwrite: true)
        case 98..<100:
            try plane(["delete", ref, "-n", namespace]).delete(namespace: namespace, name: name)
            m.exists = false
        default:
            try scale(index, &m)
        }
    }

    private mutating func apply(_ index: Int, _ m: inout DeploymentModel) throws {
        let json = ManifestTemplate.json(fleet: fleet, index: index, model: m)
        let documents = try ManifestDecoder.decode(Data(json.utf8), source: "\(fleet.name(of: index)).json")
        _ = try plane(["apply", "-f", "\(fleet.name(of: index)).json"])
            .apply(documents, namespace: fleet.namespace(of: index), namespaceGiven: true)
    }

    private mutating func setImage(_ index: Int, _ m: inout DeploymentModel) throws {
        var version = Int.random(in: 0..<Fleet.versions, using: &rng)
        if version == m.version { version = (version + 1) % Fleet.versions }
        m.version = version
        let service = fleet.service(of: index)
        var images = [(container: Fleet.services[service], image: Fleet.image(service: service, version: version))]
        if fleet.hasSidecar(index) && Int.random(in: 0..<4, using: &rng) == 0 {
            m.sidecarVersion = (m.sidecarVersion + 1) % Fleet.sidecarVersions.count
            images.append((container: "envoy", image: Fleet.sidecar(m.sidecarVersion)))
        }
        let name = fleet.name(of: index)
        let namespace = fleet.namespace(of: index)
        let cause = Bool.random(using: &rng) ? "release \(images[0].image)" : nil
        _ = try plane(["set", "image", "deployment/\(name)", "-n", namespace] + images.map { "\($0.container)=\($0.image)" })
            .setImage(namespace: namespace, name: name, images: images, changeCause: cause)
    }

    private mutating func scale(_ index: Int, _ m: inout DeploymentModel) throws {
        var replicas = Int.random(in: 1...6, using: &rng)
        if replicas == m.replicas { replicas = replicas % 6 + 1 }
        m.replicas = replicas
        let name = fleet.name(of: index)
        let namespace = fleet.namespace(of: index)
        try plane(["scale", "deployment/\(name)", "-n", namespace, "--replicas=\(replicas)"])
            .scale(namespace: namespace, name: name, replicas: replicas, currentReplicas: nil)
    }

    /// Lets every pending timer fire, so reads later find nothing due (they would otherwise write).
    mutating func settle() throws {
        fleet.now += 3600
        try ControlPlane(store: store, now: Timestamp(seconds: fleet.now), actor: "bench", argv: ["get", "pods"]).catchUp()
    }
}
