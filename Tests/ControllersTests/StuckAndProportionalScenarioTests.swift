import Cluster
import Controllers
import KubeModel
import Testing

/// Worked scenarios W6–W10 of the semantics digest: stuck rollouts, the progress deadline, proportional
/// scaling with its rounding and leftovers, and rollover.
struct StuckAndProportionalScenarioTests {
    /// d=10, 25%/25%, the new image never becomes ready: stuck at (8,5).
    static func stuck(surge: IntOrString? = nil, unavailable: IntOrString? = nil) -> Scenario {
        var s = Scenario(replicas: 10, surge: surge, unavailable: unavailable,
                         loaded: [ImageLoaded(image: "bad:1", behaviour: .neverReady)])
        s.settle()
        s.tick()
        s.setImage("bad:1")
        s.settle()
        return s
    }

    @Test func w6StuckRolloutStatusAndDeadline() throws {
        var s = Self.stuck()
        #expect(s.sizes == [8, 5])
        let status = s.deployment.status
        #expect([status.replicas, status.updatedReplicas, status.readyReplicas, status.availableReplicas,
                 status.unavailableReplicas] == [13, 5, 8, 8, 5])
        #expect(status.condition("Available")?.status == "True")
        #expect(status.condition("Progressing")?.reason == "ReplicaSetUpdated")
        s.advance(600)
        #expect(s.deployment.status.condition("Progressing")?.reason == "ReplicaSetUpdated",
                "the deadline has not passed strictly yet")
        s.advance(1)
        let progressing = try #require(s.deployment.status.condition("Progressing"))
        #expect(progressing.status == "False")
        #expect(progressing.reason == "ProgressDeadlineExceeded")
        #expect(progressing.message == "ReplicaSet \"\(s.replicaSet(1).name)\" has timed out progressing.")
        #expect(s.sizes == [8, 5])
    }

    @Test func w7ProportionalScaleUpAndBackDuringAStuckRollout() throws {
        var s = Self.stuck()
        let (a, b) = (s.replicaSet(0).name, s.replicaSet(1).name)
        var mark = s.mark
        s.scale(to: 15)
        #expect(s.sizes == [12, 7])
        #expect(s.scalingMessages(since: mark) == [
            "Scaled up replica set \(a) to 12 from 8", "Scaled up replica set \(b) to 7 from 5",
        ])
        for index in 0..<2 {
            #expect(s.replicaSet(index).metadata.annotations?[AnnotationKey.desiredReplicas] == "15")
            #expect(s.replicaSet(index).metadata.annotations?[AnnotationKey.maxReplicas] == "19")
        }
        mark = s.mark
        s.scale(to: 10)
        #expect(s.sizes == [8, 5])
        #expect(s.scalingMessages(since: mark) == [
            "Scaled down replica set \(a) to 8 from 12", "Scaled down replica set \(b) to 5 from 7",
        ])
    }

    @Test func w8DocumentationExampleSurgeThreeUnavailableTwo() {
        var s = Self.stuck(surge: .int(3), unavailable: .int(2))
        #expect(s.sizes == [8, 5])
        s.scale(to: 15)
        #expect(s.sizes == [11, 7])
    }

    @Test func w9dScaleToZeroMidRollout() {
        var s = Self.stuck()
        s.scale(to: 0)
        #expect(s.sizes == [0, 0])
    }

    @Test func w10RolloverCutsTheUnhealthySurgeFirst() {
        var s = Scenario(replicas: 10, loaded: [ImageLoaded(image: "bad:1", behaviour: .neverReady)])
        s.settle()
        s.tick()
        s.setImage("bad:1")
        s.reconciler.step()
        #expect(s.sizes == [8, 3])
        s.tick()
        let mark = s.mark
        s.setImage("nginx:3.0")
        s.reconciler.step()
        let (b, c) = (s.replicaSet(1).name, s.replicaSet(2).name)
        #expect(s.sizes == [8, 0, 2])
        #expect(s.scalingMessages(since: mark) == [
            "Scaled up replica set \(c) to 2", "Scaled down replica set \(b) to 0 from 3",
        ])
        s.settle()
        #expect(s.sizeTrajectory(since: mark) == [[8, 3, 2], [8, 0, 2], [8, 0, 5], [3, 0, 5], [3, 0, 10], [0, 0, 10]])
        #expect((0..<3).map { s.replicaSet($0).revision } == [1, 2, 3])
    }
}
