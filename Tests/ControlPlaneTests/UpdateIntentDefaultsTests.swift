import Cluster
import KubeModel
import Testing

@testable import ControlPlane

/// A template stored before a default existed (a probe without `timeoutSeconds`) must not read as changed when
/// the same manifest comes back defaulted: no update event, so no rollout.
struct UpdateIntentDefaultsTests {
    static func stored() -> Deployment {
        var container = Container(name: "web", image: "web:1")
        container.raw["readinessProbe"] = .object(["httpGet": .object(["port": .int(80)])])
        var d = Deployment(metadata: ObjectMeta(name: "web", namespace: "default"), spec: DeploymentSpec(replicas: 2))
        d.spec.template.spec.containers = [container]
        return d
    }

    @Test func onlyNewDefaultsIsNoUpdate() {
        let stored = Self.stored()
        #expect(stored.defaulted != stored, "the fixture lacks today's defaults")
        #expect(UpdateIntent.event(from: stored, to: stored.defaulted, rollback: false, replicaSets: []) == nil)
    }

    @Test func aRealChangeIsStillClassified() {
        let stored = Self.stored()
        var updated = stored.defaulted
        updated.spec.template.spec.containers[0].image = "web:2"
        #expect(UpdateIntent.event(from: stored, to: updated, rollback: false, replicaSets: [])
            == .imageSet(ImageSet(images: ["web": "web:2"], changeCause: nil)))
    }
}
