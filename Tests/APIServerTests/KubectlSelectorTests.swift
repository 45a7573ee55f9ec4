import Testing
import TestSupport

/// kubectl sends `-l` in the query string form-encoded (a space is '+'); `rollbook serve` must read it as
/// kubectl's own `rollbook get -l` does.
@Suite(
    .serialized,
    .enabled(if: Kubectl.isInstalled, "kubectl is not installed (no /usr/bin/kubectl, none on PATH): skipping"))
struct KubectlSelectorTests {
    // apimachinery labels.Parse: set-based requirements ("in", "notin") hold spaces.
    @Test func setBasedSelectors() throws {
        let fixture = try KubectlErrorTests.Fixture()
        defer { fixture.stop() }
        var transcript = ""
        for command in [["get", "deployments", "-l", "app in (web,api)"], ["get", "deployments", "-l", "app notin (web)"]] {
            let served = try fixture.kubectl.run(command)
            let local = try fixture.cli.run(command, now: KubectlErrorTests.now)
            #expect(served.stdout == local.stdout)
            #expect(served.stderr == local.stderr)
            transcript += served.transcript(of: "kubectl " + command.joined(separator: " "))
        }
        try expectGolden(transcript, named: "kubectl-selectors/set-based.txt")
    }

    // kubectl get --sort-by asks for Tables with includeObject=Object and sorts rows by the embedded objects;
    // metadata alone left every row without the field ("No resources found").
    @Test func sortByReadsTheObjectsInTables() throws {
        let fixture = try KubectlErrorTests.Fixture()
        defer { fixture.stop() }
        _ = try fixture.cli.run(["create", "deployment", "api", "--image=web:1.0", "--replicas=3"], now: KubectlErrorTests.now)
        let command = ["get", "deployments", "--sort-by=.spec.replicas"]
        let served = try fixture.kubectl.run(command)
        let local = try fixture.cli.run(command, now: KubectlErrorTests.now)
        #expect(served.stdout == local.stdout)
        try expectGolden(served.transcript(of: "kubectl " + command.joined(separator: " ")), named: "kubectl-selectors/sort-by.txt")
    }
}
