import Cluster
import Controllers
import KubeModel
import Testing

/// The default scheduler's filters on the one node and its messages (FitError.Error, with the default preemption's).
struct SchedulerTests {
    /// A Pod of one container with `ports`, its spec otherwise `spec`.
    private func pod(_ name: String, labels: [String: String] = ["app": "web"], spec: String = "{}", ports: String = "[]")
        throws -> Pod
    {
        var raw = try JSONCodec.parse(spec).objectValue ?? [:]
        raw["containers"] = try JSONCodec.parse(#"[{"name":"c","image":"c:1","ports":\#(ports)}]"#)
        var meta = ObjectMeta(name: name, namespace: "default", labels: labels)
        meta.uid = name
        return Pod(metadata: meta, spec: PodSpec(raw: raw))
    }

    private static let antiAffinity = #"{"affinity":{"podAntiAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":[{"labelSelector":{"matchLabels":{"app":"web"}},"topologyKey":"kubernetes.io/hostname"}]}}}"#
    private static let affinity = #"{"affinity":{"podAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":[{"labelSelector":{"matchLabels":{"app":"db"}},"topologyKey":"kubernetes.io/hostname"}]}}}"#

    @Test func aSelectorTheNodeDoesNotMatchIsNotHelpedByPreemption() throws {
        let failure = Scheduler.failure(of: try pod("p", spec: #"{"nodeSelector":{"disk":"ssd"}}"#), beside: [])
        #expect(failure == "0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. "
            + "preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.")
        #expect(Scheduler.failure(of: try pod("p", spec: #"{"nodeSelector":{"kubernetes.io/os":"linux"}}"#), beside: []) == nil)
    }

    @Test func antiAffinityKeepsTwoReplicasApartAndFindsNoVictims() throws {
        let first = try pod("a", spec: Self.antiAffinity)
        #expect(Scheduler.failure(of: first, beside: []) == nil)
        #expect(Scheduler.failure(of: try pod("b", spec: Self.antiAffinity), beside: [first])
            == "0/1 nodes are available: 1 node(s) didn't match pod anti-affinity rules. "
            + "preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.")
        #expect(Scheduler.failure(of: try pod("c"), beside: [first])
            == "0/1 nodes are available: 1 node(s) didn't satisfy existing pods anti-affinity rules. "
            + "preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.")
        #expect(Scheduler.failure(of: try pod("d", labels: ["app": "db"]), beside: [first]) == nil)
        let elsewhere = #"{"affinity":{"podAntiAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":[{"labelSelector":{"matchLabels":{"app":"web"}},"topologyKey":"topology.kubernetes.io/zone"}]}}}"#
        #expect(Scheduler.failure(of: try pod("e", labels: ["app": "api"], spec: elsewhere), beside: [first]) == nil,
                "the node has no zone label")
    }

    @Test func affinityNeedsAPodToJoinUnlessThePodStartsItsGroup() throws {
        #expect(Scheduler.failure(of: try pod("w", spec: Self.affinity), beside: [])
            == "0/1 nodes are available: 1 node(s) didn't match pod affinity rules. "
            + "preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.")
        #expect(Scheduler.failure(of: try pod("w", spec: Self.affinity), beside: [try pod("db", labels: ["app": "db"])]) == nil)
        #expect(Scheduler.failure(of: try pod("db", labels: ["app": "db"], spec: Self.affinity), beside: []) == nil)
    }

    @Test func hostPortsClashOnTheSameProtocolAndAddress() throws {
        let port = #"[{"containerPort":80,"hostPort":8080}]"#
        let holder = try pod("a", ports: port)
        #expect(Scheduler.failure(of: try pod("b", ports: port), beside: [holder])
            == "0/1 nodes are available: 1 node(s) didn't have free ports for the requested pod ports. "
            + "preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod.")
        #expect(Scheduler.failure(of: try pod("c", ports: #"[{"containerPort":80,"hostPort":8080,"protocol":"UDP"}]"#),
                                  beside: [holder]) == nil)
    }

    /// NodeAffinity's PreFilter: terms that each name nodes narrow scheduling to those; the node left out fails as an
    /// absent node, and terms naming no node in common fail before any node is looked at.
    @Test func termsNamingOtherNodesLeaveThisOneOut() throws {
        func pinned(_ terms: String) throws -> Pod {
            try pod("p", spec: #"{"affinity":{"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":\#(terms)}}}}"#)
        }
        #expect(Scheduler.failure(of: try pinned(#"[{"matchFields":[{"key":"metadata.name","operator":"In","values":["worker-2"]}]}]"#), beside: [])
            == "0/1 nodes are available: 1 node(s) didn't satisfy plugin(s) [NodeAffinity]. "
            + "preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.")
        #expect(Scheduler.failure(of: try pinned(#"[{"matchFields":[{"key":"metadata.name","operator":"In","values":["a"]},{"key":"metadata.name","operator":"In","values":["b"]}]}]"#), beside: [])
            == "0/1 nodes are available: pod affinity terms conflict. "
            + "preemption: 0/1 nodes are available: 1 Preemption is not helpful for scheduling.")
        #expect(Scheduler.failure(of: try pinned(#"[{"matchFields":[{"key":"metadata.name","operator":"In","values":["rollbook-node"]}]}]"#), beside: []) == nil)
    }

    @Test func aPodThatMayNotPreemptSaysSo() throws {
        #expect(Scheduler.failure(of: try pod("p", spec: #"{"nodeSelector":{"disk":"ssd"},"preemptionPolicy":"Never"}"#), beside: [])
            == "0/1 nodes are available: 1 node(s) didn't match Pod's node affinity/selector. "
            + "preemption: not eligible due to preemptionPolicy=Never.")
    }
}
