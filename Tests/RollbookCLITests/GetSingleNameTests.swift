import Testing
import TestSupport

/// get.go's rules for what it prints when names are given (test/cmd/get.sh, generic-resources.sh), each checked
/// against kubectl v1.32.4 through serve: one name not found is its error alone (no empty List), nothing found with
/// --ignore-not-found prints nothing in any output, a name across all namespaces is refused, and a watch of objects
/// from files counts them.
@Suite(.serialized)
struct GetSingleNameTests {
    @Test func namesNotFoundIgnoredAcrossNamespacesAndWatchedFromFiles() throws {
        let web = TestManifests.deployment("web", image: "web:1.0", container: "web", label: ("app", "web"))
        let db = TestManifests.deployment("db", image: "web:1.0", container: "web", label: ("app", "db"))
        let script = ScenarioScript(files: ["multi.yaml": web + "\n---\n" + db], steps: [
            (0, "images load web:1.0"),
            (0, "create -f multi.yaml"),
            (5, "get pods abc -o json"),
            (5, "get deploy/abc -o jsonpath={.items}"),
            (5, "get deploy abc -o name"),
            (5, "get deploy abc def -o json"),
            (5, "get deploy abc -o json --ignore-not-found"),
            (5, "get deploy -o yaml --ignore-not-found -l app=zzz"),
            (5, "get deploy,rs -o name --ignore-not-found -n empty"),
            (5, "get deploy web -A"),
            (5, "get -f multi.yaml --watch --request-timeout=1"),
        ])
        try expectGolden(try script.run(), named: "fidelity/get-single-name.txt")
    }

    /// With `-f`, one file path implies a single item (FilenameParam): an object of it not found is the error alone,
    /// and its one object prints bare; a directory does not, so it lists what it found beside the errors.
    @Test func oneFileImpliesASingleItem() throws {
        let web = TestManifests.deployment("web", image: "web:1.0", container: "web", label: ("app", "web"))
        let db = TestManifests.deployment("db", image: "web:1.0", container: "web", label: ("app", "db"))
        let script = ScenarioScript(
            files: ["multi.yaml": web + "\n---\n" + db, "web.yaml": web, "dir/web.yaml": web, "dir/db.yaml": db],
            steps: [
                (0, "images load web:1.0"),
                (0, "create -f web.yaml"),
                (1, "get -f web.yaml -o jsonpath={.kind}"),
                (1, "get -f multi.yaml -o name"),
                (1, "get -f multi.yaml"),
                (1, "get -f dir -o name"),
                (1, "get -f dir -o jsonpath={.kind}"),
            ])
        try expectGolden(try script.run(), named: "fidelity/get-one-file.txt")
    }

    /// `--server-print=false` prints kubectl's own `NAME AGE` table; `--subresource=status` is the object,
    /// `--subresource=scale` its `autoscaling/v1` Scale, refused without names (get.sh). Checked against kubectl
    /// v1.32.4 through serve, whose client-side ages come from its wall clock.
    @Test func serverPrintAndSubresources() throws {
        let script = ScenarioScript(files: [:], steps: [
            (0, "images load web:1.0"),
            (0, "create deployment web --image=web:1.0"),
            (0, "create deployment api --image=web:1.0"),
            (5, "get deploy --server-print=false"),
            (5, "get pods -A --server-print=false --show-labels"),
            (5, "get deploy web --subresource=status"),
            (5, "get deploy web --subresource=scale"),
            (5, "get deploy web --subresource=scale -o yaml"),
            (5, "get deploy web nope --subresource=scale -o name"),
            (5, "get deploy --subresource=scale"),
            (5, "get deploy web --subresource=x"),
        ])
        try expectGolden(try script.run(), named: "fidelity/get-server-print-subresource.txt")
    }
}
