import Testing
import TestSupport

/// ReplicaSets users write themselves (`create -f`, `apply -f`, `scale rs`, `delete -f`): the ReplicaSet
/// controller and kubelet run them as any other, and a Deployment whose selector matches claims them, as e2e's
/// RollingUpdateDeployment and cleanup-policy tests expect (they start from such a ReplicaSet).
struct ReplicaSetWritesTests {
    static func replicaSet(_ name: String, image: String, labels: String, replicas: Int = 1, revision: String? = nil)
        -> String
    {
        """
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata:
          name: \(name)
          labels: {\(labels)}
        \(revision.map { "  annotations: {deployment.kubernetes.io/revision: \"\($0)\"}" } ?? "")
        spec:
          replicas: \(replicas)
          selector:
            matchLabels: {\(labels)}
          template:
            metadata:
              labels: {\(labels)}
            spec:
              containers:
              - name: httpd
                image: \(image)
        """
    }

    static func deployment(_ name: String, image: String, historyLimit: Int? = nil) -> String {
        TestManifests.deployment(
            name, image: image, container: "agnhost", label: ("name", "sample-pod"), replicas: 1,
            spec: historyLimit.map { ["revisionHistoryLimit: \($0)"] } ?? [])
    }

    static let columns =
        "custom-columns=NAME:.metadata.name,OWNER:.metadata.ownerReferences[0].name,DESIRED:.spec.replicas,GENERATION:.metadata.generation,REVISION:.metadata.annotations.deployment\\.kubernetes\\.io/revision"

    @Test func aUsersReplicaSetRunsItsPods() throws {
        let files = [
            "rs.yaml": Self.replicaSet("frontend", image: "httpd:2.4", labels: "tier: frontend", replicas: 2),
            "rs-2.5.yaml": Self.replicaSet("frontend", image: "httpd:2.5", labels: "tier: frontend", replicas: 2),
        ]
        let steps: [(Int, String)] = [
            (0, "images load httpd:2.4 httpd:2.5"),
            (0, "create -f rs.yaml"),
            (1, "get rs,pods -o wide"),
            (1, "describe rs frontend"),
            // test/cmd/apps.sh's describe_object_events_assert: the Events section only with --show-events=true.
            (1, "describe rs frontend --show-events=false"),
            (1, "describe pods --show-events=false"),
            // describe_resource_chunk_size_assert: paging is the client's; the answer is the same.
            (1, "get rs --chunk-size=1"),
            (1, "describe rs --chunk-size=10 --show-events=false"),
            (2, "scale rs frontend --replicas=3"),
            (3, "get rs,pods"),
            (3, "scale rs/frontend --replicas=1 --current-replicas=2"),
            (4, "scale -f rs.yaml --replicas=1"),
            (5, "get rs,pods"),
            // A new template changes the ReplicaSet, not its running pods: a ReplicaSet does not roll.
            (6, "apply -f rs-2.5.yaml"),
            (7, "get rs -o \(Self.columns)"),
            (7, "get rs,pods -o wide"),
            (8, "apply -f rs-2.5.yaml"),
            (9, "delete pod frontend-gsh2c"),
            (10, "get pods -o wide"),
            (11, "delete -f rs.yaml --cascade=orphan"),
            (12, "get rs,pods"),
            (12, "events --type ReplicaSetConfigured,ReplicaSetDeleteRequested"),
            (13, "verify"),
        ]
        try expectGolden(try ScenarioScript(files: files, steps: steps).run(), named: "fidelity/replicaset-writes.txt")
    }

