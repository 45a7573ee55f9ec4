import Testing
import TestSupport

/// `-R`/`--recursive` (generic-resources.sh's recursive tests): the directories below the one given are read too,
/// as `filepath.Walk` visits them (by name, depth first), with the files named as Go joins their paths. Checked
/// against kubectl v1.32.4 through serve.
@Suite(.serialized)
struct RecursiveFilesTests {
    @Test func directoriesAreWalked() throws {
        let top = TestManifests.deployment("nginx0", image: "web:1.0", container: "nginx", label: ("app", "nginx0"))
        let nested = TestManifests.deployment("nginx1", image: "web:1.0", container: "nginx", label: ("app", "nginx1"))
        let script = ScenarioScript(files: ["rec/nginx.yaml": top, "rec/deployment/nginx.yaml": nested], steps: [
            (0, "images load web:1.0"),
            (0, "create -f rec --recursive"),
            (1, "get -f rec -o name"),
            (1, "get -f ./rec/ -R -o name"),
            (2, "rollout pause -f rec -R"),
            (3, "label -f rec -R tier=web"),
            (4, "get deploy --show-labels"),
            (5, "delete -f rec -R"),
        ])
        try expectGolden(try script.run(), named: "fidelity/recursive-files.txt")
    }

    /// A document without a kind among them: the verbs that only name objects (all but create, apply and replace)
    /// act on the others and then report it as the unstructured decoder does, without `error: ` where kubectl's
    /// visitors hand it on as it is (get when nothing else was read, describe, rollout pause|resume|restart).
    @Test func anUndecodableFileIsReportedAfterTheOthers() throws {
        let top = TestManifests.deployment("nginx0", image: "web:1.0", container: "nginx", label: ("app", "nginx0"))
        let nested = TestManifests.deployment("nginx1", image: "web:1.0", container: "nginx", label: ("app", "nginx1"))
        let broken = "apiVersion: apps/v1\nind: Deployment\nmetadata:\n  name: nginx2\n"
        let script = ScenarioScript(
            files: ["rec/nginx.yaml": top, "rec/deployment/nginx.yaml": nested, "rec/deployment/nginx-broken.yaml": broken],
            steps: [
                (0, "images load web:1.0"),
                (0, "create -f rec/nginx.yaml -f rec/deployment/nginx.yaml"),
                (1, "get -f rec -R -o name"),
                (1, "get -f rec/deployment/nginx-broken.yaml"),
                (2, "label -f rec -R tier=web"),
                (3, "rollout pause -f rec -R"),
                (4, "rollout history -f rec -R"),
                (5, "scale -f rec/deployment/nginx-broken.yaml --replicas=2"),
                (6, "delete -f rec -R"),
                (7, "get deploy"),
            ])
        try expectGolden(try script.run(), named: "fidelity/recursive-broken-file.txt")
    }
}
