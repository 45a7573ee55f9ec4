import Testing
import TestSupport

/// `diff -f` as kubectl diff (e2e kubectl.go's "Kubectl diff should check if kubectl diff finds a difference for
/// Deployments"): each object live against what a server-side dry run of apply's patch would store, as `diff -u -N`
/// prints two directories; exit 1 when anything differs. The bodies were compared with kubectl v1.32.4 through serve;
/// kubectl's directory names are random and its times the files' own, so here they come from the log's head and the
/// clock.
@Suite(.serialized)
struct DiffFilesTests {
    @Test func liveAgainstApply() throws {
        let web = TestManifests.deployment("web", image: "web:1.0", container: "web", label: ("app", "web"))
        let changed = TestManifests.deployment("web", image: "web:2.0", container: "web", label: ("app", "web"))
        let api = TestManifests.deployment("api", image: "web:1.0", container: "web", label: ("app", "api"))
        let script = ScenarioScript(files: ["web.yaml": web, "web2.yaml": changed, "api.yaml": api], steps: [
            (0, "images load web:1.0 web:2.0"),
            (0, "create -f web.yaml"),
            (5, "diff -f web2.yaml"),
            (5, "diff -f web.yaml"),
            (5, "diff -f api.yaml"),
            (6, "get deploy"),
            // diff.sh: right after an apply of a file without annotations, nothing differs (kubectl's modified
            // configuration always carries `annotations`, so the live ones are not seen as removed).
            (7, "apply -f api.yaml"),
            (8, "diff -f api.yaml"),
        ])
        try expectGolden(try script.run(), named: "fidelity/diff-files.txt")
    }

    // `diff --server-side`: what a server-side apply's dry run would store, its conflicts refused (exit 2, kubectl
    // diff's CheckDiffErr) unless forced.
    @Test func liveAgainstServerSideApply() throws {
        let web = TestManifests.deployment("web", image: "web:1.0", container: "web", label: ("app", "web"))
        let changed = TestManifests.deployment("web", image: "web:2.0", container: "web", label: ("app", "web"))
        let script = ScenarioScript(files: ["web.yaml": web, "web2.yaml": changed], steps: [
            (0, "images load web:1.0 web:2.0"),
            (0, "apply --server-side -f web.yaml"),
            (5, "set image deploy/web web=web:1.0-rc"),
            (5, "diff --server-side -f web2.yaml"),
            (5, "diff --server-side -f web2.yaml --force-conflicts"),
            (5, "diff --force-conflicts -f web2.yaml"),
            (6, "get deploy web -o jsonpath={.spec.template.spec.containers[0].image}"),
        ])
        try expectGolden(try script.run(), named: "fidelity/diff-server-side.txt")
    }
}