    /// label, annotate, set image, patch and replace write a ReplicaSet as they write a Deployment; a new image reaches only the
    /// Pods the ReplicaSet creates afterwards.
    @Test func theVerbsThatPatchTakeReplicaSets() throws {
        let files = ["rs.yaml": Self.replicaSet("frontend", image: "httpd:2.4", labels: "tier: frontend", replicas: 2)]
        let steps: [(Int, String)] = [
            (0, "images load httpd:2.4 httpd:2.5"),
            (0, "create -f rs.yaml"),
            (1, "label rs frontend env=prod"),
            (1, "label rs frontend env=dev"),
            (1, "label rs/frontend env=dev --overwrite"),
            (1, "label rs frontend --list"),
            (1, "label -f rs.yaml team=web -o name"),
            (2, "annotate rs frontend note=first"),
            (2, "annotate rs frontend note=second"),
            (2, "annotate rs --all note=second --overwrite"),
            (2, "annotate rs frontend note- --dry-run=server -o jsonpath={.metadata.annotations}"),
            (2, "annotate rs frontend --list"),
            (3, "set image rs/frontend httpd=httpd:2.5"),
            (3, "set image rs/frontend missing=httpd:2.5"),
            (3, "set image rs -l tier=frontend httpd=httpd:2.5"),
            (4, "scale rs frontend --replicas=3"),
            (5, "get rs,pods -o wide --show-labels"),
            (5, "label rs nothing a=b"),
            (5, "patch rs frontend -p '{\"spec\":{\"replicas\":1}}'"),
            (5, "patch rs frontend --type merge -p '{\"metadata\":{\"labels\":{\"team\":null}}}' -o jsonpath={.metadata.labels}"),
            (5, "patch rs frontend -p '{\"spec\":{\"replicas\":1}}'"),
            (5, "patch rs frontend -p '{\"spec\":{\"replicas\":-1}}'"),
            (5, "patch rs frontend --type json -p '[{\"op\":\"replace\",\"path\":\"/spec/selector/matchLabels/tier\",\"value\":\"x\"}]'"),
            (5, "patch rs nothing -p '{}'"),
            (5, "get rs,pods"),
            // A PUT: the file's labels, annotations and spec replace the stored ones.
            (5, "replace -f rs.yaml -o jsonpath={.metadata.labels}{.spec.replicas}"),
            (5, "replace -f rs.yaml --force"),
            (6, "verify"),
        ]
        try expectGolden(try ScenarioScript(files: files, steps: steps).run(), named: "fidelity/replicaset-patches.txt")
    }

    /// e2e's "should adopt matching pods on creation" across ReplicaSets (`claimPods`): a ReplicaSet adopts the
    /// orphans its selector matches whichever ReplicaSet made them, and deletes the surplus; orphans an orphaning
    /// delete leaves go to a ReplicaSet that matches them. Their Events stay where they were recorded.
    @Test func orphanedPodsAreClaimedAcrossReplicaSets() throws {
        let files = [
            "first.yaml": Self.replicaSet("first", image: "httpd:2.4", labels: "name: sample-pod", replicas: 2),
            "second.yaml": Self.replicaSet("second", image: "httpd:2.4", labels: "name: sample-pod", replicas: 1),
        ]
        let steps: [(Int, String)] = [
            (0, "images load httpd:2.4"),
            (0, "create -f first.yaml"),
            (5, "delete rs first --cascade=orphan"),
            (6, "create -f second.yaml"),
            (7, "get rs,pods -o \(Self.columns)"),
            (7, "describe pod first-sv76q"),
            (8, "create -f first.yaml"),
            (9, "delete rs second --cascade=orphan"),
            (10, "get rs,pods -o \(Self.columns)"),
            (10, "events --type PodsReleased,PodsTransferred,PodAdopted,PodDeleted"),
            (11, "get pods --at 20"),
            (11, "verify"),
            (11, "replay"),
        ]
        try expectGolden(try ScenarioScript(files: files, steps: steps).run(), named: "fidelity/replicaset-pod-claims.txt")
    }

    /// One file of both kinds: created, read and deleted object by object in file order, each as its kind.
    @Test func aFileOfBothKinds() throws {
        let files = [
            "both.yaml": Self.replicaSet("frontend", image: "httpd:2.4", labels: "tier: frontend") + "\n---\n"
                + Self.deployment("web", image: "httpd:2.4"),
        ]
        let steps: [(Int, String)] = [
            (0, "images load httpd:2.4"),
            (0, "create -f both.yaml"),
            (1, "get -f both.yaml"),
            (1, "get -f both.yaml -o name"),
            (2, "apply -f both.yaml"),
            (3, "delete -f both.yaml"),
            (4, "get rs,deploy"),
        ]
        try expectGolden(try ScenarioScript(files: files, steps: steps).run(), named: "fidelity/replicaset-mixed-file.txt")
    }

