import Cluster
import KubeModel
import Testing

/// `ActivePodsWithRanks` with LogarithmicScaleDown (on since 1.22): among pods alike in everything else, a
/// scale-down removes the newer first, comparing ages on a log2 scale of nanoseconds, and pods whose ages fall in
/// one bucket go by lower UID.
struct ScaleDownOrderTests {
    /// `replicas` pods created at the start, one more `later` seconds after; scaled back down at 100 s.
    static func deletedPod(
        replicas: Int = 2, thirdPodAfter later: Int64
    ) throws -> (deleted: String, third: String, lowestUID: String) {
        var scenario = Scenario(replicas: replicas, image: "bad:1", blocked: ["bad:1"])
        scenario.settle()
        scenario.tick(later)
        let first = Set(scenario.stream.pods.keys)
        scenario.scale(to: replicas + 1)
        let third = try #require(Set(scenario.stream.pods.keys).subtracting(first).first)
        let pods = scenario.stream.pods.values
        let lowestUID = try #require(pods.min { ($0.metadata.uid ?? "") < ($1.metadata.uid ?? "") }).name
        #expect(pods.allSatisfy { !$0.isReady && $0.status.phase == "Pending" }, "alike but for age and UID")
        scenario.advance(100 - later)
        let mark = scenario.mark
        scenario.scale(to: replicas)
        let deleted = scenario.reconciler.pending.dropFirst(mark).compactMap { pending -> String? in
            guard case .podDeleted(let pod) = pending.event else { return nil }
            return pod.name
        }
        #expect(deleted.count == 1)
        return (try #require(deleted.first), third, lowestUID)
    }

    @Test func podsOfOneAgeBucketGoByLowerUID() throws {
        // 100 s old against 99 s: both in bucket 36 (2^36 ns is 68.7 s, 2^37 ns 137.4 s).
        var newestKept = 0
        for replicas in 1...8 {
            let (deleted, third, lowestUID) = try ScaleDownOrderTests.deletedPod(replicas: replicas, thirdPodAfter: 1)
            #expect(deleted == lowestUID, "\(replicas) replicas")
            if deleted != third { newestKept += 1 }
        }
        // Deleting the newest pod (the rule before LogarithmicScaleDown) must fail somewhere here.
        #expect(newestKept > 0)
    }

    @Test func aNewerBucketGoesFirst() throws {
        // 100 s against 40 s old (bucket 35): the newer pod goes, whatever its UID.
        let (deleted, third, _) = try ScaleDownOrderTests.deletedPod(thirdPodAfter: 60)
        #expect(deleted == third)
    }

    /// `getPodsPrefix` keeps the whole `<replicaset>-` as `generateName`; the API server's name generator cuts only
    /// the name it generates, to 58 characters and a 5-character suffix.
    @Test func aLongReplicaSetNameIsCutInPodNamesOnly() throws {
        let name = String(repeating: "a", count: 60)
        var scenario = Scenario(replicas: 1, name: name)
        scenario.settle()
        let rs = try #require(scenario.stream.replicaSets.values.first)
        let pod = try #require(scenario.stream.pods.values.first)
        #expect(pod.metadata.generateName == rs.name + "-")
        #expect(pod.name.count == 63)
        #expect(pod.name.hasPrefix(String((rs.name + "-").prefix(58))))
    }
}
