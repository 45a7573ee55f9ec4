import KubeModel
import Manifests

extension Deployment {
    /// The Deployment as the API server stores it: defaulted, then held in Go structs, where a zero that
    /// `omitempty` drops (`hostPort: 0`, `args: []`, `minReadySeconds: 0`) is no value at all. Templates that differ
    /// only so are one template: the same hash, and `rollout undo`'s re-encoded template still finds its ReplicaSet.
    mutating func admit() {
        applyDefaults()
        spec.template.spec.dropDisabledFields()
        spec.template.spec.raw = TypedObject.storedPodSpec(spec.template.spec.raw)
        if spec.minReadySeconds == 0 { spec.minReadySeconds = nil }
    }
}
