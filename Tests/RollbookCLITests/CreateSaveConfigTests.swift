import Testing
import TestSupport

/// `create --save-config` (test/cmd/save-config.sh, create.sh): the created object carries its configuration in the
/// last-applied annotation, so a later `apply` merges against it and gives no missing-annotation warning. From a
/// file it is the manifest as apply records it; for `create deployment` the typed object kubectl built.
struct CreateSaveConfigTests {
    @Test func createRecordsTheConfigurationApplyMergesAgainst() throws {
        let manifest = WaitTests.web
        let files = ["web.yaml": manifest, "web2.yaml": manifest.replacingOccurrences(of: "nginx:1.25", with: "nginx:1.26")]
        let steps: [(Int, String)] = [
            (0, "images load nginx:1.25 nginx:1.26"),
            (0, "create -f web.yaml --save-config"),
            (1, "apply view-last-applied deployment/web -o json"),
            (1, "apply -f web2.yaml"),
            (2, "create deployment saved --image=nginx:1.25 --save-config --dry-run=client -o yaml"),
            (2, "create deployment saved --image=nginx:1.25 --save-config"),
            (3, "apply view-last-applied deployment/saved"),
            (3, "create -f web.yaml --save-config --dry-run=client -o yaml"),
        ]
        try expectGolden(try ScenarioScript(files: files, steps: steps).run(), named: "fidelity/create-save-config.txt")
    }
}
