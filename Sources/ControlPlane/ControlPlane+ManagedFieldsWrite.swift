import Cluster
import KubeModel
import Manifests
import Store

extension ControlPlane {
    /// A write of `metadata.managedFields` alone, as kubectl sends it after a server-side apply (client-go's csaupgrade:
    /// a JSON patch replacing the list, with the `resourceVersion` it read as a precondition). Field ownership is
    /// rebuilt from the log, so the one such write taken is that upgrade: client-side apply's Update managers merged
    /// into an Apply manager's entry, recorded as an event. Any other list is refused.
    public func writeManagedFields(
        _ entries: JSONValue, of resource: WrittenKind, name: String, namespace: String, resourceVersion: String?,
        dryRun: Bool
    ) throws -> WatchedObject {
        try simulating(dryRun: dryRun) { simulation in
            let id = resource == .deployment
                ? StreamID.deployment(namespace: namespace, name: name)
                : try simulation.streamHolding(replicaSet: name, namespace: namespace) ?? .deployment(namespace: namespace, name: name)
            let stream = try simulation.stream(id)
            let qualified = resource == .deployment ? Resource.deployments : Resource.replicaSets
            let live: WatchedObject? = resource == .deployment
                ? stream.deployment.map(WatchedObject.deployment) : stream.replicaSets[name].map(WatchedObject.replicaSet)
            guard let live else { throw CommandError.notFound(qualified, name) }
            if let resourceVersion, resourceVersion != live.metadata.resourceVersion {
                throw CommandError.conflict(qualified, name)
            }
            let fields = try managedFields(of: resource, name: name, in: id, simulation: simulation)
            // A dry run stores nothing, and kube-apiserver takes the list it is given: nothing to check.
            if dryRun || Self.sameEntries(fields.json, entries) { return live }
            guard let (clientSide, manager) = Self.upgrade(from: fields.json, to: entries) else {
                throw Self.managedFieldsRefused(live)
            }
            var upgraded = fields
            upgraded.upgrade(from: clientSide, to: manager)
            guard Self.sameEntries(upgraded.json, entries) else { throw Self.managedFieldsRefused(live) }
            let record = ServerSideApply(manager: manager, upgradedFrom: clientSide)
            let event: ClusterEvent = switch live {
            case .replicaSet(let replicaSet): .replicaSetConfigured(ReplicaSetObject(replicaSet: replicaSet, serverSideApply: record))
            default: .deploymentConfigured(DeploymentObject(deployment: try simulation.stream(id).deployment!, serverSideApply: record))
            }
            var answer = live
            try simulation.apply([event], to: id, actor: actor, at: now) { stream in
                if let stored = resource == .deployment
                    ? stream.deployment.map(WatchedObject.deployment) : stream.replicaSets[name].map(WatchedObject.replicaSet)
                {
                    answer = stored
                }
            }
            return dryRun ? live : answer
        }
    }

    /// The Update managers the new list drops and the Apply manager that takes their place.
    private static func upgrade(from current: JSONValue, to entries: JSONValue) -> ([String], String)? {
        func keys(_ list: JSONValue, operation: String) -> Set<String> {
            Set((list.arrayValue ?? []).filter {
                $0["operation"]?.stringValue == operation && $0["subresource"] == nil
            }.compactMap { $0["manager"]?.stringValue })
        }
        let dropped = keys(current, operation: "Update").subtracting(keys(entries, operation: "Update"))
        let appliers = keys(entries, operation: "Apply")
        let changed = appliers.filter { name in
            let entry = { (list: JSONValue) in
                list.arrayValue?.first { $0["manager"]?.stringValue == name && $0["operation"]?.stringValue == "Apply" }
            }
            return entry(current)?["fieldsV1"] != entry(entries)?["fieldsV1"]
        }
        guard !dropped.isEmpty, changed.count == 1, let manager = changed.first else { return nil }
        return (dropped.sorted(), manager)
    }

    /// Whether two `managedFields` lists hold the same entries, in any order.
    private static func sameEntries(_ a: JSONValue, _ b: JSONValue) -> Bool {
        func sorted(_ list: JSONValue) -> [String] { (list.arrayValue ?? []).map(\.canonicalJSON).sorted() }
        return sorted(a) == sorted(b)
    }

    private static func managedFieldsRefused(_ live: WatchedObject) -> CommandError {
        let error = FieldError(
            .forbidden, "metadata.managedFields",
            detail: "Rollbook rebuilds field ownership from its log and takes a managedFields write only as kubectl's "
                + "upgrade of client-side apply managers")
        let kind = live.kindAndGroup.split(separator: ".").first.map(String.init) ?? "Deployment"
        return CommandError.invalid(live.name, [error], kind: kind)
    }
}
