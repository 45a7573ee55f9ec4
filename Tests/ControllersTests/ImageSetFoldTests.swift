import Cluster
import KubeModel
import Testing

/// What an `ImageSet` event does to the Deployment it names: set_image.go changes containers and init containers.
struct ImageSetFoldTests {
    @Test func initContainersGetTheirImageToo() throws {
        var template = PodTemplateSpec()
        template.metadata.labels = ["app": "web"]
        template.spec.initContainers = [Container(name: "setup", image: "busybox:1")]
        template.spec.containers = [Container(name: "web", image: "web:1"), Container(name: "setup-twin", image: "x:1")]
        var meta = ObjectMeta(name: "web", namespace: "default")
        meta.generation = 1
        let deployment = Deployment(
            metadata: meta, spec: DeploymentSpec(replicas: 1, selector: LabelSelector(matchLabels: ["app": "web"]), template: template))
        var stream = DeploymentStream(namespace: "default", name: "web")
        let now = Timestamp(seconds: 1_790_000_000)
        stream.apply(.deploymentCreated(DeploymentObject(deployment: deployment)), sequence: 1, at: now)
        stream.apply(.imageSet(ImageSet(images: ["setup": "busybox:2"], changeCause: nil)), sequence: 2, at: now)
        let spec = try #require(stream.deployment).spec.template.spec
        #expect(spec.initContainers.map(\.image) == ["busybox:2"])
        #expect(spec.containers.map(\.image) == ["web:1", "x:1"])
        #expect(stream.deployment?.metadata.generation == 2)
        #expect(stream.deployment?.metadata.resourceVersion == "2")
    }
}
