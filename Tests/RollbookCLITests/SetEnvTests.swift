import ControlPlane
import KubeModel
import Testing
import TestSupport

@testable import RollbookCLI

/// `kubectl set env` (pkg/cmd/set/set_env.go, env/env_parse.go, helper.go). The golden transcript was
/// compared line by line with kubectl v1.32 running the same commands against `rollbook serve` on a twin store.
@Suite(.serialized)
struct SetEnvTests {
    static let twoContainers = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, labels: {app: web}}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - name: nginx
                image: nginx:1.25
                env:
                - {name: A, value: "1"}
                - {name: B, value: "2"}
                - {name: POD, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
                - {name: CPU, valueFrom: {resourceFieldRef: {containerName: nginx, resource: limits.cpu}}}
                - {name: CM, valueFrom: {configMapKeyRef: {name: cfg, key: k}}}
                - {name: S, valueFrom: {secretKeyRef: {name: sec, key: pw}}}
              - name: side
                image: busybox:1.36

        """

    // Each change is a PATCH of the template, so a revision; no change patches nothing and prints nothing;
    // the argument, flag and name errors are kubectl's, in the order its Complete/Validate/RunEnv meet them.
    @Test func setEnvTranscript() throws {
        let script = ScenarioScript(files: ["web.yaml": Self.twoContainers], steps: [
            (0, "images load nginx:1.25 busybox:1.36"),
            (0, "apply -f web.yaml"),
            (1, "set env deploy/web --list"),
            (2, "set env deploy/web C=3 A=9 B-"),
            (3, "set env deploy/web --list"),
            (4, "set env deploy/web C=3"),
            (4, "set env deploy/web Z-"),
            (5, "set env deploy/web --overwrite=false A=5"),
            (5, "set env deploy/web --overwrite=false A=9"),
            (5, "set env deploy/web 1A=5"),
            (5, "set env deploy/web ..x=5"),
            (5, "set env deploy/web A=1 A-"),
            (5, "set env deploy/web A=1 other"),
            (5, "set env"),
            (5, "set env deploy X=1"),
            (5, "set env deploy/web --all -l app=web X=1"),
            (5, "set env deploy/web --list -o yaml"),
            (5, "set env deploy/web --keys=a Q=1"),
            (5, "set env deploy/web --from=configmap/x"),
            (5, "set env deploy/missing Q=1"),
            (5, "set env deploy/web deploy/missing X=2"),
            (6, "set env deploy/web -c nope Q=1"),
            (6, "set env deploy/web -c si* Q=1 --dry-run=client"),
            (6, "set env deploy/web Q=1 --dry-run=server -o jsonpath={.spec.template.spec.containers[1].env}"),
            (7, "set env deploy/web X= -o name"),
            (8, "set env deploy/web -c side Q- X-"),
            (9, "set env deploy/web --prefix=P_ K=v -e M=1 -c ng*x"),
            (9, "set env deploy/web --list --overwrite=false A=0"),
            (10, "set env deploy --all -c *x --list"),
            (10, "get deploy web -o jsonpath={.spec.template.spec.containers[*].env}"),
            (11, "rollout history deploy/web"),
            (11, "rollout history deploy/web --all"),
            (12, "verify"),
        ])
        try expectGolden(try script.run(), named: "fidelity/set-env.txt")
    }

    /// set_env.go (v1.32) reaches init containers too: selected by `-c`, changed and listed after the containers.
    @Test func initContainersAreSelectedAfterTheContainers() throws {
        let manifest = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: web}
            spec:
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec:
                  initContainers:
                  - {name: init, image: "web:1.0"}
                  containers:
                  - name: web
                    image: "web:1.0"
                    env: [{name: A, value: "1"}]
                  - {name: side, image: "web:1.0"}
            """
        let script = ScenarioScript(files: ["web.yaml": manifest], steps: [
            (0, "images load web:1.0"),
            (0, "apply -f web.yaml"),
            (5, "set env deploy/web --list"),
            (6, "set env deploy/web B=2 -c init"),
            (7, "set env deploy/web -e C=3 -e A- --dry-run=client -o jsonpath={.spec.template.spec.initContainers}"),
            (8, "set env deploy/web B- -c ini*"),
            (9, "set env deploy/web --list"),
        ])
        try expectGolden(try script.run(), named: "fidelity/set-env-init-containers.txt")
    }

    @Test func parsesSetsRemovalsAndStandardInput() throws {
        let changes = try EnvChanges(parsing: ["A=1", "B=x=y", "C=", "D-", "-"]) { "E=5 # comment\n# only\nno equals\nF=\n" }
        #expect(changes.set.map { "\($0.name)=\($0.value)" } == ["A=1", "B=x=y", "C=", "E=5 ", "F="])
        #expect(changes.remove == ["D"])
        #expect(throws: CommandError.client("unknown environment variable: Q")) { try EnvChanges(parsing: ["Q"]) { nil } }
        #expect(throws: CommandError.client("when '-' is used, STDIN must be open")) { try EnvChanges(parsing: ["-"]) { nil } }
        #expect(EnvChanges.nameProblem("my.env-NAME_1") == nil)
        #expect(EnvChanges.nameProblem(".") == "must not be '.'")
        #expect(EnvChanges.nameProblem("9x")?.hasPrefix("a valid environment variable name") == true)
    }

    @Test func updatesInPlaceDropsLaterDuplicatesAndAppendsNewNames() throws {
        let existing: [JSONValue] = [entry("A", "1"), entry("B", "2"), entry("A", "3"), entry("R", "4")]
        let changes = try EnvChanges(parsing: ["N=9", "A=7", "R-", "N=8"]) { nil }
        #expect(changes.applied(to: existing) == [entry("A", "7"), entry("B", "2"), entry("N", "9")])
        #expect(changes.overwriteProblem(in: existing) == "'A' already has a value (1), and --overwrite is false")
        #expect(try EnvChanges(parsing: ["B=2"]) { nil }.overwriteProblem(in: existing) == nil)
    }

    // selectString compares an offset into the rest of the name with an offset into the whole name.
    @Test func containerPatternsMatchAsKubectlDoes() {
        #expect(ContainerPattern.matches("nginx", "*"))
        #expect(ContainerPattern.matches("nginx", "ng*x"))
        #expect(ContainerPattern.matches("nginx", "*gin*"))
        #expect(ContainerPattern.matches("nginx", "ng*"))
        #expect(!ContainerPattern.matches("side", "nginx"))
        #expect(!ContainerPattern.matches("abcabc", "*c*c"))
        #expect(!ContainerPattern.matches("xaxb", "*a*b"))
        #expect(ContainerPattern.matches("ab", "a*a*b"))
    }

    private func entry(_ name: String, _ value: String) -> JSONValue {
        .object(["name": .string(name), "value": .string(value)])
    }
}