    /// integration's TestReplicaSetOrphaningAndAdoptionWhenLabelsChange: a ReplicaSet relabelled out of its
    /// Deployment's selector is released (it keeps its Pods), and the Deployment's new one collides with its name;
    /// relabelled back, the Deployment adopts it again. Then a template label the Pods lack is not counted in
    /// `fullyLabeledReplicas`, and the audit views list the user's ReplicaSet writes.
    @Test func relabellingReleasesAndAdopts() throws {
        let files = [
            "ns.yaml": Self.replicaSet("spare", image: "httpd:2.4", labels: "app: spare")
                .replacingOccurrences(of: "  name: spare\n", with: "  name: spare\n  namespace: other\n"),
        ]
        let steps: [(Int, String)] = [
            (0, "images load httpd:2.4"),
            (0, "create deployment web --image=httpd:2.4 --replicas=2"),
            (5, "label rs web-7889f8f46 app=released --overwrite"),
            (6, "get rs,pods -o \(Self.columns)"),
            (6, "get deployment web -o jsonpath={.status.collisionCount}"),
            (7, "label rs web-7889f8f46 app=web --overwrite"),
            (8, "get rs -o \(Self.columns)"),
            (9, "patch rs web-7889f8f46 --type merge -p '{\"metadata\":{\"ownerReferences\":null}}'"),
            (9, "get rs web-7889f8f46 -o jsonpath={.metadata.ownerReferences[0].name}"),
            // A controller reference is set by a claim only.
            (9, "patch rs web-7889f8f46 --type merge -p '{\"metadata\":{\"ownerReferences\":[{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"name\":\"x\",\"uid\":\"1\",\"controller\":true}]}}'"),
            // Released by its Deployment, a ReplicaSet goes to another Deployment that matches it.
            (9, "create deployment other --image=httpd:2.4"),
            (9, "label rs web-7889f8f46 app=other --overwrite"),
            (10, "get rs -o \(Self.columns)"),
            (10, "create -f ns.yaml"),
            (10, "label -f ns.yaml team=a"),
            (10, "get rs -n other --show-labels"),
            (11, "patch rs spare -n other -p '{\"spec\":{\"template\":{\"metadata\":{\"labels\":{\"extra\":\"1\"}}}}}'"),
            (12, "scale rs spare -n other --replicas=3"),
            (13, "get rs spare -n other -o jsonpath={.status.fullyLabeledReplicas}/{.status.replicas}"),
            (13, "set image rs httpd=httpd:2.5"),
            (13, "sql \"SELECT seq, change, object, namespace, detail FROM audit_changes WHERE object LIKE 'replicaset/%'\""),
            (13, "sql \"SELECT replicaset, change, replicas_from, replicas FROM audit_replica_counts WHERE namespace = 'other'\""),
            (14, "verify"),
        ]
        try expectGolden(try ScenarioScript(files: files, steps: steps).run(), named: "fidelity/replicaset-relabel.txt")
    }

    /// e2e "RollingUpdateDeployment should delete old pods and create new ones": the Deployment claims the
    /// ReplicaSet its selector matches, scales it down, and its new ReplicaSet takes the next revision after the
    /// one the claimed ReplicaSet carries.
    @Test func aDeploymentClaimsAUsersReplicaSet() throws {
        let files = [
            "rs.yaml": Self.replicaSet(
                "test-rolling-update-controller", image: "httpd:2.4", labels: "name: sample-pod, pod: httpd",
                revision: "3546343826724305832"),
            "deployment.yaml": Self.deployment("test-rolling-update-deployment", image: "agnhost:2.40"),
        ]
        let steps: [(Int, String)] = [
            (0, "images load httpd:2.4 agnhost:2.40"),
            (0, "create -f rs.yaml"),
            (5, "create -f deployment.yaml"),
            (6, "get rs,pods -o \(Self.columns)"),
            (6, "rollout history deployment/test-rolling-update-deployment"),
            (6, "describe deployment test-rolling-update-deployment"),
            (7, "verify"),
            (7, "replay"),
        ]
        try expectGolden(try ScenarioScript(files: files, steps: steps).run(), named: "fidelity/replicaset-claimed.txt")
    }

    /// e2e "deployment should delete old replica sets": with `revisionHistoryLimit: 0` the claimed ReplicaSet,
    /// once scaled down, is deleted.
    @Test func aClaimedReplicaSetIsCleanedUp() throws {
        let files = [
            "rs.yaml": Self.replicaSet("test-cleanup-controller", image: "httpd:2.4", labels: "name: sample-pod, pod: httpd"),
            "deployment.yaml": Self.deployment("test-cleanup-deployment", image: "agnhost:2.40", historyLimit: 0),
        ]
        let steps: [(Int, String)] = [
            (0, "images load httpd:2.4 agnhost:2.40"),
            (0, "apply -f rs.yaml"),
            (5, "apply -f deployment.yaml"),
            (6, "get rs,pods -o \(Self.columns)"),
            (6, "rollout history deployment/test-cleanup-deployment --all"),
        ]
        try expectGolden(try ScenarioScript(files: files, steps: steps).run(), named: "fidelity/replicaset-cleanup.txt")
    }

