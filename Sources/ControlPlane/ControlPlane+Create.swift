import Cluster
import KubeModel

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
        try store.write(command: newCommandInfo()) { writer in
            var answers: [Deployment] = []
            var simulation = try Simulation(writer: writer, now: now)
            try simulation.catchUp()
            for (manifest, source) in deployments {
                let targetNamespace = manifest.metadata.namespace ?? namespace
                let id = StreamID.deployment(namespace: targetNamespace, name: manifest.name)
                let stream = try simulation.stream(id)
                if stream.deployment != nil {
                    let subject = "\(Resource.deployments) \"\(manifest.name)\" already exists"
                    throw CommandError(
                        "Error from server (AlreadyExists): "
                            + (source.map { "error when creating \"\($0)\": " } ?? "") + subject,
                        status: .alreadyExists(Resource.deployments, manifest.name))
                }
                let created = try newDeployment(manifest, namespace: targetNamespace, stream: stream, lastApplied: nil)
                try simulation.apply([.deploymentCreated(DeploymentObject(deployment: created))], to: id, actor: actor, at: now) {
                    answers += $0.deployment.map { [$0] } ?? []
                }
            }
            if dryRun { return answers }
            try writer.commit(simulation.pending, streams: simulation.touchedStreams, node: nil)
            return answers
        }
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

import Controllers
import Foundation
