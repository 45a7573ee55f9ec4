import ControlPlane
import Manifests

extension WatchedObject {
    /// The object a manifest describes, as a verb that works on files alone (`--local`) holds it.
    init(_ object: ManifestObject) {
        switch object {
        case .deployment(let deployment): self = .deployment(deployment)
        case .replicaSet(let manifest): self = .replicaSet(manifest.replicaSet)
        case .pod(let pod): self = .pod(pod)
        case .resourceQuota(let quota): self = .resourceQuota(quota)
        }
    }
}

extension ResourceKind {
    /// The kind of object a manifest describes.
    init(_ object: ManifestObject) {
        switch object {
        case .deployment: self = .deployment
        case .replicaSet: self = .replicaSet
        case .pod: self = .pod
        case .resourceQuota: self = .resourceQuota
        }
    }
}
