import Cluster
import Controllers
import KubeModel

/// Builders for controller scenarios: a fresh Deployment stream driven by events, as a command would.
struct Scenario {
    static let start = Timestamp(seconds: 1_790_000_000)

    var reconciler: Reconciler
    var clock: Timestamp

    init(replicas: Int, image: String = "nginx:1.0", surge: IntOrString? = nil, unavailable: IntOrString? = nil,
         recreate: Bool = false, revisionHistoryLimit: Int? = nil, minReadySeconds: Int? = nil,
         images: [String] = ["nginx:1.0", "nginx:2.0", "nginx:3.0"], loaded: [ImageLoaded] = [],
         blocked: [String] = [], name: String = "web", readinessProbe: JSONValue? = nil)
    {
        var node = NodeState()
        for image in images { node.apply(.imageLoaded(ImageLoaded(image: image)), at: Scenario.start) }
        for image in loaded { node.apply(.imageLoaded(image), at: Scenario.start) }
        for image in blocked { node.apply(.imageBlocked(ImageRef(image: image)), at: Scenario.start) }
        clock = Scenario.start
        let stream = DeploymentStream(namespace: "default", name: name)
        reconciler = Reconciler(stream: stream, node: node, now: clock, nextSequence: 1)
        var meta = ObjectMeta(name: name, namespace: "default", labels: ["app": "web"])
        meta.uid = "uid-web"
        meta.generation = 1
        meta.creationTimestamp = clock
        var template = PodTemplateSpec()
        template.metadata.labels = ["app": "web"]
        var container = Container(name: "web", image: image)
        container.raw["readinessProbe"] = readinessProbe
        template.spec.containers = [container]
        var spec = DeploymentSpec(replicas: replicas, selector: LabelSelector(matchLabels: ["app": "web"]), template: template)
        if recreate {
            spec.strategy = DeploymentStrategy(type: "Recreate")
        } else if surge != nil || unavailable != nil {
            spec.strategy = DeploymentStrategy(
                type: "RollingUpdate", rollingUpdate: RollingUpdateDeployment(maxUnavailable: unavailable, maxSurge: surge))
        }
        spec.revisionHistoryLimit = revisionHistoryLimit
        spec.minReadySeconds = minReadySeconds
        var deployment = Deployment(metadata: meta, spec: spec)
        deployment.applyDefaults()
        reconciler.emit(.deploymentCreated(DeploymentObject(deployment: deployment)), actor: "test")
    }

    var stream: DeploymentStream { reconciler.stream }
    var deployment: Deployment { reconciler.stream.deployment! }

    /// Emits a user event as a command would (without settling).
    mutating func user(_ event: ClusterEvent) { reconciler.emit(event, actor: "test") }

    mutating func settle() { reconciler.reconcile() }

    /// Messages of the deployment-controller's ScalingReplicaSet events emitted since `mark`, in order.
    func scalingMessages(since mark: Int = 0) -> [String] {
        reconciler.pending.dropFirst(mark).compactMap { pending in
            guard case .kubeEventRecorded(let event) = pending.event, event.reason == "ScalingReplicaSet" else { return nil }
            return event.message
        }
    }

    /// The sizes of the ReplicaSets (oldest first) after every ReplicaSet scale or create since `mark`.
    func sizeTrajectory(since mark: Int = 0) -> [[Int]] {
        var stream = DeploymentStream(namespace: "default", name: "web")
        var out: [[Int]] = []
        for pending in reconciler.pending {
            stream.apply(pending.event, sequence: pending.sequence, at: pending.time)
            guard pending.sequence > Int64(mark) else { continue }
            switch pending.event {
            case .replicaSetCreated, .replicaSetScaled:
                let sizes = stream.replicaSets.values.sortedByCreation().map(\.replicas)
                if out.last != sizes { out.append(sizes) }
            default: break
            }
        }
        return out
    }

    var mark: Int { reconciler.pending.count }

    /// Replica set names, oldest first.
    var replicaSetNames: [String] { stream.replicaSets.values.sortedByCreation().map(\.name) }

    /// Advances the clock so ReplicaSets created later sort after earlier ones.
    mutating func tick(_ seconds: Int64 = 10) {
        clock = clock.adding(seconds: seconds)
        rebuild()
    }

    /// Lets simulated time pass: every wake-up of the stream up to `seconds` from now is reconciled at
    /// its own moment, as the catch-up does between commands.
    mutating func advance(_ seconds: Int64) {
        let target = clock.adding(seconds: seconds)
        while let due = reconciler.stream.nextWakeUp(after: clock), due <= target {
            clock = due
            rebuild()
            settle()
        }
        clock = target
        rebuild()
    }

    /// Changes the node (image cache) as an `images` command would, then lets the stream react.
    mutating func node(_ event: ClusterEvent) {
        var node = reconciler.node
        node.apply(event, at: clock)
        reconciler = Reconciler(stream: reconciler.stream, node: node, now: clock,
                                nextSequence: reconciler.sequenceAfterPending, pending: reconciler.pending)
        settle()
    }

    private mutating func rebuild() {
        reconciler = Reconciler(stream: reconciler.stream, node: reconciler.node, now: clock,
                                nextSequence: reconciler.sequenceAfterPending, pending: reconciler.pending)
    }

    /// ReplicaSet sizes, oldest first.
    var sizes: [Int] { stream.replicaSets.values.sortedByCreation().map(\.replicas) }

    func replicaSet(_ index: Int) -> ReplicaSet { stream.replicaSets.values.sortedByCreation()[index] }

    mutating func scale(to replicas: Int) {
        user(.deploymentScaled(Scaled(from: deployment.spec.desiredReplicas, to: replicas)))
        settle()
    }

    mutating func setImage(_ image: String) {
        user(.imageSet(ImageSet(images: ["web": image], changeCause: nil)))
    }
}
