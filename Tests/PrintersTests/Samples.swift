import KubeModel

/// Model values that reproduce the samples of k8s-semantics.md (§1.5, §7.1, §7.3).
enum Samples {
    /// `Thu, 26 Nov 2026 14:57:45 +0000`, the creation time in the §7.3 sample.
    static let created = Timestamp(seconds: 1_795_705_065)
    static let now = created.adding(seconds: 600)

    static func container(_ name: String, _ image: String, port: Int? = nil) -> Container {
        var container = Container(name: name, image: image)
        if let port { container.raw["ports"] = .array([.object(["containerPort": .int(port)])]) }
        return container
    }

    static func template(labels: [String: String], containers: [Container]) -> PodTemplateSpec {
        var spec = PodSpec()
        spec.containers = containers
        return PodTemplateSpec(metadata: TemplateMetadata(labels: labels), spec: spec)
    }

    static func deployment(
        _ name: String, replicas: Int, labels: [String: String], containers: [Container], strategy: String? = nil
    ) -> Deployment {
        var deployment = Deployment(
            metadata: ObjectMeta(name: name, namespace: "default", labels: labels),
            spec: DeploymentSpec(
                replicas: replicas, selector: LabelSelector(matchLabels: labels),
                template: template(labels: labels, containers: containers),
                strategy: strategy.map { DeploymentStrategy(type: $0) }))
        deployment.applyDefaults()
        return deployment
    }

    static func replicaSet(_ hash: String, replicas: Int, current: Int, ready: Int, image: String) -> ReplicaSet {
        let labels = ["app": "nginx", "pod-template-hash": hash]
        var replicaSet = ReplicaSet(
            metadata: ObjectMeta(name: "nginx-deployment-\(hash)", namespace: "default", labels: labels),
            spec: ReplicaSetSpec(
                replicas: replicas, minReadySeconds: nil, selector: LabelSelector(matchLabels: labels),
                template: template(labels: labels, containers: [container("nginx", image, port: 80)])))
        replicaSet.status.replicas = current
        replicaSet.status.readyReplicas = ready
        replicaSet.status.availableReplicas = ready
        return replicaSet
    }

    static func event(
        _ message: String, involving name: String, kind: String = "Deployment", first: Int64, last: Int64? = nil,
        count: Int = 1, reason: String = "ScalingReplicaSet", type: String = "Normal",
        source: String = "deployment-controller"
    ) -> KubeEvent {
        KubeEvent(
            name: "\(name).\(first)", namespace: "default",
            involvedObject: .init(
                kind: kind, namespace: "default", name: name, uid: "uid-\(name)", apiVersion: "apps/v1"),
            type: type, reason: reason, message: message, source: source, count: count,
            firstTimestamp: now.adding(seconds: -first), lastTimestamp: now.adding(seconds: -(last ?? first)))
    }

    static func condition(_ type: String, _ status: String, _ reason: String) -> DeploymentCondition {
        DeploymentCondition(type: type, status: status, reason: reason, message: "", at: created)
    }
}
