import Cluster
import Controllers
import KubeModel
import Testing

/// W9: how `scale()` distributes a change over several active ReplicaSets, built directly as states.
struct ProportionalLeftoverTests {
    /// A paused Deployment (so only `scale()` runs) owning ReplicaSets of the given sizes, oldest first,
    /// all annotated as written when `spec.replicas` was `annotatedReplicas`.
    static func paused(sizes: [Int], annotatedReplicas: Int) -> Scenario {
        var s = Scenario(replicas: annotatedReplicas)
        s.user(.deploymentPaused(Empty()))
        let d = s.deployment
        for (index, size) in sizes.enumerated() {
            var template = d.spec.template
            template.spec.containers = [Container(name: "web", image: "nginx:1.\(index)")]
            let hash = "hash\(index)"
            template.metadata.labels?[AnnotationKey.podTemplateHash] = hash
            var meta = ObjectMeta(name: "web-\(hash)", namespace: "default", labels: template.metadata.labels)
            meta.uid = "uid-rs-\(index)"
            meta.generation = 1
            meta.creationTimestamp = Scenario.start.adding(seconds: Int64(index))
            meta.ownerReferences = [OwnerReference(apiVersion: "apps/v1", kind: "Deployment", name: "web", uid: "uid-web")]
            meta.annotations = [
                AnnotationKey.revision: String(index + 1),
                AnnotationKey.desiredReplicas: String(annotatedReplicas),
                AnnotationKey.maxReplicas: String(annotatedReplicas + 3),
            ]
            var selector = d.spec.selector!
            selector.matchLabels?[AnnotationKey.podTemplateHash] = hash
            let rs = ReplicaSet(metadata: meta, spec: ReplicaSetSpec(
                replicas: size, minReadySeconds: nil, selector: selector, template: template))
            s.user(.replicaSetCreated(ReplicaSetObject(replicaSet: rs)))
        }
        return s
    }

    @Test func w9aLeftoverGoesToTheLargest() {
        var s = Self.paused(sizes: [6, 4], annotatedReplicas: 10)
        s.scale(to: 20)
        #expect(s.sizes == [17, 8])
    }

    @Test func w9bEqualSizesScaleUpNewerFirst() {
        var s = Self.paused(sizes: [5, 5], annotatedReplicas: 10)
        let mark = s.mark
        s.scale(to: 11)
        #expect(s.sizes == [5, 9])
        #expect(s.scalingMessages(since: mark) == ["Scaled up replica set web-hash1 to 9 from 5"])
        #expect(s.replicaSet(0).metadata.annotations?[AnnotationKey.desiredReplicas] == "11",
                "annotations are refreshed even where the size stays")
    }

    @Test func w9cThreeReplicaSetsCappedByWhatIsLeft() {
        var s = Self.paused(sizes: [4, 4, 5], annotatedReplicas: 10)
        let mark = s.mark
        s.scale(to: 20)
        #expect(s.sizes == [7, 8, 10])
        #expect(s.scalingMessages(since: mark) == [
            "Scaled up replica set web-hash2 to 10 from 5", "Scaled up replica set web-hash1 to 8 from 4",
            "Scaled up replica set web-hash0 to 7 from 4",
        ])
    }
}
