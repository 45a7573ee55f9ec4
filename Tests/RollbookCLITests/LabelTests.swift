import Testing
import TestSupport

/// `kubectl label` (pkg/cmd/label/label.go) on Deployments. The golden was diffed with kubectl v1.32 running the
/// same commands against `rollbook serve` on a twin store: identical except where kubectl walks a Go map (several
/// `--overwrite` refusals, `--list`), whose random order Rollbook sorts.
@Suite(.serialized)
struct LabelTests {
    // Without --overwrite any label named that exists is refused, even with its own value; removing without
    // --overwrite says "unlabeled"; a missing label to remove is reported and the patch goes on ("not labeled").
    @Test func labelTranscript() throws {
        let script = ScenarioScript(files: [:], steps: [
            (0, "images load web:1.0"),
            (0, "create deployment web --image=web:1.0"),
            (1, "label deploy/web tier=front"),
            (2, "label deploy/web tier=front"),
            (2, "label deploy/web tier=front c=3"),
            (2, "label deploy/web tier=other c=3"),
            (2, "label deploy/web tier=back --overwrite"),
            (3, "label deploy/web --list"),
            (4, "label deploy/web tier-"),
            (4, "label deploy/web tier-"),
            (5, "label deploy/web a=1 b=2 --dry-run=client"),
            (5, "label deploy/web a=1 --dry-run=server -o jsonpath={.metadata.labels}"),
            (6, "label deploy/web a=1 -o name"),
            (6, "label deploy/web 'bad key=1'"),
            (6, "label deploy/web k=bad/value"),
            (6, "label deploy/web k=a=b"),
            (6, "label deploy/web k"),
            (6, "label deploy/web k=1 k-"),
            (6, "label deploy/web --list -o yaml"),
            (6, "label deploy/web --all -l app=web x=1"),
            (6, "label deploy x=1"),
            (6, "label deploy/web z=1 other"),
            (7, "label deploy/web deploy/missing z=1"),
            (8, "label deploy/web c=3 a- --overwrite"),
            (9, "label deploy -l app=web q=1"),
            (9, "label deploy --all --list"),
            (10, "get deploy --show-labels"),
            // --resource-version: in the patch, the server's precondition; one object only. --field-manager names the
            // writer in managedFields.
            (10, "label deploy/web r=1 --resource-version=1"),
            (10, "label deploy/web deploy/web r=1 --resource-version=1"),
            (10, "annotate deploy/web r=1 --resource-version=1"),
            (10, "annotate deploy --all r=1 --resource-version=1"),
            (10, "get deploy web -o jsonpath={.metadata.resourceVersion}"),
            (10, "label deploy/web r=1 --resource-version=24 --field-manager=ops"),
            (10, "get deploy web --show-managed-fields -o jsonpath={.metadata.managedFields[*].manager}"),
            // kubectl checks an annotation clash before the server checks the version; a client dry run prints the
            // version given; names and a selector do not mix; names win over --all.
            (10, "annotate deploy/web deployment.kubernetes.io/revision=9 --resource-version=1"),
            (10, "label deploy/web s=1 --resource-version=1 --dry-run=client -o jsonpath={.metadata.resourceVersion}"),
            (10, "label deploy web s=1 -l app=web"),
            (10, "annotate deploy web s=1 -l app=web"),
            (10, "annotate deploy web s=1 --all --dry-run=server"),
            (10, "rollout history deploy/web"),
            (11, "verify"),
        ])
        try expectGolden(try script.run(), named: "fidelity/label.txt")
    }

    /// label.go applies the changes to its copy before `--list` prints it (and refuses a clash without
    /// `--overwrite`); scale.go prints an object named by `-f` as the file holds it. Checked against kubectl v1.32.4.
    @Test func listAfterChangesAndScaleOfAFile() throws {
        let web = TestManifests.deployment("web", image: "web:1.0", container: "web", label: ("app", "web"), labelled: true)
        let script = ScenarioScript(files: ["web.yaml": web], steps: [
            (0, "images load web:1.0"),
            (0, "create -f web.yaml"),
            (1, "label deploy web --list new=v"),
            (1, "label deploy web --list app-"),
            (1, "label deploy web --list app=z --overwrite"),
            (1, "label deploy web --list app=z"),
            (2, "scale -f web.yaml --replicas=2 -o json"),
            (3, "scale -f web.yaml --replicas=3 --dry-run=client -o jsonpath={.spec.replicas}"),
            (4, "get deploy web --show-labels"),
        ])
        try expectGolden(try script.run(), named: "fidelity/label-list-scale-file.txt")
    }
}
