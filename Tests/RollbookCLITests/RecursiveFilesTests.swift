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
}
