import Testing
import TestSupport

/// `get --show-managed-fields`: each Deployment's and ReplicaSet's `metadata.managedFields`, rebuilt from the log as kube-apiserver's
/// field manager keeps them for Update requests, under the manager each kubectl verb sends.
@Suite(.serialized)
struct ManagedFieldsTests {
    static let manifest = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: nginx
          labels:
            app: nginx
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: nginx
          template:
            metadata:
              labels:
                app: nginx
            spec:
              containers:
              - name: nginx
                image: nginx:1.0
                ports:
                - containerPort: 80
              - name: sidecar
                image: sidecar:1.0

        """

    // test/cmd/apps.sh's rollback walk ends by checking for the `kubectl-rollout` manager. Every verb below
    // moves fields between managers: `set image` takes an image from the creator and `undo` (no field manager,
    // so the user agent's `kubectl`) takes it back, emptying `kubectl-set`'s entry; `resume` removes `paused`,
    // which leaves every manager; `scale` writes through /scale; the controller's revision annotation goes
    // through the status subresource. `--at` rebuilds the fields as of that point. A ReplicaSet's writers are the
    // controllers (`kube-controller-manager`), its status through `status`; one created again under the same name
    // after its Deployment was deleted starts afresh.
    @Test func managersFollowEveryWrite() throws {
        let script = ScenarioScript(files: ["nginx.yaml": Self.manifest], steps: [
            (0, "images load nginx:1.0 nginx:2.0 sidecar:1.0"),
            (0, "create -f nginx.yaml"),
            (5, "get deployment nginx --show-managed-fields -o yaml"),
            (10, "set image deployment/nginx nginx=nginx:2.0"),
            (20, "rollout pause deployment nginx"),
            (25, "rollout resume deployment nginx"),
            (30, "rollout undo deployment nginx"),
            (40, "rollout restart deployment/nginx"),
            (50, "scale deployment nginx --replicas=3"),
            (60, "set env deployment/nginx -c sidecar MODE=fast"),
            (70, "annotate deployment nginx team=web"),
            (70, "label deployment nginx tier=front"),
            (80, "get deployment nginx --show-managed-fields -o=jsonpath={.metadata.managedFields[*].manager}"),
            (80, "get deployment nginx -o=jsonpath={.metadata.managedFields[*].manager}"),
            (80, "get deployment nginx --show-managed-fields -o json"),
            (80, "get rs --show-managed-fields -o=jsonpath='{range .items[*]}{.metadata.name}: {.metadata.managedFields[*].time}{\"\\n\"}{end}'"),
            (80, "get deployment nginx --show-managed-fields -o yaml --at 2026-11-26T15:00:15Z"),
            (90, "delete deployment nginx"),
            (90, "apply -f nginx.yaml"),
            (95, "get rs --show-managed-fields -o yaml"),
            (95, "get deployments --show-managed-fields -o=jsonpath='{range .items[*].metadata.managedFields[*]}{.manager}/{.time}{\"\\n\"}{end}'"),
        ])
        try expectGolden(try script.run(), named: "fidelity/managed-fields.txt")
    }
}
