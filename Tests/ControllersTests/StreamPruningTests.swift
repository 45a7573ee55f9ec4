import Cluster
import KubeModel
import Testing

/// What the fold forgets as it goes: Kubernetes Events past their TTL, correlator records idle as long (once
/// there are more than 16), and a Pod's kubelet timers when its status replaces them or the Pod goes.
@Suite struct StreamPruningTests {
    let start = Timestamp(seconds: 1_790_000_000)
    let ttl = Timestamp.eventTTLSeconds

    func record(_ name: String, reason: String = "Test", at time: Timestamp, in stream: inout DeploymentStream) {
        let event = KubeEvent(
            name: name, namespace: "default",
            involvedObject: .init(kind: "Deployment", namespace: "default", name: "web", uid: "u1", apiVersion: "apps/v1"),
            type: "Normal", reason: reason, message: "about \(name)", source: "deployment-controller", count: 1,
            firstTimestamp: time, lastTimestamp: time)
        stream.apply(.kubeEventRecorded(event), sequence: Int64(stream.version + 1), at: time)
        stream.version += 1
    }

    @Test func eventsExpireOnceTheirTTLHasPassed() {
        var stream = DeploymentStream(namespace: "default", name: "web")
        record("a", at: start, in: &stream)
        record("b", at: start.adding(seconds: ttl), in: &stream)
        #expect(Set(stream.events.keys) == ["a", "b"], "exactly as old as the TTL: kept")
        record("c", at: start.adding(seconds: ttl + 1), in: &stream)
        #expect(Set(stream.events.keys) == ["b", "c"])
        #expect(stream.eventSequence == 3)
    }

    @Test func idleCorrelatorRecordsAreForgottenOnlyPastSixteen() {
        var few = DeploymentStream(namespace: "default", name: "web")
        for index in 0..<15 { record("e\(index)", reason: "R\(index)", at: start, in: &few) }
        record("late", reason: "Late", at: start.adding(seconds: ttl + 1), in: &few)
        #expect(few.aggregates.count == 16, "16 records with this one: none forgotten")

        var many = DeploymentStream(namespace: "default", name: "web")
        for index in 0..<16 { record("e\(index)", reason: "R\(index)", at: start, in: &many) }
        record("recent", reason: "Recent", at: start.adding(seconds: ttl), in: &many)
        #expect(many.aggregates.count == 17, "idle exactly as long as the TTL: kept")
        record("late", reason: "Late", at: start.adding(seconds: ttl + 1), in: &many)
        #expect(many.aggregates.count == 2)
    }

    /// The fold remembers a second before which nothing expires and skips the look until then. Folding with
    /// that memory must keep exactly what looking every time keeps (a state whose memory is wiped before each
    /// event), through re-recorded names, Events recorded with an old lastTimestamp, time standing still or
    /// going back, more than 16 correlator records, and states replaced from outside between events.
    @Test func rememberingTheNextExpiryKeepsWhatLookingEveryTimeKeeps() {
        var remembering = DeploymentStream(namespace: "default", name: "web")
        var looking = remembering
        var seed: UInt64 = 42
        func next(_ bound: Int) -> Int {
            seed = seed &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Int((seed >> 33) % UInt64(bound))
        }
        var time = start
        var saved = remembering
        var expiredEvents = 0, idleRecords = 0
        for step in 0..<4_000 {
            switch next(10) {
            case 0: time = time.adding(seconds: -Int64(next(next(20) == 0 ? 2 * Int(ttl) : 600)))
            case 1, 2: break
            default: time = time.adding(seconds: Int64(next(240)))
            }
            let name = "e\(next(60))"
            let last = next(8) == 0 ? time.adding(seconds: -Int64(next(2 * Int(ttl)))) : time
            let event = KubeEvent(
                name: name, namespace: "default",
                involvedObject: .init(kind: "Pod", namespace: "default", name: "web-\(next(30))", uid: "u\(next(30))",
                                      apiVersion: "v1"),
                type: "Normal", reason: "R\(next(5))", message: "m\(next(4))", source: "kubelet", count: 1,
                firstTimestamp: last, lastTimestamp: last)
            // Assigning forgets what the state remembered.
            let (events, aggregates) = (looking.events, looking.aggregates)
            looking.events = events
            looking.aggregates = aggregates
            let before = (looking.events.count, looking.aggregates.count)
            remembering.apply(.kubeEventRecorded(event), sequence: Int64(step), at: time)
            looking.apply(.kubeEventRecorded(event), sequence: Int64(step), at: time)
            #expect(remembering.events == looking.events && remembering.aggregates == looking.aggregates, "step \(step)")
            if looking.events.count < before.0 { expiredEvents += 1 }
            if looking.aggregates.count < before.1 { idleRecords += 1 }
            if next(50) == 0 { saved = remembering }
            if next(200) == 0 {
                remembering.events = saved.events
                looking.events = saved.events
            }
            if next(200) == 0 {
                remembering.aggregates = saved.aggregates
                looking.aggregates = saved.aggregates
            }
        }
        #expect(expiredEvents > 100 && idleRecords > 100, "\(expiredEvents) \(idleRecords)")
    }

    @Test func aPodsTimersAreReplacedByItsStatusAndGoWithIt() {
        var stream = DeploymentStream(namespace: "default", name: "web")
        let soon = ContainerTimer(due: start.adding(seconds: 5), attempt: 0)
        let later = ContainerTimer(due: start.adding(seconds: 60), attempt: 1)
        func status(_ pod: String, _ timers: [String: ContainerTimer]) {
            stream.apply(.podStatusUpdated(PodStatusUpdated(name: pod, status: PodStatus(), timers: timers)),
                         sequence: 1, at: start)
        }
        status("web-1", ["app": soon, "sidecar": soon])
        status("web-10", ["app": soon])
        #expect(Set(stream.containerTimers.keys) == ["web-1/app", "web-1/sidecar", "web-10/app"])
        status("web-1", ["app": later])
        #expect(stream.containerTimers == ["web-1/app": later, "web-10/app": soon], "web-10 is not web-1's")
        stream.apply(.podDeleted(ObjectName(name: "web-1")), sequence: 2, at: start)
        #expect(stream.containerTimers == ["web-10/app": soon])
    }
}
