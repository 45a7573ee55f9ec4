import KubeModel

extension WatchedObject {
    /// The object's `scale` subresource, an `autoscaling/v1` `Scale` (`replicas` in place of the desired count, as a
    /// write would store it).
    public func scaleSubresource(replicas: Int? = nil) -> JSONValue {
        let meta = metadata
        var fields: [String: JSONValue] = ["name": .string(name), "namespace": .string(namespace)]
        if let uid = meta.uid { fields["uid"] = .string(uid) }
        if let version = meta.resourceVersion { fields["resourceVersion"] = .string(version) }
        if let created = meta.creationTimestamp { fields["creationTimestamp"] = .string(created.description) }
        let desired: Int
        let current: Int
        let selector: String
        switch self {
        case .replicaSet(let rs):
            (desired, current, selector) = (rs.replicas, rs.status.replicas ?? 0, rs.spec.selector.formatted)
        case .deployment(let deployment):
            (desired, current) = (deployment.spec.desiredReplicas, deployment.status.replicas ?? 0)
            selector = deployment.spec.selector.map(\.formatted) ?? ""
        default:
            (desired, current, selector) = (0, 0, "")
        }
        return .object([
            "kind": .string("Scale"), "apiVersion": .string("autoscaling/v1"), "metadata": .object(fields),
            "spec": .object(["replicas": .int(replicas ?? desired)]),
            "status": .object([
                "replicas": .int(current),
                "selector": .string(selector == "<none>" ? "" : selector),
            ]),
        ])
    }
}
