import KubeModel
import Testing
import TestSupport

@testable import Printers

/// The `describe replicaset` samples of docs/notes/events-and-describe.md §4.
@Suite struct DescribeReplicaSetTests {
    static var replicaSet: ReplicaSet {
        var replicaSet = Samples.replicaSet("7c5ddbdf54", replicas: 3, current: 3, ready: 2, image: "nginx:1.16.1")
        replicaSet.metadata.uid = "rs-uid"
        replicaSet.metadata.annotations = [
            AnnotationKey.revision: "2", AnnotationKey.desiredReplicas: "3", AnnotationKey.maxReplicas: "4",
        ]
        replicaSet.metadata.ownerReferences = [
            OwnerReference(apiVersion: "apps/v1", kind: "Deployment", name: "nginx-deployment", uid: "d-uid"),
        ]
        return replicaSet
    }

    static func pod(_ suffix: String, phase: String, owner: String? = "rs-uid") -> Pod {
        var pod = Pod(
            metadata: ObjectMeta(
                name: "nginx-deployment-7c5ddbdf54-\(suffix)", namespace: "default",
                labels: ["app": "nginx", "pod-template-hash": "7c5ddbdf54"]),
            spec: PodSpec())
        pod.status.phase = phase
        if let owner {
            pod.metadata.ownerReferences = [
                OwnerReference(
                    apiVersion: "apps/v1", kind: "ReplicaSet", name: "nginx-deployment-7c5ddbdf54", uid: owner),
            ]
        }
        return pod
    }

    static let pods = [
        pod("8xk2p", phase: "Running"), pod("zq9wt", phase: "Pending"), pod("abcde", phase: "Running"),
        pod("orphn", phase: "Running", owner: nil), pod("other", phase: "Failed", owner: "another-rs"),
    ]

    @Test func withEvents() throws {
        let name = "nginx-deployment-7c5ddbdf54"
        let event = { (reason: String, message: String, age: Int64) in
            Samples.event(
                message, involving: name, kind: "ReplicaSet", first: age, reason: reason,
                source: "replicaset-controller")
        }
        let events = [
            event("SuccessfulCreate", "Created pod: \(name)-8xk2p", 302),
            event("SuccessfulCreate", "Created pod: \(name)-zq9wt", 302),
            event("SuccessfulCreate", "Created pod: \(name)-abcde", 302),
            event("SuccessfulDelete", "Deleted pod: \(name)-old11", 122),
        ]
        let text = describeReplicaSet(Self.replicaSet, pods: Self.pods, events: events, now: Samples.now)
        try expectGolden(text, named: "describe-replicaset.txt")
    }

    @Test func conditionsWithoutEvents() throws {
        var replicaSet = Self.replicaSet
        let condition: JSONValue = .object([
            "type": .string("ReplicaFailure"), "status": .string("True"), "reason": .string("FailedCreate"),
        ])
        replicaSet.status.conditions = [try condition.decode(ReplicaSetCondition.self)]
        let text = describeReplicaSet(replicaSet, pods: Self.pods, events: [], now: Samples.now)
        try expectGolden(text, named: "describe-replicaset-conditions.txt")
    }

    @Test func withoutOwnerTheHeaderAlignsOnAnnotations() {
        var replicaSet = Self.replicaSet
        replicaSet.metadata.ownerReferences = nil
        let text = describeReplicaSet(replicaSet, pods: [], events: [], now: Samples.now)
        #expect(text.hasPrefix("Name:         nginx-deployment-7c5ddbdf54\n"))
        #expect(text.contains("Pods Status:  0 Running / 0 Waiting / 0 Succeeded / 0 Failed\n"))
    }
}
