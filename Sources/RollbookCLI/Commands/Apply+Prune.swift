import ControlPlane
import Foundation
import KubeModel
import Manifests

/// `kubectl apply --prune` (pkg/cmd/apply/prune.go): after the files are applied, every object of the prune kinds in
/// the namespaces they went to that the selector matches (every one with `--all`), that `apply` made (it has the
/// last-applied annotation) and that the files did not name is deleted, in the background.
extension Apply {
    /// `prune.Resource` entries kubectl knows by default, in its order (`defaultNamespacedPruneResources`, then
    /// the cluster-scoped ones); Rollbook holds only Pods, Deployments and ReplicaSets, so the others find nothing.
    static let defaultPruneKinds = [
        "core/v1/ConfigMap", "core/v1/Endpoints", "core/v1/PersistentVolumeClaim", "core/v1/Pod",
        "core/v1/ReplicationController", "core/v1/Secret", "core/v1/Service", "batch/v1/Job", "batch/v1/CronJob",
        "networking.k8s.io/v1/Ingress", "apps/v1/DaemonSet", "apps/v1/Deployment", "apps/v1/ReplicaSet",
        "apps/v1/StatefulSet", "core/v1/Namespace", "core/v1/PersistentVolume",
    ]
    /// Kinds a cluster serves that an allow-list may name (any other is `no matches for kind`).
    private static let servedKinds: Set<String> = Set(defaultPruneKinds).union([
        "core/v1/ServiceAccount", "core/v1/LimitRange", "core/v1/ResourceQuota", "core/v1/PodTemplate",
        "apps/v1/ControllerRevision", "autoscaling/v2/HorizontalPodAutoscaler", "autoscaling/v1/HorizontalPodAutoscaler",
        "policy/v1/PodDisruptionBudget", "networking.k8s.io/v1/NetworkPolicy", "rbac.authorization.k8s.io/v1/Role",
        "rbac.authorization.k8s.io/v1/RoleBinding", "rbac.authorization.k8s.io/v1/ClusterRole",
        "rbac.authorization.k8s.io/v1/ClusterRoleBinding", "storage.k8s.io/v1/StorageClass",
    ])

    /// `--prune`'s flags, checked as apply.go's Validate and the allow-list's parser do.
    func checkPruneFlags() throws -> [ResourceKind] {
        guard prune else { return [] }
        if serverSide {
            throw CommandError.client("--prune is in alpha and doesn't currently work on objects created by server-side apply")
        }
        if all && selector != nil { throw CommandError.client("cannot set --all and --selector at the same time") }
        if !all && selector == nil {
            throw CommandError.client("all resources selected for prune without explicitly passing --all. To prune all "
                + "resources, pass the --all flag. If you did not mean to prune all resources, specify a label selector")
        }
        for entry in pruneAllowlist where entry.split(separator: "/", omittingEmptySubsequences: false).count != 3 {
            throw CommandError.client("invalid GroupVersionKind format: \(entry), please follow <group/version/kind>")
        }
        for entry in pruneAllowlist where !Self.servedKinds.contains(entry) {
            let parts = entry.split(separator: "/", omittingEmptySubsequences: false)
            let version = parts[0] == "core" ? String(parts[1]) : "\(parts[0])/\(parts[1])"
            throw CommandError.client("no matches for kind \(goQuoted(String(parts[2]))) in version \(goQuoted(version))")
        }
        let listed = pruneAllowlist.isEmpty ? Self.defaultPruneKinds : pruneAllowlist
        var kinds: [ResourceKind] = []
        for entry in listed {
            let kind: ResourceKind? = switch entry {
            case "core/v1/Pod": .pod
            case "apps/v1/Deployment": .deployment
            case "apps/v1/ReplicaSet": .replicaSet
            default: nil
            }
            if let kind, !kinds.contains(kind) { kinds.append(kind) }
        }
        return kinds
    }

    /// Deletes (or for a dry run only names) what the files no longer hold.
    ///
    /// - Parameter applied: The objects applied: their resource (`deployment.apps`), namespace and name.
    func pruneAll(_ kinds: [ResourceKind], applied: [(resource: String, namespace: String, name: String)],
                  strategy: DryRunStrategy, plane: ControlPlane) throws
    {
        if pruneAllowlist.isEmpty {
            // klog's warning as GetRESTMappings maps the default kinds, after the files were applied: kubectl always
            // has a namespace, so it always says it.
            Output.err(try Self.klogWarning("prune.go:71", "Deprecated: kubectl apply will no longer prune non-namespaced "
                + "resources by default when used with the --namespace flag in a future release. To preserve the current "
                + "behaviour, list the resources you want to target explicitly in the --prune-allowlist flag."))
        }
        let query = try LabelQuery.parsing(selector)
        var namespaces: [String] = []
        for object in applied where !namespaces.contains(object.namespace) { namespaces.append(object.namespace) }
        for namespace in namespaces {
            for kind in kinds {
                let candidates = try plane.read { try kind.metadata(namespace: namespace, in: $0) }
                // The API server lists by name.
                for object in candidates.sorted(by: { $0.name.utf8.lexicographicallyPrecedes($1.name.utf8) }) {
                    guard object[annotation: AnnotationKey.lastApplied] != nil, query?.matches(object.labels ?? [:]) ?? true,
                        !applied.contains(where: { $0.resource == kind.qualifiedKind && $0.namespace == namespace && $0.name == object.name })
                    else { continue }
                    if strategy == .none {
                        switch kind {
                        case .deployment: try plane.delete(namespace: namespace, name: object.name, cascade: "background")
                        case .replicaSet: try plane.deleteReplicaSet(namespace: namespace, name: object.name, cascade: "background")
                        case .pod: try plane.deletePod(namespace: namespace, name: object.name)
                        case .resourceQuota: _ = try plane.deleteQuotas(namespace: namespace, names: [object.name], dryRun: false)
                        case .event: break
                        }
                    }
                    let resource = "\(kind.qualifiedKind)/\(object.name)"
                    Output.out(output == "name" ? resource + "\n" : "\(resource) \(strategy.operation("pruned"))\n")
                }
            }
        }
    }

    /// A klog warning line (`Lmmdd hh:mm:ss.uuuuuu threadid file:line] msg`), at the simulated time; the thread id
    /// is fixed so a session prints the same line every time.
    static func klogWarning(_ location: String, _ message: String) throws -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "MMdd HH:mm:ss.SSSSSS"
        let now = Date(timeIntervalSince1970: TimeInterval(try Environment.now().seconds))
        return "W\(formatter.string(from: now)) \(String(repeating: " ", count: 6))1 \(location)] \(message)\n"
    }
}
