import Cluster
import Controllers
import KubeModel
import Testing

/// `getNewReplicaSet` when the API server refuses the new ReplicaSet: a Deployment name of 243 characters or more
/// leaves its ReplicaSet's name (name, dash, hash) over the 253 a DNS subdomain allows.
struct ReplicaSetCreateErrorTests {
    @Test func aNameTooLongForItsReplicaSetFailsTheRollout() throws {
        let name = String(repeating: "a", count: 250)
        var scenario = Scenario(replicas: 2, name: name)
        scenario.settle()
        #expect(scenario.stream.replicaSets.isEmpty && scenario.stream.pods.isEmpty)
        let progressing = try #require(scenario.deployment.status.condition(ConditionType.progressing))
        #expect(progressing.status == "False" && progressing.reason == "ReplicaSetCreateError")
        let rsName = "\(name)-\(TemplateHash.compute(scenario.deployment.spec.template, collisionCount: nil))"
        let message = "Failed to create new replica set \"\(rsName)\": ReplicaSet.apps \"\(rsName)\" is invalid: "
            + "metadata.name: Invalid value: \"\(rsName)\": must be no more than 253 characters"
        #expect(progressing.message == message)
        // The first try and the work queue's seven retries within its first second: one Warning, counted eight times.
        let warnings = scenario.stream.events.values.filter { $0.reason == "ReplicaSetCreateError" }
        #expect(warnings.map(\.message) == [message] && warnings.map(\.type) == ["Warning"])
        #expect(warnings.map(\.count) == [8])

        // The back-off's retries at 1, 2, 5, 10, 20 and 40 s, and a sync at 60 s, fail the same way: the Warning counts
        // up, the condition stays.
        scenario.advance(60)
        scenario.settle()
        let later = scenario.stream.events.values.filter { $0.reason == "ReplicaSetCreateError" }
        #expect(later.map(\.count) == [15] && scenario.stream.replicaSets.isEmpty)

        // A new template fails under a new name: a Warning of its own; the condition keeps its first message.
        scenario.setImage("nginx:2.0")
        scenario.settle()
        let again = scenario.stream.events.values.filter { $0.reason == "ReplicaSetCreateError" }
        #expect(Set(again.map(\.message)).count == 2 && scenario.stream.replicaSets.isEmpty, "\(again.map(\.message))")
        #expect(scenario.deployment.status.condition(ConditionType.progressing)?.message == message)
    }

    @Test func aNameThatLeavesRoomForTheHashRollsOut() throws {
        var scenario = Scenario(replicas: 1, name: String(repeating: "a", count: 242))
        scenario.settle()
        #expect(scenario.stream.replicaSets.count == 1)
        let rs = try #require(scenario.stream.replicaSets.values.first)
        #expect(rs.name.count == 253)
        // `<name>-` would be 254 characters, no valid prefix: getPodsPrefix drops the dash.
        #expect(scenario.stream.pods.values.first?.metadata.generateName == rs.name)
    }
}
