import Cluster
import Controllers
import KubeModel
import Testing

/// Pods with init containers: each runs to completion in turn (its image's startup delay is how long it runs), the
/// regular containers wait as `PodInitializing`, and the pod is Pending and not Initialized until they are done.
struct InitContainerScenarioTests {
    private static func scenario(init containers: [Container], loaded: [ImageLoaded]) -> Scenario {
        var s = Scenario(replicas: 1, image: "app:1", images: ["app:1"], loaded: loaded)
        var deployment = s.deployment
        deployment.spec.template.spec.initContainers = containers
        s.user(.deploymentConfigured(DeploymentObject(deployment: deployment)))
        return s
    }

    private var pod: (Scenario) throws -> Pod { { try #require($0.stream.pods.values.first) } }

    @Test func theAppStartsWhenTheInitContainerCompletes() throws {
        var s = Self.scenario(init: [Container(name: "migrate", image: "migrate:1")],
                              loaded: [ImageLoaded(image: "migrate:1", startupSeconds: 20)])
        s.settle()
        var p = try pod(s)
        #expect(p.status.phase == "Pending")
        #expect(p.status.containerStatuses?.first?.state.waiting?.reason == "PodInitializing")
        #expect(p.status.initContainerStatuses?.first?.state.running != nil)
        let initialized = try #require(p.status.condition("Initialized"))
        #expect(initialized.status == "False" && initialized.reason == "ContainersNotInitialized")
        #expect(initialized.message == "containers with incomplete status: [migrate]")
        s.advance(19)
        #expect(try pod(s).status.containerStatuses?.first?.state.running == nil)
        s.advance(1)
        p = try pod(s)
        let done = try #require(p.status.initContainerStatuses?.first)
        #expect(done.state.terminated?.exitCode == 0 && done.state.terminated?.reason == "Completed")
        #expect(done.ready && done.started == false)
        #expect(p.status.phase == "Running" && p.isReady)
        #expect(p.status.condition("Initialized")?.status == "True")
        #expect(s.deployment.status.readyReplicas == 1)
        let started = s.stream.events.values.filter { $0.reason == "Started" }.map(\.involvedObject.fieldPath)
        #expect(Set(started) == ["spec.initContainers{migrate}", "spec.containers{web}"])
    }

    @Test func aCrashingInitContainerBacksOffAndTheAppNeverStarts() throws {
        var s = Self.scenario(init: [Container(name: "migrate", image: "migrate:1")],
                              loaded: [ImageLoaded(image: "migrate:1", behaviour: .crash)])
        s.settle()
        s.advance(5)
        let p = try pod(s)
        let status = try #require(p.status.initContainerStatuses?.first)
        #expect(status.state.waiting?.reason == "CrashLoopBackOff" && status.restartCount == 1)
        #expect(p.status.containerStatuses?.first?.state.waiting?.reason == "PodInitializing")
        #expect(s.deployment.status.readyReplicas == nil)
    }

    /// The prober probes a sidecar too: one whose application answers late turns ready on its own schedule.
    @Test func aSidecarsReadinessProbeRunsOnItsPeriod() throws {
        var sidecar = Container(name: "proxy", image: "proxy:1")
        sidecar.raw["restartPolicy"] = .string("Always")
        sidecar.raw["readinessProbe"] = try JSONCodec.parse(#"{"tcpSocket":{"port":15000},"periodSeconds":10}"#)
        var s = Self.scenario(init: [sidecar], loaded: [ImageLoaded(image: "proxy:1", startupSeconds: 25)])
        s.settle()
        s.advance(29)
        #expect(try !pod(s).isReady)
        s.advance(1)
        #expect(try pod(s).isReady, "the probe at 30 s finds the application answering")
    }

    /// A sidecar that restarts after the regular containers started leaves the pod Running and Initialized, and
    /// the regular containers keep their lifecycle (GeneratePodInitializedCondition, getPhase).
    @Test func aSidecarRestartingLaterLeavesThePodInitialized() throws {
        var sidecar = Container(name: "proxy", image: "proxy:1")
        sidecar.raw["restartPolicy"] = .string("Always")
        var s = Self.scenario(init: [sidecar], loaded: [ImageLoaded(image: "proxy:1", behaviour: .crash)])
        s.settle()
        s.advance(40)
        let p = try pod(s)
        #expect(p.status.initContainerStatuses?.first?.state.waiting?.reason == "CrashLoopBackOff")
        #expect(p.status.phase == "Running" && p.status.condition("Initialized")?.status == "True")
        #expect(p.status.containerStatuses?.first?.state.running != nil)
    }

    @Test func aSidecarLetsTheNextInitContainerRunOnceItHasStarted() throws {
        var sidecar = Container(name: "proxy", image: "proxy:1")
        sidecar.raw["restartPolicy"] = .string("Always")
        var s = Self.scenario(
            init: [sidecar, Container(name: "wait", image: "wait:1")],
            loaded: [ImageLoaded(image: "proxy:1"), ImageLoaded(image: "wait:1", startupSeconds: 5)])
        s.settle()
        var p = try pod(s)
        #expect(p.status.initContainerStatuses?.map { $0.state.running != nil } == [true, true])
        s.advance(5)
        p = try pod(s)
        #expect(p.status.initContainerStatuses?.first?.state.running != nil, "the sidecar keeps running")
        #expect(p.status.initContainerStatuses?.last?.state.terminated?.reason == "Completed")
        #expect(p.isReady && p.status.condition("Ready")?.message == nil)
    }
}
