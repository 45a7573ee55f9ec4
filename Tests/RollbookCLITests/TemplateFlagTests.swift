import Testing
import TestSupport

/// A bare `--template` on every verb that prints objects, as test/cmd/template-output.sh runs it: a go-template
/// unless `-o` names another format; `rollout history` applies it to the Deployment. Checked against kubectl v1.32.4
/// through serve.
@Suite(.serialized)
struct TemplateFlagTests {
    @Test func aBareTemplateIsAGoTemplate() throws {
        let deployment = TestManifests.deployment("deploy", image: "web:1.0", container: "web", label: ("app", "deploy"))
        let script = ScenarioScript(files: ["deploy.yaml": deployment], steps: [
            (0, "images load web:1.0 web:2.0"),
            (0, "create -f deploy.yaml --template={{.metadata.name}}:"),
            (1, "create deployment cm --image=web:1.0 --dry-run=client --template={{.metadata.name}}:"),
            (1, "create deployment cm --image=web:1.0 --dry-run=client --template={{.metadata.name}}: --output name"),
            (1, "apply -f deploy.yaml --dry-run=client --template={{.metadata.name}}:"),
            (2, "label --dry-run=client deploy/deploy l=v --template={{.metadata.name}}:"),
            (2, "annotate --dry-run=client deploy/deploy a=v --template={{.metadata.name}}:"),
            (2, #"patch --dry-run=client deploy/deploy -p '{"metadata":{"labels":{"x":"y"}}}' --template={{.metadata.name}}:"#),
            (2, "set image deploy/deploy web=web:2.0 --dry-run=client --template={{.metadata.name}}:"),
            (2, "set env deploy/deploy A=B --dry-run=client --template={{.metadata.name}}:"),
            (3, "rollout pause deploy/deploy --template={{.metadata.name}}:"),
            (4, "rollout resume deploy/deploy --template={{.metadata.name}}:"),
            (5, "rollout restart deploy/deploy --template={{.metadata.name}}:"),
            (6, "rollout history deploy/deploy --template={{.metadata.name}}:"),
            (6, "rollout history deploy/deploy -o go-template --template={{.metadata.name}}:"),
            (7, "rollout undo deploy/deploy --to-revision=1 --template={{.metadata.name}}:"),
            (8, "scale deploy/deploy --replicas=2 --template={{.metadata.name}}:"),
            (9, "replace -f deploy.yaml --template={{.metadata.name}}:"),
        ])
        try expectGolden(try script.run(), named: "fidelity/template-flag.txt")
    }
}
