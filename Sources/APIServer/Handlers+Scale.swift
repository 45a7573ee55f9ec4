import ControlPlane
import Hummingbird
import KubeModel

/// The `scale` subresource: an `autoscaling/v1` `Scale` view of a Deployment's replica count. Changes go
/// through ``ControlPlane/scale(namespace:name:replicas:currentReplicas:)``, the command `rollbook scale`
/// runs.
extension Handlers {
    func getScale(namespace: String, name: String) async throws -> Response {
        .json(Handlers.scale(of: try await deployment(namespace: namespace, name: name)))
    }

    func patchScale(namespace: String, name: String) async throws -> Response {
        let patch = try objectPatch()
        let live = try await deployment(namespace: namespace, name: name)
        let patched: JSONValue
        do {
            patched = try patch.applied(to: Handlers.scale(of: live))
        } catch {
            throw APIError(.badRequest(error.message))
        }
        return try await setScale(patched, live: live)
    }

    func replaceScale(namespace: String, name: String) async throws -> Response {
        try await setScale(try api.jsonBody(), live: try await deployment(namespace: namespace, name: name))
    }

    private func setScale(_ scale: JSONValue, live: Deployment) async throws -> Response {
        if let version = scale["metadata"]?["resourceVersion"]?.stringValue, !version.isEmpty,
            version != live.metadata.resourceVersion
        {
            throw APIError(.conflict(resource.qualifiedName, live.name))
        }
        let replicas = scale["spec"]?["replicas"]?.intValue ?? 0
        if replicas < 0 {
            let error = FieldError(.invalid, "spec.replicas", value: String(replicas),
                                   detail: "must be greater than or equal to 0")
            throw APIError(.invalid(kind: "Scale", group: "autoscaling", name: live.name, [error]))
        }
        let plane = self.plane
        let namespace = live.namespace
        let dryRun = try isDryRun()
        let stored = try await backend.run {
            try plane.scale(namespace: namespace, name: live.name, replicas: replicas, currentReplicas: nil, dryRun: dryRun)
        }
        guard !dryRun, let stored else {
            // What would have been stored: the count changed, the resourceVersion not.
            var answer = live
            answer.spec.replicas = replicas
            return .json(Handlers.scale(of: answer))
        }
        // ScaleREST.Update answers with the object its write stored, before any controller acted on it.
        return .json(Handlers.scale(of: stored))
    }

    private func deployment(namespace: String, name: String) async throws -> Deployment {
        guard case (_, .deployment(let deployment)) = try await find(namespace: namespace, name: name) else {
            throw APIError(.notFound(resource.qualifiedName, name))
        }
        return deployment
    }

    static func scale(of deployment: Deployment) -> JSONValue {
        var metadata: [String: JSONValue] = [
            "name": .string(deployment.name), "namespace": .string(deployment.namespace),
        ]
        if let uid = deployment.metadata.uid { metadata["uid"] = .string(uid) }
        if let version = deployment.metadata.resourceVersion { metadata["resourceVersion"] = .string(version) }
        if let created = deployment.metadata.creationTimestamp { metadata["creationTimestamp"] = .string(created.description) }
        let selector = deployment.spec.selector.map(\.formatted) ?? ""
        return .object([
            "kind": .string("Scale"), "apiVersion": .string("autoscaling/v1"), "metadata": .object(metadata),
            "spec": .object(["replicas": .int(deployment.spec.desiredReplicas)]),
            "status": .object([
                "replicas": .int(deployment.status.replicas ?? 0),
                "selector": .string(selector == "<none>" ? "" : selector),
            ]),
        ])
    }
}
