import Testing
import TestSupport

/// `kubectl get events` through `rollbook serve`: the server's Table has printEvent's columns (LAST SEEN, TYPE,
/// REASON, OBJECT as kind/name, MESSAGE; SUBOBJECT, SOURCE, FIRST SEEN, COUNT and NAME with -o wide), where
/// it used to have only NAME and AGE.
@Suite(
    .serialized,
    .enabled(if: Kubectl.isInstalled, "kubectl is not installed (no /usr/bin/kubectl, none on PATH): skipping"))
struct KubectlEventsTests {
    @Test func eventsPrintAsPrintEventPrintsThem() throws {
        let fixture = try KubectlErrorTests.Fixture()
        defer { fixture.stop() }
        var transcript = ""
        for command in [
            ["get", "events"], ["get", "events", "-o", "wide"],
            ["get", "events", "-A", "--field-selector", "involvedObject.kind=Deployment"],
        ] {
            let served = try fixture.kubectl.run(command)
            #expect(served.exitCode == 0, "\(command)")
            transcript += served.transcript(of: "kubectl " + command.joined(separator: " "))
        }
        try expectGolden(transcript, named: "kubectl-events/get-events.txt")
    }
}
