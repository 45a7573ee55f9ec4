import Testing
import TestSupport

/// kubectl delete's selection and flags as test/cmd/apps.sh uses them ("delete deployments --all
/// --grace-period=10", "delete deployment NAME --cascade"). Checked against kubectl v1.32.4: nothing
/// selected is "No resources found" on stdout, exit 0; --force with --grace-period=0 warns first.
@Suite(.serialized)
struct DeleteSelectionTests {
    @Test func deleteByLabelAllAndFlags() throws {
        let script = ScenarioScript(files: [:], steps: [
            (0, "images load web:1.0"),
            (0, "create deployment web --image=web:1.0"),
            (0, "create deployment api --image=web:1.0"),
            (0, "create deployment db --image=web:1.0"),
            (5, "delete deployments -l app=api --grace-period=10"),
            (6, "delete deployment db --cascade"),
            (7, "delete deployments --all --cascade=orphan --wait=false"),
            (8, "delete deployments --all"),
            (9, "get rs"),
            (10, "delete deployment nope --grace-period=0 --force"),
        ])
        try expectGolden(try script.run(), named: "fidelity/delete-selection.txt")
    }

    /// Several types at once, as run_kubectl_apply_deployments_tests cleans up ("delete deployments,rs,pods
    /// --all --cascade=orphan --grace-period=0"): type by type, each listed when its turn comes. An orphaning
    /// delete of a ReplicaSet leaves its pods, which the ReplicaSet made again adopts.
    @Test func deleteSeveralTypesAndOrphans() throws {
        let script = ScenarioScript(files: [:], steps: [
            (0, "images load web:1.0"),
            (0, "create deployment web --image=web:1.0 --replicas=2"),
            (0, "create deployment api --image=web:1.0"),
            (1, "delete rs -l app=web --cascade=orphan"),
            (2, "get pods -l app=web -o custom-columns=NAME:.metadata.name,OWNER:.metadata.ownerReferences[0].name"),
            (2, "verify"),
            (3, "delete deployment/api rs/nope deployment/nope"),
            (4, "delete deployments,rs,pods --all --cascade=orphan --grace-period=0"),
            (5, "get all"),
            (6, "delete deployments,replicasets --all"),
            (7, "delete deployments,rs"),
            (8, "delete deployments,widgets --all"),
            (8, "delete deployment/web rs"),
            (8, "delete deploy,deploy nope"),
            (8, "delete deployment/nope rs/nope --ignore-not-found"),
            (8, "delete deployments -l app=nope --ignore-not-found"),
            (9, "verify"),
        ])
        try expectGolden(try script.run(), named: "fidelity/delete-several-types.txt")
    }

    /// The resource builder's refusals, which delete nothing (delete_test.go, test/cmd/core.sh), and the flags
    /// delete.txtar and delete.sh use: a bare `--wait`, `--now`, `--timeout`, `-A` with `--all` or `-l`.
    @Test func refusedSelectionsAndWaitNowAllNamespaces() throws {
        let script = ScenarioScript(files: [:], steps: [
            (0, "images load web:1.0"),
            (0, "create deployment web --image=web:1.0"),
            (0, "create deployment d2 --image=web:1.0"),
            (0, "create deployment one --image=web:1.0 -n ns1"),
            (0, "create deployment two --image=web:1.0 -n ns2"),
            (1, "delete deploy web --all"),
            (1, "delete deploy web -l app=web"),
            (1, "delete deploy --all -l app=web"),
            (1, "delete deploy web -A"),
            (1, "delete deploy web --now --grace-period=10"),
            (1, "delete deploy web --wait=maybe"),
            (2, "delete deploy web --wait --dry-run=server"),
            (2, "delete deploy --all -A --dry-run=server"),
            (3, "delete deploy d2 --now --wait=false --timeout=5s"),
            (4, "delete deploy -A -l app=one"),
            (5, "get deploy -A"),
            (5, "delete deploy web --wait"),
        ])
        try expectGolden(try script.run(), named: "fidelity/delete-refusals.txt")
    }

    /// `--field-selector` (delete.txtar): the objects whose fields match, refused beside `--all` or a name.
    @Test func fieldSelector() throws {
        let script = ScenarioScript(files: [:], steps: [
            (0, "images load web:1.0"),
            (0, "create deployment web --image=web:1.0"),
            (0, "create deployment db --image=web:1.0"),
            (1, "delete deploy --field-selector metadata.name=nope"),
            (1, "delete deploy --all --field-selector=metadata.name=web"),
            (1, "delete deploy web --field-selector=metadata.name=web"),
            (1, "delete deploy --field-selector=spec.x=web"),
            (2, "delete deploy --field-selector=metadata.name=web --dry-run=server"),
            (3, "delete deploy --field-selector=metadata.name!=web"),
            (4, "get deploy"),
        ])
        try expectGolden(try script.run(), named: "fidelity/delete-field-selector.txt")
    }
}
