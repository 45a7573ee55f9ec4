import Cluster
import Controllers
import KubeModel
import Testing

/// Randomized sequences of set image / scale / pause / resume / undo / time passing / image failures.
/// After every action: scale-ups never exceed maxSurge, rolling scale-downs never break maxUnavailable,
/// revisions only grow, and folding the log from scratch reproduces the state exactly.
struct RandomizedRolloutPropertyTests {
    /// SplitMix64: small, deterministic, good enough to pick actions.
    struct Generator {
        var state: UInt64
        mutating func next(_ bound: Int) -> Int {
            state &+= 0x9e37_79b9_7f4a_7c15
            var z = state
            z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
            z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
            return Int((z ^ (z >> 31)) % UInt64(bound))
        }
    }

    static let images = ["nginx:1.0", "nginx:2.0", "nginx:3.0", "slow:1", "never:1", "crash:1", "private:1"]

    @Test(arguments: 0..<16)
    func invariantsHoldOverRandomHistories(seed: Int) {
        var random = Generator(state: UInt64(seed) &* 7919)
        var s = Scenario(
            replicas: 1 + random.next(10), surge: [nil, .int(0), .int(2), .string("50%")][random.next(4)],
            unavailable: [nil, .int(1), .string("0%"), .string("30%")][random.next(4)],
            recreate: random.next(5) == 0, revisionHistoryLimit: [nil, 0, 2][random.next(3)],
            loaded: [ImageLoaded(image: "slow:1", startupSeconds: 20), ImageLoaded(image: "never:1", behaviour: .neverReady),
                     ImageLoaded(image: "crash:1", behaviour: .crash)],
            blocked: ["private:1"])
        if s.deployment.spec.strategy?.rollingUpdate.map({ $0.maxSurge?.isLiteralZero == true && $0.maxUnavailable?.isLiteralZero == true }) == true {
            return  // not a valid Deployment: validation refuses both zero
        }
        s.settle()
        var revisions: [String: Int] = [:]
        for _ in 0..<40 {
            let mark = s.mark
            let replicasBefore = s.deployment.spec.desiredReplicas
            switch random.next(8) {
            case 0, 1: s.setImage(Self.images[random.next(Self.images.count)])
            case 2: s.user(.deploymentScaled(Scaled(from: replicasBefore, to: random.next(16))))
            case 3: s.user(s.deployment.spec.isPaused ? .deploymentResumed(Empty()) : .deploymentPaused(Empty()))
            case 4:
                let candidates = s.stream.ownedReplicaSets
                if !s.deployment.spec.isPaused, let target = candidates.randomElement(using: &random) {
                    s.user(.deploymentRolledBack(RolledBack(
                        toRevision: target.revision ?? 0, template: target.spec.template.withoutHashLabel,
                        annotations: s.deployment.metadata.annotations ?? [:])))
                }
            case 5: s.node(random.next(2) == 0 ? .imageUnblocked(ImageRef(image: "private:1"))
                                               : .imageBlocked(ImageRef(image: "private:1")))
            default: s.advance(Int64(1 + random.next(700)))
            }
            s.settle()
            s.tick(1)
            checkBounds(s, since: mark, replicasChanged: s.deployment.spec.desiredReplicas != replicasBefore)
            for rs in s.stream.replicaSets.values {
                let revision = rs.revision ?? 0
                #expect(revision >= revisions[rs.name] ?? 0, "revision of \(rs.name) went down")
                revisions[rs.name] = revision
            }
            // The new ReplicaSet always holds the highest revision; the Deployment shows it once settled.
            // (Numbers are not globally monotonic: upstream restarts at 1 when history cleanup removed every
            // older ReplicaSet, e.g. revisionHistoryLimit 0 while paused.)
            let owned = s.stream.ownedReplicaSets
            if let newRS = owned.first(where: { $0.spec.template.equalIgnoringHash(s.deployment.spec.template) }) {
                #expect(newRS.revision == owned.compactMap(\.revision).max())
                #expect(s.deployment.revision == newRS.revision)
            }
        }
        var folded = DeploymentStream(namespace: "default", name: "web")
        for event in s.reconciler.pending {
            folded.apply(event.event, sequence: event.sequence, at: event.time)
            folded.version += 1
        }
        #expect(folded == s.stream, "replaying the log reproduces the state")
    }

    /// Replays the action's events one by one, checking the surge bound after every scale-up and the
    /// availability bound after every scale-down the rollout itself made.
    func checkBounds(_ s: Scenario, since mark: Int, replicasChanged: Bool) {
        var stream = DeploymentStream(namespace: "default", name: "web")
        for (index, pending) in s.reconciler.pending.enumerated() {
            let before = stream
            stream.apply(pending.event, sequence: pending.sequence, at: pending.time)
            guard index >= mark, let d = stream.deployment else { continue }
            let owned = stream.ownedReplicaSets
            let total = owned.reduce(0) { $0 + $1.replicas }
            switch pending.event {
            case .replicaSetCreated(let created) where created.replicaSet.replicas > 0:
                #expect(total <= d.spec.desiredReplicas + d.maxSurge)
            case .replicaSetScaled(let scale) where scale.to > scale.from:
                #expect(total <= d.spec.desiredReplicas + d.maxSurge, "scale-up past maxSurge")
            case .replicaSetScaled(let scale)
            where scale.to < scale.from && !replicasChanged && !d.spec.isPaused && !d.spec.isRecreate:
                let minAvailable = d.spec.desiredReplicas - d.maxUnavailable
                func available(_ sets: [ReplicaSet]) -> Int { sets.reduce(0) { $0 + min($1.replicas, $1.availableReplicas) } }
                if available(before.ownedReplicaSets) >= minAvailable {
                    #expect(available(owned) >= minAvailable, "scale-down below minAvailable")
                }
            default:
                break
            }
        }
    }
}

extension Array {
    func randomElement(using random: inout RandomizedRolloutPropertyTests.Generator) -> Element? {
        isEmpty ? nil : self[random.next(count)]
    }
}