    /// A ReplicaSet created after the Deployment wakes it (`addReplicaSet` enqueues the Deployments that match an
    /// orphan): the Deployment claims it and scales it down, as it would one left by an orphaning delete.
    @Test func aLaterReplicaSetIsClaimedByTheDeploymentItMatches() throws {
        let files = [
            "stray.yaml": Self.replicaSet("stray", image: "httpd:2.5", labels: "app: web", replicas: 2),
            // history.go leaves out a ReplicaSet whose revision is not a number.
            "odd.yaml": Self.replicaSet("odd", image: "httpd:2.6", labels: "app: web", revision: "abc"),
        ]
        let steps: [(Int, String)] = [
            (0, "images load httpd:2.4 httpd:2.5"),
            (0, "create deployment web --image=httpd:2.4 --replicas=2"),
            (5, "create -f stray.yaml"),
            (6, "get rs,pods -o \(Self.columns)"),
            (6, "events --type ReplicaSetConfigured,ReplicaSetReleased,ReplicaSetTransferred,ReplicaSetAdopted,ReplicaSetScaled"),
            (7, "create -f odd.yaml"),
            (8, "get rs -o \(Self.columns)"),
            (8, "rollout history deployment/web"),
            (9, "verify"),
        ]
        try expectGolden(try ScenarioScript(files: files, steps: steps).run(), named: "fidelity/replicaset-later-claim.txt")
    }

    /// The API server's refusals: validation (`ValidateReplicaSet`), a name the namespace already has (a
    /// Deployment's ReplicaSet, in another stream, included), strict decoding, the immutable selector. Nothing is
    /// stored.
    @Test func badReplicaSetsAreRefused() throws {
        let files = [
            "invalid.yaml": """
                apiVersion: apps/v1
                kind: ReplicaSet
                metadata:
                  name: invalid
                spec:
                  replicas: -1
                  minReadySeconds: -2
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      restartPolicy: Never
                      containers: [{name: c, image: httpd:2.4}]
                """,
            "empty-selector.yaml": """
                apiVersion: apps/v1
                kind: ReplicaSet
                metadata:
                  name: empty
                spec:
                  selector: {}
                  template:
                    metadata:
                      labels: {app: web}
                    spec:
                      containers: [{name: c, image: httpd:2.4}]
                """,
            "owners.yaml": """
                apiVersion: apps/v1
                kind: ReplicaSet
                metadata:
                  name: owned
                  ownerReferences:
                  - {apiVersion: "apps/", kind: "", name: x, uid: ""}
                spec:
                  selector: {matchLabels: {app: owned}}
                  template:
                    metadata:
                      labels: {app: owned}
                    spec:
                      containers: [{name: c, image: httpd:2.4}]
                """,
            "unknown-field.yaml": """
                apiVersion: apps/v1
                kind: ReplicaSet
                metadata:
                  name: unknown
                spec:
                  replica: 2
                """,
            "taken.yaml": Self.replicaSet("web-7889f8f46", image: "httpd:2.4", labels: "app: other"),
            "rs.yaml": Self.replicaSet("frontend", image: "httpd:2.4", labels: "app: frontend"),
            "selector-changed.yaml": Self.replicaSet("frontend", image: "httpd:2.4", labels: "app: other"),
        ]
        let steps: [(Int, String)] = [
            (0, "images load httpd:2.4"),
            (0, "create deployment web --image=httpd:2.4"),
            (1, "get rs"),
            (1, "create -f invalid.yaml"),
            (1, "create -f empty-selector.yaml"),
            (1, "create -f unknown-field.yaml"),
            (1, "create -f owners.yaml"),
            (1, "create -f taken.yaml"),
            (1, "get rs"),
            (2, "create -f rs.yaml"),
            (2, "create -f rs.yaml"),
            (3, "apply -f selector-changed.yaml"),
            (3, "scale rs nothing --replicas=2"),
            (3, "get rs"),
            (3, "set image -f rs.yaml httpd=httpd:2.5"),
            (4, "verify"),
        ]
        try expectGolden(try ScenarioScript(files: files, steps: steps).run(), named: "fidelity/replicaset-refusals.txt")
    }
}
