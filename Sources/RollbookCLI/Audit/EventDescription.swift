import Cluster
import KubeModel
import Store

/// The OBJECT and SUMMARY cells of `rollbook events`: which object an event is about, and what happened to
/// it, in one line.
struct EventDescription: Equatable {
    /// `deployment/web`, `replicaset/web-5d4f`, `pod/web-5d4f-x7k2p`, `image/nginx:1`
    var object: String
    var summary: String

    init(object: String, summary: String) {
        self.object = object
        self.summary = summary
    }

    init(_ logged: LoggedEvent) {
        let deployment = "deployment/" + (StreamID(rawValue: logged.row.streamID).deploymentKey?.name ?? "?")
        guard let event = try? ClusterEvent(decoding: logged.encoded) else {
            self.init(object: deployment, summary: "(payload does not decode as \(logged.row.type))")
            return
        }
        switch event {
        case .imageLoaded(let p):
            self.init(
                object: "image/\(p.image)", summary: "loaded (startup \(p.startupSeconds)s, \(p.behaviour.rawValue))")
        case .imageRemoved(let p): self.init(object: "image/\(p.image)", summary: "removed")
        case .imageBlocked(let p): self.init(object: "image/\(p.image)", summary: "pulls blocked")
        case .imageUnblocked(let p): self.init(object: "image/\(p.image)", summary: "pulls unblocked")
        case .deploymentCreated(let p):
            self.init(object: deployment, summary: "created (\(Self.shape(p.deployment)))" + Self.applied(p.serverSideApply))
        case .deploymentConfigured(let p):
            self.init(object: deployment, summary: "configured (\(Self.shape(p.deployment)))" + Self.applied(p.serverSideApply))
        case .imageSet(let p):
            let images = p.images.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }.joined(separator: ", ")
            self.init(object: deployment, summary: "image \(images)" + (p.changeCause.map { " (cause: \($0))" } ?? ""))
        case .deploymentScaled(let p): self.init(object: deployment, summary: "scaled \(p.from) → \(p.to)")
        case .deploymentPaused: self.init(object: deployment, summary: "paused")
        case .deploymentResumed: self.init(object: deployment, summary: "resumed")
        case .deploymentRolledBack(let p):
            self.init(object: deployment, summary: "rolled back to revision \(p.toRevision)")
        case .deploymentAnnotated(let p):
            let changes = p.set.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
                + p.removed.sorted().map { "\($0)-" }
            self.init(object: deployment, summary: "annotated " + changes.joined(separator: " "))
        case .deploymentRestarted(let p): self.init(object: deployment, summary: "restarted at \(p.restartedAt)")
        case .deploymentDeleted(let p): self.init(object: deployment, summary: "deleted (cascade \(p.cascade))")
        case .deploymentStatusUpdated(let p):
            let s = p.status
            self.init(
                object: deployment,
                summary: "status: \(s.replicas ?? 0) replicas, \(s.updatedReplicas ?? 0) updated, "
                    + "\(s.readyReplicas ?? 0) ready, \(s.availableReplicas ?? 0) available")
        case .deploymentRevisionSet(let p): self.init(object: deployment, summary: "revision \(p.revision)")
        case .replicaSetCreated(let p):
            let rs = p.replicaSet
            let revision = rs.revision.map { "revision \($0), " } ?? ""
            self.init(
                object: "replicaset/\(rs.name)", summary: "created (\(revision)\(Self.count(rs.replicas, "replica")))")
        case .replicaSetConfigured(let p):
            let rs = p.replicaSet
            // A created ReplicaSet has no resourceVersion yet; a changed one carries the one it replaced.
            let verb = rs.metadata.resourceVersion == nil ? "created" : "changed"
            self.init(
                object: "replicaset/\(rs.name)",
                summary: "\(verb) by user (\(Self.count(rs.replicas, "replica")))" + Self.applied(p.serverSideApply))
        case .replicaSetScaled(let p):
            self.init(object: "replicaset/\(p.name)", summary: "scaled \(p.from) → \(p.to)")
        case .replicaSetAnnotated(let p):
            let revision = p.annotations[AnnotationKey.revision].map { " (revision \($0))" } ?? ""
            self.init(object: "replicaset/\(p.name)", summary: "annotated\(revision)")
        case .replicaSetStatusUpdated(let p):
            let s = p.status
            self.init(
                object: "replicaset/\(p.name)",
                summary: "status: \(s.replicas ?? 0) replicas, \(s.readyReplicas ?? 0) ready, "
                    + "\(s.availableReplicas ?? 0) available")
        case .replicaSetOrphaned(let p): self.init(object: "replicaset/\(p.name)", summary: "orphaned")
        case .replicaSetAdopted(let p):
            let owner = "\(p.owner.kind.lowercased())/\(p.owner.name)"
            self.init(object: "replicaset/\(p.name)", summary: "adopted by \(owner)")
        case .replicaSetDeleted(let p): self.init(object: "replicaset/\(p.name)", summary: "deleted")
        case .replicaSetReleased(let p):
            let claimer = StreamID(rawValue: p.to).deploymentKey.map { "deployment/\($0.name)" } ?? p.to
            self.init(object: "replicaset/\(p.name)", summary: "claimed by \(claimer), with its pods")
        case .replicaSetTransferred(let p):
            let source = StreamID(rawValue: p.from).deploymentKey.map { "deployment/\($0.name)" } ?? p.from
            self.init(
                object: "replicaset/\(p.replicaSet.name)",
                summary: "claimed from \(source)'s stream, with \(p.pods.count) pod\(p.pods.count == 1 ? "" : "s")")
        case .podsReleased(let p):
            let claimer = StreamID(rawValue: p.to).deploymentKey.map { "the stream of \($0.name)" } ?? p.to
            self.init(object: "pod/\(p.names.joined(separator: ","))", summary: "claimed, moving to \(claimer)")
        case .podsTransferred(let p):
            let source = StreamID(rawValue: p.from).deploymentKey.map { "the stream of \($0.name)" } ?? p.from
            self.init(object: "pod/\(p.pods.map(\.name).joined(separator: ","))", summary: "claimed from \(source)")
        case .podCreated(let p):
            let owner = p.pod.metadata.controllerRef.map { " by \($0.kind.lowercased())/\($0.name)" } ?? ""
            self.init(object: "pod/\(p.pod.name)", summary: "created\(owner)")
        case .podStatusUpdated(let p): self.init(object: "pod/\(p.name)", summary: Self.podState(p.status))
        case .podConfigured(let p):
            // As for a ReplicaSet: a created Pod has no resourceVersion yet; a changed one carries the one it replaced.
            let verb = p.pod.metadata.resourceVersion == nil ? "created" : "changed"
            self.init(object: "pod/\(p.pod.name)", summary: "\(verb) by user")
        case .podOrphaned(let p): self.init(object: "pod/\(p.name)", summary: "released (labels no longer match)")
        case .podBound(let p): self.init(object: "pod/\(p.name)", summary: "bound to node/\(p.nodeName)")
        case .podAdopted(let p):
            self.init(object: "pod/\(p.name)", summary: "adopted by \(p.owner.kind.lowercased())/\(p.owner.name)")
        case .podDeleted(let p): self.init(object: "pod/\(p.name)", summary: "deleted")
        case .podDeleteRequested(let p): self.init(object: "pod/\(p.name)", summary: "deleted by user")
        case .replicaSetDeleteRequested(let p):
            let orphaning = p.cascade == "orphan" ? " (its pods orphaned)" : ""
            self.init(object: "replicaset/\(p.name)", summary: "deleted by user\(orphaning)")
        case .kubeEventRecorded(let e):
            let involved = e.involvedObject
            self.init(object: "\(involved.kind.lowercased())/\(involved.name)", summary: e.message)
        case .resourceQuotaWritten(let quota):
            let verb = quota.metadata.resourceVersion == nil ? "created" : "changed"
            self.init(object: "resourcequota/\(quota.name)", summary: "\(verb) (hard \(Self.listed(quota.spec.hard)))")
        case .resourceQuotaStatusUpdated(let p), .resourceQuotaStatusWritten(let p):
            self.init(
                object: "resourcequota/\(p.name)",
                summary: "status: hard \(Self.listed(p.status.hard)); used \(Self.listed(p.status.used))")
        case .resourceQuotaDeleted(let p): self.init(object: "resourcequota/\(p.name)", summary: "deleted")
        }
    }

    /// `pods=2, requests.cpu=1`
    private static func listed(_ list: [String: String]?) -> String {
        let entries = (list ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
        return entries.isEmpty ? "none" : entries.joined(separator: ", ")
    }

    /// `2 replicas, nginx:1.27`
    /// How a server-side apply wrote: ` by server-side apply (kubectl)`, or kubectl's upgrade of client-side apply.
    private static func applied(_ request: ServerSideApply?) -> String {
        guard let request else { return "" }
        if let from = request.upgradedFrom {
            return " by upgrading \(from.joined(separator: ", ")) to server-side apply (\(request.manager))"
        }
        return " by server-side apply (\(request.manager))"
    }

    private static func shape(_ deployment: Deployment) -> String {
        let images = deployment.spec.template.spec.containers.map(\.image).joined(separator: ",")
        return count(deployment.spec.desiredReplicas, "replica") + ", " + images
    }

    /// `Running, ready` / `Pending, not ready (ContainerCreating)` / `Running, not ready (CrashLoopBackOff)`
    private static func podState(_ status: PodStatus) -> String {
        let ready = status.condition("Ready")?.status == "True"
        let reason = status.containerStatuses?.compactMap { $0.state.waiting?.reason }.first
        return "\(status.phase ?? "Unknown"), " + (ready ? "ready" : "not ready") + (reason.map { " (\($0))" } ?? "")
    }

    private static func count(_ n: Int, _ noun: String) -> String { "\(n) \(noun)\(n == 1 ? "" : "s")" }
}