/// `kubectl set resources` (pkg/cmd/set/set_resources.go); the same commands but `--record` are diffed with
/// kubectl through serve in KubectlTwinStoreTests.
@Suite(.serialized)
struct SetResourcesTests {
    @Test func setResourcesTranscript() throws {
        let script = ScenarioScript(files: ["web.yaml": SetEnvTests.twoContainers], steps: [
            (0, "images load nginx:1.25 busybox:1.36"),
            (0, "apply -f web.yaml"),
            (1, "set resources deploy/web --limits=cpu=200m,memory=512Mi"),
            (1, "set resources deploy/web --limits=cpu=200m,memory=512Mi"),
            (2, "set resources deploy/web -c side --requests=cpu=0.5 --limits=memory=1024Mi"),   // above its cpu limit
            (2, "set resources deploy/web -c side --requests=cpu=0.1 --limits=memory=1024Mi"),
            (3, "set resources deploy/web --limits=cpu=abc"),
            (3, "set resources deploy/missing --limits=cpu=1"),
            (3, "set resources deploy --all -l app=web --limits=cpu=1"),
            (3, "set resources --limits=cpu=1"),
            (4, "set resources deploy/web --limits=cpu=300m --dry-run=client -o jsonpath={.spec.template.spec.containers[0].resources}"),
            (5, "set resources deploy --all --requests=memory=64Mi -c ng*"),
            (6, "set resources deploy/web --limits=cpu=400m --record"),
            (7, "get deploy web -o jsonpath={.spec.template.spec.containers[*].resources}"),
            (7, "rollout history deploy/web"),
            (7, "rollout history deploy/web --all"),
            (8, "verify"),
        ])
        try expectGolden(try script.run(), named: "fidelity/set-resources.txt")
    }
}
