import Testing
import TestSupport

/// Edges of kubectl's resource builder and verbs that an audit against kubectl v1.32 (through `rollbook serve` on a
/// twin store) found answered differently: a selector with no type, `--all` with no type, boolean `--cascade`
/// values, an empty history asked for a revision, a negative status revision, and `set image` naming one container
/// the Deployment has and one it has not; a custom column whose path fails; `--dry-run`'s deprecated spellings.
struct KubectlEdgeCasesTests {
    static let paused = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: held
        spec:
          paused: true
          selector:
            matchLabels:
              app: held
          template:
            metadata:
              labels:
                app: held
            spec:
              containers:
              - name: app
                image: nginx:1.25
        """

    static let invalid = paused.replacingOccurrences(of: "name: held", with: "name: bad")
        .replacingOccurrences(of: "  paused: true", with: "  replicas: -1")

    static let labelled = WaitTests.web.replacingOccurrences(of: "name: web\n", with: "name: labelled\n")

    @Test func builderAndVerbEdgesAnswerAsKubectlDoes() throws {
        let steps: [(Int, String)] = [
            (0, "images load nginx:1.25 nginx:1.26"),
            (0, "create deployment web --image=nginx:1.25"),
            (0, "create deployment api --image=nginx:1.25"),
            (0, "create deployment tmp --image=nginx:1.25"),
            (0, "apply -f held.yaml"),
            // A selector needs a type to select from; --all selects only once a type is given.
            (1, "scale -l app=web --replicas=2"),
            (1, "scale --all --replicas=2"),
            (1, "set image -l app=web nginx=nginx:1.26"),
            (1, "set image --all nginx=nginx:1.26"),
            (1, "set resources -l app=web --limits=cpu=1"),
            (1, "delete -l app=web"),
            (1, "delete --all"),
            (1, "wait --for=create -l app=web"),
            // ParseBool's spellings, with the deprecation warning.
            (1, "delete deploy tmp --cascade=TRUE --dry-run=client"),
            (1, "delete deploy tmp --cascade=0"),
            (1, "delete deploy tmp --cascade=yes"),
            (1, "get rs -l app=tmp"),
            // ViewHistory answers an empty history before it looks for the revision.
            (1, "rollout history deploy/held --revision=1"),
            (1, "rollout status deploy/web --revision=-1"),
            // The container the Deployment has is patched; the one it has not is reported.
            (1, "set image deploy/web nginx=nginx:1.26 nope=x"),
            (2, "get deploy web -o jsonpath={.spec.template.spec.containers[0].image}"),
            // A column whose path fails ends the table there: the header is printed, then the error.
            (2, "get deploy -o custom-columns=N:.metadata.name,X:.status.conditions[5].type"),
            // GetDryRunStrategy's deprecated spellings: a boolean, or the flag alone, with a warning.
            (3, "apply -f held.yaml --dry-run=true"),
            (3, "apply --dry-run -f held.yaml"),
            (3, "scale deploy api --replicas=3 --dry-run"),
            (3, "create deployment zz --image=nginx:1.25 --dry-run=TRUE"),
            (3, "delete deploy api --dry-run=0 --cascade=orphan"),
            (3, "get deploy"),
            // A client dry run sends nothing: nothing validates the object.
            (4, "apply -f bad.yaml --dry-run=client"),
            (4, "apply -f bad.yaml"),
            // apply -l: the files' objects the selector matches, or none at all.
            (4, "apply -l app=web -f labelled.yaml"),
            (4, "apply -l app=none -f labelled.yaml"),
            // patch --dry-run: a copy patched here (unvalidated) or by the server; the printer says nothing of it.
            (4, "patch deploy web -p '{\"spec\":{\"replicas\":5}}' --dry-run=client -o jsonpath={.spec.replicas}"),
            (4, "patch deploy web -p '{\"spec\":{\"replicas\":-5}}' --dry-run=client"),
            (4, "patch deploy web -p '{\"spec\":{\"replicas\":5}}' --dry-run=server"),
            (4, "patch deploy web -p '{\"spec\":{\"replicas\":-5}}' --dry-run=server"),
            (4, "patch deploy web -p '{}' --dry-run=server"),
            (4, "get deploy web -o jsonpath={.spec.replicas}"),
            // patch --local: the file's object patched and printed, the store untouched.
            (4, "patch --local -f labelled.yaml -p '{\"spec\":{\"replicas\":3}}' -o yaml"),
            (4, "patch --local -f labelled.yaml -p '{}'"),
            (4, "patch --local deploy/web -p '{}'"),
            (4, "patch --local -f labelled.yaml -p '{\"spec\":{}}' --type=json"),
            // cobra's aliases.
            (4, "create deploy alias --image=nginx:1.25"),
            (4, "set sa deploy/alias robot"),
            (5, "get deploy alias -o 'jsonpath={.spec.template.spec.serviceAccountName} {.metadata.managedFields[*].manager}'"),
        ]
        try expectGolden(
            try ScenarioScript(files: ["held.yaml": Self.paused, "bad.yaml": Self.invalid, "labelled.yaml": Self.labelled], steps: steps).run(),
            named: "fidelity/kubectl-edge-cases.txt")
    }
}
