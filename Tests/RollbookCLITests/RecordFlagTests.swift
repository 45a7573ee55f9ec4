import Testing
import TestSupport

/// The deprecated `--record` on create, apply, label, annotate, patch and scale: the command line becomes the
/// `kubernetes.io/change-cause` annotation (in apply's last-applied configuration too, as apply records first),
/// which rollout history shows. Checked against kubectl v1.32.4 through serve, whose change-cause names kubectl and
/// its --server flag where this one names rollbook.
@Suite(.serialized)
struct RecordFlagTests {
    @Test func theCommandLineIsTheChangeCause() throws {
        let web = TestManifests.deployment("web", image: "web:1.0", container: "web", label: ("app", "web"))
        let api = TestManifests.deployment("api", image: "web:1.0", container: "web", label: ("app", "api"))
        let script = ScenarioScript(files: ["web.yaml": web, "api.yaml": api], steps: [
            (0, "images load web:1.0"),
            (0, "create -f web.yaml --record"),
            (0, "apply -f api.yaml --record"),
            (1, "rollout history deploy/web"),
            (2, "label deploy/web a=b --record"),
            (3, "annotate deploy/api x=y --record"),
            (4, #"patch deploy/web -p '{"spec":{"replicas":2}}' --record"#),
            (5, "scale deploy/api --replicas=2 --record"),
            (6, #"get deploy -o custom-columns=NAME:.metadata.name,CAUSE:.metadata.annotations.kubernetes\.io/change-cause"#),
            (6, "rollout history deploy/api"),
            (6, "verify"),
        ])
        try expectGolden(try script.run(), named: "fidelity/record-flag.txt")
    }
}
