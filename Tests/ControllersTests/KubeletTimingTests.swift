import Cluster
import Controllers
import KubeModel
import Testing

/// Simulated time on the node: startup delays, minReadySeconds, crash loops and pull back-off.
struct KubeletTimingTests {
    @Test func podsBecomeReadyAfterTheImageStartupDelay() {
        var s = Scenario(replicas: 2, image: "slow:1", images: [],
                         loaded: [ImageLoaded(image: "slow:1", startupSeconds: 30)])
        s.settle()
        #expect(s.deployment.status.readyReplicas == nil)
        #expect(s.stream.pods.values.allSatisfy { $0.status.phase == "Running" && !$0.isReady })
        s.advance(29)
        #expect(s.deployment.status.readyReplicas == nil)
        s.advance(1)
        #expect(s.deployment.status.readyReplicas == 2)
        #expect(s.deployment.status.condition("Progressing")?.reason == "NewReplicaSetAvailable")
    }

    @Test func minReadySecondsSeparatesReadyFromAvailable() {
        var s = Scenario(replicas: 3, minReadySeconds: 10)
        s.settle()
        #expect(s.deployment.status.readyReplicas == 3)
        #expect(s.deployment.status.availableReplicas == nil)
        #expect(s.deployment.status.condition("Available")?.status == "False")
        s.advance(10)
        #expect(s.deployment.status.availableReplicas == nil, "available only strictly after minReadySeconds")
        s.advance(1)
        #expect(s.deployment.status.availableReplicas == 3)
        #expect(s.deployment.status.condition("Available")?.status == "True")
    }

    /// The first exit is restarted at once; every later one waits out a back-off of 10s, doubling up to 5 minutes.
    @Test func crashingContainersBackOffDoublingUpToFiveMinutes() throws {
        var s = Scenario(replicas: 1, image: "crash:1", images: [],
                         loaded: [ImageLoaded(image: "crash:1", behaviour: .crash)])
        s.settle()
        s.advance(1)
        var container = try #require(s.stream.pods.values.first?.status.containerStatuses?.first)
        #expect(container.restartCount == 1 && container.state.running != nil && container.lastState.terminated != nil)
        var restarts: [Int] = []
        var waits: [String] = []
        var backOffs: [Int64] = []
        for _ in 0..<8 {
            s.advance(1)
            container = try #require(s.stream.pods.values.first?.status.containerStatuses?.first)
            restarts.append(container.restartCount)
            waits.append(container.state.waiting?.reason ?? "running")
            let timer = try #require(s.stream.containerTimers.values.first)
            backOffs.append(timer.due.seconds - s.clock.seconds)
            s.advance(timer.due.seconds - s.clock.seconds)
        }
        #expect(restarts == [1, 2, 3, 4, 5, 6, 7, 8])
        #expect(waits.allSatisfy { $0 == "CrashLoopBackOff" })
        #expect(backOffs == [10, 20, 40, 80, 160, 300, 300, 300])
        let timer = try #require(s.stream.containerTimers.values.first)
        #expect(timer.due.seconds - s.clock.seconds == 1, "running again, about to crash")
        #expect(s.deployment.status.readyReplicas == nil)
    }

    @Test func blockedImagesGoThroughImagePullBackOffUntilUnblocked() throws {
        var s = Scenario(replicas: 1, image: "private:1", images: [], blocked: ["private:1"])
        s.settle()
        var pod = try #require(s.stream.pods.values.first)
        #expect(pod.status.containerStatuses?.first?.state.waiting?.reason == "ErrImagePull")
        #expect(pod.status.phase == "Pending")
        s.advance(1)
        pod = try #require(s.stream.pods.values.first)
        #expect(pod.status.containerStatuses?.first?.state.waiting?.reason == "ImagePullBackOff")
        s.node(.imageUnblocked(ImageRef(image: "private:1")))
        s.advance(9)
        pod = try #require(s.stream.pods.values.first)
        #expect(pod.status.containerStatuses?.first?.state.running != nil)
        #expect(pod.isReady)
    }

    @Test func neverPullWaitsForTheImageToBeLoaded() throws {
        var s = Scenario(replicas: 1, image: "local:1", images: [])
        s.settle()
        var pod = try #require(s.stream.pods.values.first)
        #expect(pod.isReady, "IfNotPresent pulls an image the node does not have")
        var never = Scenario(replicas: 1, image: "local:1", images: [])
        never.user(.deploymentConfigured(DeploymentObject(deployment: never.deploymentWithPullPolicy("Never"))))
        never.settle()
        pod = try #require(never.stream.pods.values.first)
        #expect(pod.status.containerStatuses?.first?.state.waiting?.reason == "ErrImageNeverPull")
        never.node(.imageLoaded(ImageLoaded(image: "local:1")))
        pod = try #require(never.stream.pods.values.first)
        #expect(pod.isReady)
    }
}

extension Scenario {
    func deploymentWithPullPolicy(_ policy: String) -> Deployment {
        var d = deployment
        var containers = d.spec.template.spec.containers
        containers[0].raw["imagePullPolicy"] = .string(policy)
        d.spec.template.spec.containers = containers
        return d
    }
}
