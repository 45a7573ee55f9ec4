import Foundation
import Testing
import TestSupport

/// `rollbook wait`, compared with kubectl v1.32 through `rollbook serve` on a twin store: what each `--for` accepts
/// and refuses, the resource builder's selection rules, one deadline over every object, and how errors print
/// (a lone one with `error: `, several as their messages).
struct WaitTests {
    static let web = TestManifests.deployment(
        "web", image: "nginx:1.25", container: "nginx", label: ("app", "web"), labelled: true)

    @Test func conditionsSelectionsAndErrorsAsKubectlPrintsThem() throws {
        let steps: [(Int, String)] = [
            (0, "images load nginx:1.25"),
            (0, "create deployment web --image=nginx:1.25"),
            (0, "create deployment api --image=nginx:1.25 --replicas=2"),
            (1, "wait --for=condition=Available deploy/web"),
            (1, "wait --for=condition=AVAILABLE=TRUE deployment web api -o jsonpath={.metadata.name}"),
            (1, "wait --for=condition=Available=false deploy/web --timeout=0"),
            (1, "wait --for=condition=Bogus deploy/web deploy/api --timeout=1s"),
            (1, "wait --for=condition=Available deploy/nope deploy/web"),
            (1, "wait --for=condition=Available deploy/nope"),
            (1, "wait --for=condition=Ready pods --all"),
            (1, "wait --for=condition=Ready=false pods -l app=api --timeout=0"),
            // The first object uses up the time; the second, met or not, is not looked at.
            (1, "wait --for=jsonpath=.metadata.name=api deploy/web deploy/api --timeout=1s"),
            (1, "wait --for=jsonpath={.status.replicas}=2 deploy/api"),
            (1, "wait --for=jsonpath='{.status.conditions[?(@.type==\"Available\")].status}'=True deploy/api -o name"),
            (1, "wait --for=jsonpath={.status.replicas} rs --all"),
            (1, "wait --for=jsonpath={.spec} deploy/web --timeout=0"),
            (1, "wait --for=jsonpath={.spec}=1 deploy/web --timeout=0"),
            (1, "wait --for=jsonpath={.spec.template.spec.containers[*].name}=x deploy/web --timeout=0"),
            (1, "wait --for=jsonpath={.status.replicas}= deploy/web"),
            (1, "wait --for=jsonpath= deploy/web"),
            (1, "wait --for=jsonpath={.a}{.b} deploy/web"),
            (1, "wait --for=jsonpath=a=b=c deploy/web"),
            (1, "wait --for=create deploy/web deploy/api -o yaml"),
            (1, "wait --for=CREATE deploy --field-selector metadata.name=api"),
            (1, "wait --for=create deploy/nope --timeout=0"),
            (1, "wait --for=create deploy -l app=none"),
            (1, "wait --for=delete deploy/nope"),
            (1, "wait --for=delete pods -l app=none"),
            (1, "wait --for=delete deploy/web --timeout=0"),
            (1, "wait deploy/web"),
            (1, "wait --for=Condition=Available deploy/web"),
            (1, "wait --for=condition=Available"),
            (1, "wait --for=condition=Available deploy"),
            (1, "wait --for=condition=Available deploy web -l app=web"),
            (1, "wait --for=condition=Available deploy/web -l app=web"),
            (1, "wait --for=condition=Available deploy/web -A"),
            (1, "wait --for=condition=Available deploy/web --timeout=abc"),
            (1, "wait --for=condition=Available deploy/web -o wide"),
            (1, "wait --for=condition=Available deploy/web --timeout=--1s"),
            // FindResults' own failures end the wait at once.
            (1, "wait --for=jsonpath={.status.conditions[5].type} deploy/web --timeout=5s"),
            // -f: the files' objects that -l matches; the field selector does not apply to them.
            (1, "wait --for=condition=Available -f web.yaml -l app=web --field-selector metadata.name=x"),
            (1, "wait --for=condition=Available -f web.yaml -l app=api"),
            // kubectl's relaxed JSONPath, which custom columns share: an empty path finds nothing; two are refused.
            (1, "get deploy -o custom-columns=NAME:.metadata.name,X:"),
            (1, "get deploy -o custom-columns=N:{.a}{.b}"),
        ]
        try expectGolden(try ScenarioScript(files: ["web.yaml": Self.web], steps: steps).run(), named: "fidelity/wait.txt")
    }

    /// With the system clock, each read lets simulated time catch up: the wait ends when the pods of an image that
    /// starts in two seconds are ready, and when the old pods of a rollout are gone.
    @Test func waitingFollowsSimulatedTimeAsItCatchesUp() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let cli = try CLIRunner(store: dir.path("store.db"), workingDirectory: dir.url)
        let systemClock = ""
        for command in ["images load web:1 web:2 --startup 2s", "create deployment web --image=web:1 --replicas=2"] {
            #expect(try cli.run(ScenarioScript.split(command), now: systemClock).exitCode == 0)
        }
        let available = try cli.run(
            ScenarioScript.split("wait --for=condition=Available deploy/web --timeout=30s"), now: systemClock)
        #expect(available.stdout == "deployment.apps/web condition met\n" && available.stderr.isEmpty)
        #expect(available.exitCode == 0)

        let before = try cli.run(ScenarioScript.split("get pods -o name"), now: systemClock).stdout
        #expect(try cli.run(ScenarioScript.split("set image deploy/web web=web:2"), now: systemClock).exitCode == 0)
        let oldPods = before.split(separator: "\n").map(String.init)
        #expect(oldPods.count == 2)
        let deleted = try cli.run(["wait", "--for=delete", "--timeout=30s"] + oldPods, now: systemClock)
        #expect(deleted.stdout == oldPods.map { "\($0) condition met\n" }.joined() && deleted.stderr.isEmpty)
        #expect(deleted.exitCode == 0)
        let rolledOut = try cli.run(
            ScenarioScript.split("wait --for=jsonpath={.status.updatedReplicas}=2 deploy/web --timeout=0"), now: systemClock)
        #expect(rolledOut.exitCode == 0)
    }

    /// `--for=delete` is met when the name comes back with another UID: `apply --force` deletes and creates in one
    /// command, so no read between them could see the name free.
    @Test func aDeletionIsSeenThroughARecreation() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try Self.web.write(toFile: dir.path("web.yaml"), atomically: true, encoding: .utf8)
        let moved = Self.web.replacingOccurrences(of: "app: web", with: "app: web2")
        try moved.write(toFile: dir.path("web2.yaml"), atomically: true, encoding: .utf8)
        var cli = try CLIRunner(store: dir.path("store.db"), workingDirectory: dir.url)
        cli.environment["ROLLBOOK_NOW"] = ""
        #expect(try cli.run(["images", "load", "nginx:1.25"], now: "").exitCode == 0)
        #expect(try cli.run(["apply", "-f", "web.yaml"], now: "").exitCode == 0)

        let waiting = Process()
        waiting.executableURL = cli.binary
        waiting.arguments = ["wait", "--for=delete", "deployment/web", "--timeout=20s", "--store", cli.store]
        let out = Pipe()
        waiting.standardOutput = out
        try waiting.run()
        Thread.sleep(forTimeInterval: 1)
        let forced = try cli.run(["apply", "--force", "-f", "web2.yaml"], now: "")
        #expect(forced.exitCode == 0, "\(forced.stderr)")
        let printed = String(decoding: out.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        waiting.waitUntilExit()
        #expect(printed == "deployment.apps/web condition met\n")
        #expect(waiting.terminationStatus == 0)
    }
}
