import Cluster
import KubeModel
import Testing

/// `delete rs --cascade=orphan`: the orphan finalizer strips the pods' owner references, and the ReplicaSet the
/// Deployment makes again claims them (`claimPods`) instead of starting new ones.
struct OrphanedPodsTests {
    @Test func aRecreatedReplicaSetAdoptsThePodsAnOrphaningDeleteLeft() throws {
        var scenario = Scenario(replicas: 2)
        scenario.settle()
        let rs = try #require(scenario.stream.replicaSets.values.first)
        let pods = Set(scenario.stream.pods.keys)
        #expect(pods.count == 2)

        let mark = scenario.mark
        scenario.user(.replicaSetDeleteRequested(ReplicaSetDeletion(name: rs.name, cascade: "orphan")))
        var orphaned = scenario.stream
        #expect(orphaned.replicaSets.isEmpty && orphaned.pods.values.allSatisfy { $0.metadata.ownerReferences == nil })
        scenario.settle()

        let again = try #require(scenario.stream.replicaSets[rs.name])
        #expect(again.metadata.uid != rs.metadata.uid, "a new object with the same name")
        #expect(Set(scenario.stream.pods.keys) == pods, "no pod created or deleted")
        for pod in scenario.stream.pods.values {
            #expect(pod.metadata.controllerRef?.uid == again.metadata.uid)
        }
        let adopted = scenario.reconciler.pending.dropFirst(mark).compactMap { pending -> String? in
            guard case .podAdopted(let adoption) = pending.event else { return nil }
            return adoption.name
        }
        #expect(Set(adopted) == pods)
        #expect(again.status.replicas == 2 && again.status.readyReplicas == 2)

        // Folding the same events gives the same state.
        orphaned = DeploymentStream(namespace: "default", name: "web")
        for pending in scenario.reconciler.pending { orphaned.apply(pending.event, sequence: pending.sequence, at: pending.time) }
        #expect(orphaned.pods == scenario.stream.pods)
    }

    @Test func aBackgroundDeleteTakesThePodsWithIt() throws {
        var scenario = Scenario(replicas: 2)
        scenario.settle()
        let rs = try #require(scenario.stream.replicaSets.values.first)
        let before = Set(scenario.stream.pods.keys)
        scenario.user(.replicaSetDeleteRequested(ReplicaSetDeletion(name: rs.name, cascade: "background")))
        scenario.settle()
        #expect(scenario.stream.pods.count == 2)
        #expect(Set(scenario.stream.pods.keys).isDisjoint(with: before), "the garbage collector took the old pods")
    }

    /// Events recorded before the cascade was decode as a background delete.
    @Test func anOldPayloadIsABackgroundDelete() throws {
        let old = try ClusterEvent(
            decoding: EncodedEvent(
                type: "ReplicaSetDeleteRequested", schemaVersion: ClusterEvent.currentSchemaVersion,
                payload: #"{"name":"web-1"}"#))
        guard case .replicaSetDeleteRequested(let deletion) = old else { Issue.record("decoded as \(old)"); return }
        #expect(deletion.name == "web-1" && deletion.cascade == nil)
        let new = try ClusterEvent.replicaSetDeleteRequested(ReplicaSetDeletion(name: "web-1", cascade: "orphan")).encoded()
        #expect(new.payload == #"{"cascade":"orphan","name":"web-1"}"#)
    }
}
