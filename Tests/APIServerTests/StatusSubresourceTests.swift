import Testing
import TestSupport

/// A Deployment's `status` subresource through kubectl v1.32, as e2e's "should validate Deployment Status
/// endpoints" uses it: read, patched with a condition of the test's own (which the controller keeps), and patched
/// with a count the controller then sets back.
struct StatusSubresourceTests {
    @Test func statusIsReadPatchedAndResyncedByTheController() throws {
        let fixture = try KubectlErrorTests.Fixture()
        defer { fixture.stop() }
        let conditions = "-o=jsonpath={range .status.conditions[*]}{.type}={.status} {end}"
        let read = try fixture.kubectl.run(["get", "deployment", "web", "--subresource=status", "-o=jsonpath={.kind} {.status.replicas}"])
        #expect(read.stdout == "Deployment 2" && read.exitCode == 0, "\(read.stderr)")

        let condition = #"{"status":{"conditions":[{"type":"StatusPatched","status":"True","reason":"E2E","message":"Set from an e2e test"}]}}"#
        let patched = try fixture.kubectl.run(
            ["patch", "deployment", "web", "--subresource=status", "--type=merge", "-p", condition, conditions])
        #expect(patched.stdout == "StatusPatched=True ", "\(patched.stderr)")
        let kept = try fixture.kubectl.run(["get", "deployment", "web", conditions])
        #expect(kept.stdout == "StatusPatched=True Available=True Progressing=True ")

        let count = try fixture.kubectl.run(
            ["patch", "deployment", "web", "--subresource=status", "--type=merge", "-p", #"{"status":{"readyReplicas":7}}"#,
             "-o=jsonpath={.status.readyReplicas}"])
        #expect(count.stdout == "7")
        let resynced = try fixture.kubectl.run(["get", "deployment", "web", "-o=jsonpath={.status.readyReplicas}"])
        #expect(resynced.stdout == "2")

        let spec = try fixture.kubectl.run(
            ["patch", "deployment", "web", "--subresource=status", "--type=merge", "-p", #"{"spec":{"replicas":5}}"#,
             "-o=jsonpath={.spec.replicas}"])
        #expect(spec.stdout == "2", "a status write leaves the spec as stored")
        let wrong = try fixture.kubectl.run(
            ["patch", "deployment", "web", "--subresource=status", "--type=merge", "-p", #"{"status":{"readyReplicas":"x"}}"#])
        #expect(wrong.exitCode == 1 && wrong.stderr.hasPrefix("Error from server (BadRequest):"), "\(wrong.stderr)")

        let log = try fixture.cli.run(
            ["sql", "SELECT actor FROM events WHERE type = 'DeploymentStatusUpdated' ORDER BY seq DESC LIMIT 2", "-o", "csv"],
            now: KubectlErrorTests.now)
        #expect(log.stdout.split(whereSeparator: \.isNewline) == ["actor", "deployment-controller", "system:anonymous"])
    }

    /// A write's answer carries the managed fields a GET serves, so kubectl tells a patch that changed nothing.
    @Test func aPatchThatChangesNothingSaysSo() throws {
        let fixture = try KubectlErrorTests.Fixture()
        defer { fixture.stop() }
        let unchanged = try fixture.kubectl.run(["patch", "deployment", "web", "-p", "{}"])
        #expect(unchanged.stdout == "deployment.apps/web patched (no change)\n", "\(unchanged.stderr)")
        let changed = try fixture.kubectl.run(["patch", "deployment", "web", "-p", #"{"spec":{"replicas":3}}"#])
        #expect(changed.stdout == "deployment.apps/web patched\n")
    }
}

/// A ReplicaSet's `status` subresource, as e2e's "should validate Replicaset Status endpoints" uses it: a condition
/// of the test's own is kept by the ReplicaSet controller, which sets the counts back.
struct ReplicaSetStatusSubresourceTests {
    @Test func statusIsPatchedAndTheConditionKept() throws {
        let fixture = try KubectlErrorTests.Fixture()
        defer { fixture.stop() }
        let name = try fixture.kubectl.run(["get", "rs", "-o", "jsonpath={.items[0].metadata.name}"]).stdout
        #expect(!name.isEmpty)
        let conditions = "-o=jsonpath={range .status.conditions[*]}{.type}={.status} {end}"
        let condition = #"{"status":{"conditions":[{"type":"StatusPatched","status":"True"}],"readyReplicas":7}}"#
        let patched = try fixture.kubectl.run(
            ["patch", "rs", name, "--subresource=status", "--type=merge", "-p", condition, conditions])
        #expect(patched.stdout == "StatusPatched=True ", "\(patched.stderr)")
        let kept = try fixture.kubectl.run(["get", "rs", name, "--subresource=status", conditions + "{.status.readyReplicas}"])
        #expect(kept.stdout == "StatusPatched=True 2", "the controller keeps the condition and sets the count back")
        let log = try fixture.cli.run(
            ["sql", "SELECT actor FROM events WHERE type = 'ReplicaSetStatusUpdated' ORDER BY seq DESC LIMIT 2", "-o", "csv"],
            now: KubectlErrorTests.now)
        #expect(log.stdout.split(whereSeparator: \.isNewline) == ["actor", "replicaset-controller", "system:anonymous"])
    }
}
