import Cluster
import KubeModel
import Testing

/// What an `ImageSet` event does to the Deployment it names: set_image.go changes containers and init containers.
struct ImageSetFoldTests {
    @Test func initContainersGetTheirImageFromNewEvents() throws {
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
        // An event written before init containers were set: its names reach containers only, as they did then.
        stream.apply(.imageSet(ImageSet(images: ["setup": "busybox:9"], changeCause: nil)), sequence: 2, at: now)
        #expect(stream.deployment?.spec.template.spec.initContainers.map(\.image) == ["busybox:1"])
        stream.apply(
            .imageSet(ImageSet(images: ["web": "web:2"], initImages: ["setup": "busybox:2"], changeCause: nil)),
            sequence: 3, at: now)
        let spec = try #require(stream.deployment).spec.template.spec
        #expect(spec.initContainers.map(\.image) == ["busybox:2"])
        #expect(spec.containers.map(\.image) == ["web:2", "x:1"])
        #expect(stream.deployment?.metadata.generation == 2)
        #expect(stream.deployment?.metadata.resourceVersion == "3")
    }

    /// An old payload (no `initImages`) decodes, and a new one without init images encodes as before.
    @Test func payloadsWithoutInitImagesAreUnchanged() throws {
        let old = try ClusterEvent(
            decoding: EncodedEvent(type: "DeploymentImageSet", schemaVersion: 1, payload: #"{"images":{"web":"web:2"}}"#))
        #expect(old == .imageSet(ImageSet(images: ["web": "web:2"], changeCause: nil)))
        let encoded = try ClusterEvent.imageSet(ImageSet(images: ["web": "web:2"], changeCause: nil)).encoded()
        #expect(!encoded.payload.contains("initImages"))
    }
}
