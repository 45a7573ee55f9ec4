import Cluster
@testable import Controllers
import KubeModel
import Testing

/// Worked scenarios W1–W4 and W14 of the semantics digest (§10), asserted through the event log.
struct RollingUpdateScenarioTests {
    @Test func w1CreateThreeReplicasWithDefaults() throws {
        var s = Scenario(replicas: 3)
        s.settle()
        let a = s.replicaSetNames[0]
        #expect(s.scalingMessages() == ["Scaled up replica set \(a) to 3"])
        let rs = try #require(s.stream.replicaSets[a])
        #expect(rs.metadata.annotations?[AnnotationKey.revision] == "1")
        #expect(rs.metadata.annotations?[AnnotationKey.desiredReplicas] == "3")
        #expect(rs.metadata.annotations?[AnnotationKey.maxReplicas] == "4")
        #expect(s.deployment.metadata.annotations?[AnnotationKey.revision] == "1")
        let status = s.deployment.status
        #expect([status.replicas, status.updatedReplicas, status.readyReplicas, status.availableReplicas] == [3, 3, 3, 3])
        #expect(status.unavailableReplicas == nil)
        #expect(status.observedGeneration == 1)
        #expect(status.conditions?.map { "\($0.type) \($0.status) \($0.reason ?? "")" } == [
            "Available True MinimumReplicasAvailable", "Progressing True NewReplicaSetAvailable",
        ])
    }

    @Test func w1FirstSyncConditionsBeforePodsAreReady() {
        var s = Scenario(replicas: 3)
        s.reconciler.syncDeployment()
        #expect(s.deployment.status.conditions?.map { "\($0.type) \($0.status) \($0.reason ?? "")" } == [
            "Progressing True NewReplicaSetCreated", "Available False MinimumReplicasUnavailable",
        ])
    }

    @Test func w2RollingUpdateThreeReplicasDefaults() {
        var s = Scenario(replicas: 3)
        s.settle()
        s.tick()
        let mark = s.mark
        s.setImage("nginx:2.0")
        s.settle()
        let (a, b) = (s.replicaSetNames[0], s.replicaSetNames[1])
        #expect(s.scalingMessages(since: mark) == [
            "Scaled up replica set \(b) to 1",
            "Scaled down replica set \(a) to 2 from 3",
            "Scaled up replica set \(b) to 2 from 1",
            "Scaled down replica set \(a) to 1 from 2",
            "Scaled up replica set \(b) to 3 from 2",
            "Scaled down replica set \(a) to 0 from 1",
        ])
        #expect(s.deployment.metadata.annotations?[AnnotationKey.revision] == "2")
        #expect(s.stream.replicaSets[b]?.revision == 2)
        #expect(s.deployment.status.conditions?.last?.message == "ReplicaSet \"\(b)\" has successfully progressed.")
    }

    @Test func w3TenReplicasTwentyFivePercent() {
        var s = Scenario(replicas: 10)
        s.settle()
        s.tick()
        let mark = s.mark
        s.setImage("nginx:2.0")
        s.settle()
        let (a, b) = (s.replicaSetNames[0], s.replicaSetNames[1])
        #expect(s.scalingMessages(since: mark) == [
            "Scaled up replica set \(b) to 3",
            "Scaled down replica set \(a) to 8 from 10",
            "Scaled up replica set \(b) to 5 from 3",
            "Scaled down replica set \(a) to 3 from 8",
            "Scaled up replica set \(b) to 10 from 5",
            "Scaled down replica set \(a) to 0 from 3",
        ])
        #expect(s.sizeTrajectory(since: mark) == [[10, 3], [8, 3], [8, 5], [3, 5], [3, 10], [0, 10]])
    }

    @Test func w4MaxSurgeZeroMaxUnavailableOne() {
        var s = Scenario(replicas: 3, surge: .int(0), unavailable: .int(1))
        s.settle()
        s.tick()
        let mark = s.mark
        s.setImage("nginx:2.0")
        s.settle()
        let (a, b) = (s.replicaSetNames[0], s.replicaSetNames[1])
        #expect(s.scalingMessages(since: mark) == [
            "Scaled down replica set \(a) to 2 from 3",
            "Scaled up replica set \(b) to 1 from 0",
            "Scaled down replica set \(a) to 1 from 2",
            "Scaled up replica set \(b) to 2 from 1",
            "Scaled down replica set \(a) to 0 from 1",
            "Scaled up replica set \(b) to 3 from 2",
        ])
    }

    @Test func w14FencepostOneReplica() {
        var s = Scenario(replicas: 1, surge: .string("0%"), unavailable: .string("25%"))
        s.settle()
        s.tick()
        let mark = s.mark
        s.setImage("nginx:2.0")
        s.settle()
        let (a, b) = (s.replicaSetNames[0], s.replicaSetNames[1])
        #expect(s.scalingMessages(since: mark) == [
            "Scaled down replica set \(a) to 0 from 1", "Scaled up replica set \(b) to 1 from 0",
        ])
    }

    @Test func w14ZeroReplicasIsAvailableAtOnce() {
        var s = Scenario(replicas: 0)
        s.settle()
        let rs = s.stream.replicaSets.values.first
        #expect(rs?.metadata.annotations?[AnnotationKey.maxReplicas] == "0")
        #expect(s.deployment.status.condition("Available")?.status == "True")
        #expect(s.scalingMessages().isEmpty)
    }

    @Test func rollingUpdateNeverExceedsSurgeOrUnavailableBounds() {
        var s = Scenario(replicas: 10)
        s.settle()
        s.tick()
        let mark = s.mark
        s.setImage("nginx:2.0")
        s.settle()
        for sizes in s.sizeTrajectory(since: mark) {
            #expect(sizes.reduce(0, +) <= 13)
        }
    }
}
