import Cluster
import Controllers
import KubeModel
import Testing

/// Worked scenarios W5 (Recreate), W11 (pause, scale, resume) and W12 (revisions and rollback renumbering).
struct RecreateAndPauseScenarioTests {
    @Test func w5RecreateScalesOldToZeroBeforeCreatingNew() throws {
        var s = Scenario(replicas: 3, recreate: true)
        s.settle()
        s.tick()
        let mark = s.mark
        s.setImage("nginx:2.0")
        s.settle()
        let (a, b) = (s.replicaSetNames[0], s.replicaSetNames[1])
        #expect(s.scalingMessages(since: mark) == [
            "Scaled down replica set \(a) to 0 from 3", "Scaled up replica set \(b) to 3",
        ])
        #expect(s.sizeTrajectory(since: mark) == [[0], [0, 3]])
        let newRS = try #require(s.stream.replicaSets[b])
        #expect(newRS.metadata.annotations?[AnnotationKey.maxReplicas] == "3")
    }

    /// Upstream's paused sync runs `scale()`, which tops a mid-rollout (8,3) back up to the surge limit
    /// (the leftover goes to the largest ReplicaSet) before the user's scale; the digest's W11 skips that
    /// sync. The sizes after `scale --replicas=20` and after resume are the same either way.
    @Test func w11PauseScaleResume() {
        var s = Scenario(replicas: 10)
        s.settle()
        s.tick()
        s.setImage("nginx:2.0")
        s.reconciler.step()
        #expect(s.stream.replicaSets.values.sortedByCreation().map(\.replicas) == [8, 3])
        s.user(.deploymentPaused(Empty()))
        s.settle()
        #expect(s.deployment.status.condition("Progressing")?.reason == "DeploymentPaused")
        #expect(s.deployment.status.condition("Progressing")?.status == "Unknown")
        #expect(s.stream.replicaSets.values.sortedByCreation().map(\.replicas) == [10, 3])
        let (a, b) = (s.replicaSetNames[0], s.replicaSetNames[1])
        var mark = s.mark
        s.user(.deploymentScaled(Scaled(from: 10, to: 20)))
        s.settle()
        #expect(s.scalingMessages(since: mark) == [
            "Scaled up replica set \(a) to 19 from 10", "Scaled up replica set \(b) to 6 from 3",
        ])
        mark = s.mark
        s.user(.deploymentResumed(Empty()))
        s.reconciler.step()
        #expect(s.deployment.status.conditions?.contains { $0.reason == "DeploymentResumed" } == true)
        s.settle()
        #expect(s.sizeTrajectory(since: mark) == [[9, 6], [9, 16], [0, 16], [0, 20]])
    }

    @Test func w12RollbackRenumbersTheReusedReplicaSet() throws {
        var s = Scenario(replicas: 2)
        s.settle()
        s.tick()
        s.setImage("nginx:2.0")
        s.settle()
        s.tick()
        s.setImage("nginx:3.0")
        s.settle()
        let (a, b, c) = (s.replicaSetNames[0], s.replicaSetNames[1], s.replicaSetNames[2])
        #expect([a, b, c].map { s.stream.replicaSets[$0]?.revision } == [1, 2, 3])
        // `rollout undo`: the second-highest revision (B) is the target; its template comes back.
        s.tick()
        s.rollback(to: b)
        #expect(s.stream.replicaSets[b]?.revision == 4)
        #expect(s.stream.replicaSets[b]?.metadata.annotations?[AnnotationKey.revisionHistory] == "2")
        #expect(s.deployment.metadata.annotations?[AnnotationKey.revision] == "4")
        #expect(s.historyRevisions == [1, 3, 4])
        s.tick()
        s.rollback(to: c)
        #expect(s.historyRevisions == [1, 4, 5])
        #expect(s.stream.replicaSets[c]?.metadata.annotations?[AnnotationKey.revisionHistory] == "3")
        s.tick()
        s.rollback(to: a)
        #expect(s.historyRevisions == [4, 5, 6])
        #expect(s.stream.replicaSets[a]?.metadata.annotations?[AnnotationKey.revisionHistory] == "1")
    }

    @Test func w13RevisionHistoryLimitDeletesLowestRevisions() {
        var s = Scenario(replicas: 1, revisionHistoryLimit: 2, images: ["v1", "v2", "v3", "v4"])
        s.settle()
        s.tick()
        s.setImage("v1")
        s.settle()
        for image in ["v2", "v3", "v4"] {
            s.tick()
            s.setImage(image)
            s.settle()
        }
        #expect(s.historyRevisions == [3, 4, 5])
    }
}

extension Scenario {
    /// What `rollout undo` sends: the ReplicaSet's template without the hash label.
    mutating func rollback(to name: String) {
        let rs = stream.replicaSets[name]!
        user(.deploymentRolledBack(RolledBack(
            toRevision: rs.revision ?? 0, template: rs.spec.template.withoutHashLabel,
            annotations: deployment.metadata.annotations ?? [:])))
        settle()
    }

    var historyRevisions: [Int] { stream.ownedReplicaSets.compactMap(\.revision).sorted() }
}
