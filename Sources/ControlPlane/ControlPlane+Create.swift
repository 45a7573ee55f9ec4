import Cluster
import Controllers
import Foundation
import KubeModel
import Manifests

extension ControlPlane {
    /// `kubectl create -f` / `kubectl create deployment`: creates every Deployment in one transaction, or
    /// none if any already exists or is invalid. No last-applied annotation is written (no `--save-config`).
    ///
    /// - Parameter source: the file name kubectl names in errors, nil for `create deployment`.
    /// `kubectl create`; a `dryRun` checks everything (name taken, validation) and stores nothing.
    /// - Returns: The Deployments as the API server answers the creates: stored, before any controller acted.
    @discardableResult
    public func create(
        _ deployments: [(deployment: Deployment, source: String?)], namespace: String, dryRun: Bool = false
    ) throws -> [Deployment] {
        try create(deployments.map { (.deployment($0.deployment), $0.source) }, namespace: namespace, dryRun: dryRun)
            .compactMap { object in
                guard case .deployment(let deployment) = object else { return nil }
                return deployment
            }
    }

    /// `kubectl create -f` of Deployments, ReplicaSets and Pods, in one transaction, as ``create(_:namespace:dryRun:)``.
    ///
    /// - Returns: Each object as the API server answers its create.
    public func create(
        _ objects: [(object: ManifestObject, source: String?)], namespace: String, dryRun: Bool = false
    ) throws -> [WatchedObject] {
        try store.write(command: newCommandInfo()) { writer in
            var answers: [WatchedObject] = []
            var simulation = try Simulation(writer: writer, now: now)
            try simulation.catchUp()
            for (given, source) in objects {
                let targetNamespace = given.metadata.namespace ?? namespace
                let manifest = try Self.named(given, namespace: targetNamespace, sequence: writer.nextSequence + Int64(answers.count))
                let id = StreamID.deployment(namespace: targetNamespace, name: manifest.name)
                let stream = try simulation.stream(id)
                func alreadyExists(_ resource: String) -> CommandError {
                    let subject = "\(resource) \"\(manifest.name)\" already exists"
                    return CommandError(
                        "Error from server (AlreadyExists): "
                            + (source.map { "error when creating \"\($0)\": " } ?? "") + subject,
                        status: .alreadyExists(resource, manifest.name))
                }
                switch manifest {
                case .deployment(let deployment):
                    if stream.deployment != nil { throw alreadyExists(Resource.deployments) }
                    let created = try newDeployment(deployment, namespace: targetNamespace, stream: stream, lastApplied: nil)
                    try simulation.admitUserObject(
                        Resource.deployments, counted: ["count/deployments.apps"], name: manifest.name,
                        namespace: targetNamespace, source: source)
                    try simulation.apply([.deploymentCreated(DeploymentObject(deployment: created))], to: id, actor: actor, at: now) {
                        answers += $0.deployment.map { [.deployment($0)] } ?? []
                    }
                case .replicaSet(let replicaSet):
                    if try simulation.streamHolding(replicaSet: manifest.name, namespace: targetNamespace) != nil {
                        throw alreadyExists(Resource.replicaSets)
                    }
                    let created = try newReplicaSet(replicaSet, namespace: targetNamespace, stream: stream)
                    try simulation.admitUserObject(
                        Resource.replicaSets, counted: ["count/replicasets.apps"], name: manifest.name,
                        namespace: targetNamespace, source: source)
                    try simulation.apply([.replicaSetConfigured(ReplicaSetObject(replicaSet: created))], to: id, actor: actor, at: now) {
                        answers += $0.replicaSets[manifest.name].map { [.replicaSet($0)] } ?? []
                    }
                case .pod(let pod):
                    if try simulation.streamHolding(pod: manifest.name, namespace: targetNamespace) != nil {
                        throw alreadyExists(Resource.pods)
                    }
                    let holder = try simulation.streamHolding(pod: manifest.name, namespace: targetNamespace) ?? id
                    let created = try newPod(pod, namespace: targetNamespace, stream: try simulation.stream(holder))
                    try simulation.admitUserPod(created, namespace: targetNamespace, source: source)
                    try simulation.apply([.podConfigured(PodObject(pod: created))], to: holder, actor: actor, at: now) {
                        answers += $0.pods[manifest.name].map { [.pod($0)] } ?? []
                    }
                case .resourceQuota(let quota):
                    var created = try createQuota(quota, namespace: targetNamespace, source: source, in: &simulation)
                    if dryRun { created.metadata.resourceVersion = nil }
                    answers.append(.resourceQuota(created))
                }
            }
            if dryRun { return answers }
            try writer.commit(simulation)
            return answers
        }
    }

    /// The object with its name: a `generateName` gets the API server's five random characters (here derived from the
    /// namespace, the prefix and the log's position); no name at all is the registry's Invalid answer.
    static func named(_ object: ManifestObject, namespace: String, sequence: Int64) throws -> ManifestObject {
        guard object.name.isEmpty else { return object }
        guard let prefix = object.metadata.generateName, !prefix.isEmpty else {
            let (kind, group) = switch object {
            case .deployment: ("Deployment", "apps")
            case .replicaSet: ("ReplicaSet", "apps")
            case .pod: ("Pod", "")
            case .resourceQuota: ("ResourceQuota", "")
            }
            let error = FieldError(.required, "metadata.name", detail: "name or generateName is required")
            throw CommandError.invalid("", [error], kind: kind, group: group)
        }
        var named = object
        // SimpleNameGenerator: the prefix cut to 58 characters, then five characters.
        let base = prefix.count > 58 ? String(prefix.prefix(58)) : prefix
        named.metadata.name = base + Identifiers.nameSuffix("\(namespace)/\(prefix)/\(sequence)")
        return named
    }

    /// The Deployment `kubectl create deployment NAME --image=...` builds (create_deployment.go).
    public static func generatedDeployment(
        name: String, images: [String], replicas: Int, port: Int?, command: [String] = []
    ) -> Deployment {
        let labels = ["app": name]
        var template = PodTemplateSpec(metadata: TemplateMetadata(labels: labels))
        var containers = images.map { image -> Container in
            var base = String(image.split(separator: "/").last ?? Substring(image))
            if let colon = base.firstIndex(of: ":") { base = String(base[..<colon]) }
            if let at = base.firstIndex(of: "@") { base = String(base[..<at]) }
            if base.contains(where: { $0 == "_" || $0 == "." }) {
                base = base.replacingOccurrences(of: "_", with: "-").replacingOccurrences(of: ".", with: "-")
                base += "-" + Identifiers.nameSuffix("\(name)/\(image)")
            }
            var container = Container(name: base, image: image)
            if !command.isEmpty { container.raw["command"] = .array(command.map { .string($0) }) }
            return container
        }
        if let port, !containers.isEmpty {
            containers[0].raw["ports"] = .array([.object(["containerPort": .int(port)])])
        }
        template.spec.containers = containers
        let spec = DeploymentSpec(replicas: replicas, selector: LabelSelector(matchLabels: labels), template: template)
        return Deployment(metadata: ObjectMeta(name: name, labels: labels), spec: spec)
    }
}
