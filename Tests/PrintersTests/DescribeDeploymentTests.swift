import KubeModel
import Testing
import TestSupport

@testable import Printers

/// The §7.3 samples of k8s-semantics.md.
@Suite struct DescribeDeploymentTests {
    static var rolling: Deployment {
        var deployment = Samples.deployment(
            "nginx-deployment", replicas: 3, labels: ["app": "nginx"],
            containers: [Samples.container("nginx", "nginx:1.16.1", port: 80)])
        deployment.metadata.creationTimestamp = Samples.created
        deployment.metadata.annotations = [AnnotationKey.revision: "2"]
        deployment.status.replicas = 3
        deployment.status.updatedReplicas = 3
        deployment.status.readyReplicas = 3
        deployment.status.availableReplicas = 3
        deployment.status.conditions = [
            Samples.condition("Available", "True", "MinimumReplicasAvailable"),
            Samples.condition("Progressing", "True", "NewReplicaSetAvailable"),
        ]
        return deployment
    }

    static let old = Samples.replicaSet("66b6c48dd5", replicas: 0, current: 0, ready: 0, image: "nginx:1.14.2")
    static let new = Samples.replicaSet("7c5ddbdf54", replicas: 3, current: 3, ready: 3, image: "nginx:1.16.1")

    @Test func rollingUpdateWithEvents() throws {
        let old = "nginx-deployment-66b6c48dd5"
        let new = "nginx-deployment-7c5ddbdf54"
        let name = "nginx-deployment"
        let events = [
            // Given out of order: describe sorts by last timestamp and keeps ties in order.
            Samples.event("Scaled up replica set \(new) to 1", involving: name, first: 40),
            Samples.event("Scaled up replica set \(old) to 3", involving: name, first: 300),
            Samples.event("Scaled down replica set \(old) to 2 from 3", involving: name, first: 38),
            Samples.event("Scaled up replica set \(new) to 2 from 1", involving: name, first: 38),
            Samples.event("Scaled down replica set \(old) to 1 from 2", involving: name, first: 36),
            Samples.event("Scaled up replica set \(new) to 3 from 2", involving: name, first: 36),
            Samples.event("Scaled down replica set \(old) to 0 from 1  ", involving: name, first: 34),
        ]
        let text = describeDeployment(
            Self.rolling, oldReplicaSets: [Self.old], newReplicaSet: Self.new, events: events, now: Samples.now)
        try expectGolden(text, named: "describe-deployment.txt")
    }

    @Test func withoutEventsOrOldReplicaSets() throws {
        let text = describeDeployment(
            Self.rolling, oldReplicaSets: [], newReplicaSet: Self.new, events: [], now: Samples.now)
        try expectGolden(text, named: "describe-deployment-no-events.txt")
    }

    @Test func recreateWithEnvironmentAndThreeConditions() throws {
        var container = Samples.container("nginx", "nginx:1.16.1", port: 80)
        container.raw["env"] = .array([.object(["name": .string("MODE"), "value": .string("prod")])])
        var deployment = Samples.deployment(
            "nginx-deployment", replicas: 3, labels: ["app": "nginx"], containers: [container], strategy: "Recreate")
        deployment.metadata.labels = ["app": "nginx", "tier": "frontend"]
        deployment.metadata.creationTimestamp = Timestamp(seconds: 1_795_705_113)
        deployment.metadata.annotations = [
            AnnotationKey.revision: "2",
            AnnotationKey.changeCause:
                "kubectl set image deployment/nginx-deployment nginx=nginx:1.16.1 --record=true",
            AnnotationKey.lastApplied: "{\"hidden\":true}",
        ]
        deployment.spec.minReadySeconds = 5
        deployment.status.replicas = 3
        deployment.status.updatedReplicas = 1
        deployment.status.availableReplicas = 2
        deployment.status.unavailableReplicas = 1
        deployment.status.conditions = [
            Samples.condition("Available", "False", "MinimumReplicasUnavailable"),
            Samples.condition("Progressing", "True", "ReplicaSetUpdated"),
            Samples.condition("ReplicaFailure", "True", "FailedCreate"),
        ]
        let events = [
            Samples.event(
                "Scaled up replica set nginx-deployment-7c5ddbdf54 to 1", involving: "nginx-deployment", first: 600,
                last: 130, count: 3),
        ]
        let text = describeDeployment(
            deployment, oldReplicaSets: [Self.old, Self.new], newReplicaSet: nil, events: events, now: Samples.now)
        try expectGolden(text, named: "describe-deployment-recreate.txt")
    }

    @Test func longAnnotationsAreWrappedAndCut() {
        var deployment = Self.rolling
        let long = String(repeating: "x", count: 150)
        deployment.metadata.annotations = ["a": "short", "b": long, "c": "two\nlines\n"]
        let text = describeDeployment(deployment, oldReplicaSets: [], newReplicaSet: nil, events: [], now: Samples.now)
        let pad = String(repeating: " ", count: 24)
        let expected = [
            "Annotations:" + String(repeating: " ", count: 12) + "a: short",
            "\(pad)b:",
            "\(pad)  \(String(repeating: "x", count: 138))...",
            "\(pad)c:",
            "\(pad)  two",
            "\(pad)  lines",
        ].joined(separator: "\n")
        #expect(text.contains("\n" + expected + "\nSelector:"))
    }
}
