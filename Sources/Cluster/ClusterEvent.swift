import KubeModel

/// Every fact Rollbook records. User mutations carry what the user asked for; controller steps carry
/// their resulting values, so folding the log never needs to re-run a controller.
public enum ClusterEvent: Sendable, Hashable {
    // The simulated node's image cache.
    case imageLoaded(ImageLoaded)
    case imageRemoved(ImageRef)
    case imageBlocked(ImageRef)
    case imageUnblocked(ImageRef)
    // User mutations of a Deployment.
    case deploymentCreated(DeploymentObject)
    case deploymentConfigured(DeploymentObject)
    case imageSet(ImageSet)
    case deploymentScaled(Scaled)
    case deploymentPaused(Empty)
    case deploymentResumed(Empty)
    case deploymentRolledBack(RolledBack)
    case deploymentAnnotated(Annotated)
    case deploymentRestarted(Restarted)
    case deploymentDeleted(Deleted)
    /// `kubectl delete pod` / `delete rs`: a user removing a controller-owned object.
    case podDeleteRequested(ObjectName)
    case replicaSetDeleteRequested(ReplicaSetDeletion)
    /// A user's write of a ReplicaSet of their own (`create -f`, `scale rs`, …): the object as the API server
    /// stores it. It creates the ReplicaSet when the stream has none of the name, else replaces its labels,
    /// annotations and spec.
    case replicaSetConfigured(ReplicaSetObject)
    /// A user's write of a Pod of their own (`create -f pod.yaml`, `label pod`, …): the object as the API server
    /// stores it. It creates the Pod when the stream has none of the name, else replaces its labels, annotations and
    /// owner references.
    case podConfigured(PodObject)
    // Controller steps.
    case deploymentStatusUpdated(StatusUpdated)
    case deploymentRevisionSet(RevisionSet)
    case replicaSetCreated(ReplicaSetObject)
    case replicaSetScaled(ReplicaSetScaled)
    case replicaSetAnnotated(ReplicaSetAnnotated)
    case replicaSetStatusUpdated(ReplicaSetStatusUpdated)
    case replicaSetOrphaned(ObjectName)
    case replicaSetAdopted(Adoption)
    /// `getReplicaSetsForDeployment` of another stream's Deployment claimed this orphaned ReplicaSet: it leaves this
    /// stream, with the Pods it controls and their kubelet timers.
    case replicaSetReleased(ReplicaSetRelease)
    /// The other half: the orphaned ReplicaSet, as it was, joins the stream of the Deployment that claims it,
    /// whose controller then adopts it (``replicaSetAdopted(_:)``).
    case replicaSetTransferred(ReplicaSetTransfer)
    case replicaSetDeleted(ObjectName)
    /// A ReplicaSet of another stream claimed these orphaned Pods (`claimPods`): they leave this stream, with their
    /// kubelet timers.
    case podsReleased(PodsRelease)
    /// The other half: the orphaned Pods, as they were, join the stream of the ReplicaSet that claims them, whose
    /// controller then adopts them (``podAdopted(_:)``).
    case podsTransferred(PodsTransfer)
    case podCreated(PodObject)
    case podStatusUpdated(PodStatusUpdated)
    /// The ReplicaSet controller's `claimPods`: an orphaned Pod its selector matches becomes its own.
    case podAdopted(Adoption)
    /// `claimPods`' release: a Pod relabelled out of its ReplicaSet's selector loses its controller reference.
    case podOrphaned(ObjectName)
    /// The scheduler binds a Pod it could not place before (one it places at once is created bound).
    case podBound(PodBinding)
    case podDeleted(ObjectName)
    case kubeEventRecorded(KubeEvent)
    // ResourceQuotas (their own stream, ``StreamID/quotas``).
    /// A user's create or update of a quota: the object as the API server stores it.
    case resourceQuotaWritten(ResourceQuota)
    /// The quota controller's count of what the namespace uses (`status.used`), or its copy of `spec.hard`.
    case resourceQuotaStatusUpdated(QuotaStatusUpdated)
    /// A user's write of a quota's `status` subresource, which the controller's next full resync counts over.
    case resourceQuotaStatusWritten(QuotaStatusUpdated)
    case resourceQuotaDeleted(NamespacedName)

    /// True for events a user command appends; false for controller, kubelet and GC steps.
    public var isUserMutation: Bool {
        switch self {
        case .imageLoaded, .imageRemoved, .imageBlocked, .imageUnblocked, .deploymentCreated, .deploymentConfigured, .imageSet, .deploymentScaled,
            .deploymentPaused, .deploymentResumed, .deploymentRolledBack, .deploymentAnnotated, .deploymentRestarted,
            .deploymentDeleted, .podDeleteRequested, .replicaSetDeleteRequested, .replicaSetConfigured,
            .podConfigured, .resourceQuotaWritten, .resourceQuotaDeleted, .resourceQuotaStatusWritten:
            return true
        default:
            return false
        }
    }
}
