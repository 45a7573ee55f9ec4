import Testing
import TestSupport

/// test/e2e/apimachinery/apply.go's Deployment cases, through `apply --server-side --field-manager`: an apply creates;
/// a second manager applying the same object shares every field without conflict; a field the applier drops goes
/// (a container's ports); a field it drops that another applier still owns stays (replicas, hostname); a change by
/// another manager conflicts until forced; and a field another writer took is no longer the applier's to remove.
@Suite(.serialized)
struct ServerSideApplyE2ETests {
    static func deployment(_ name: String, replicas: Int? = 3, extra: String = "", ports: Bool = false) -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: \(name)
          labels: {app: nginx}
        spec:
        \(replicas.map { "  replicas: \($0)\n" } ?? "")  selector:
            matchLabels: {app: nginx}
          template:
            metadata:
              labels: {app: nginx}
            spec:
        \(extra)      containers:
              - name: nginx
                image: nginx:1.25
        \(ports ? "        ports:\n        - {containerPort: 80, protocol: TCP}\n" : "")
        """
    }

    @Test func applyGoCases() throws {
        let fields = #"-o=jsonpath='{range .metadata.managedFields[*]}{.manager}/{.operation} {.fieldsV1}{"\n"}{end}'"#
        let files = [
            "ports.yaml": Self.deployment("deployment", ports: true),
            "noports.yaml": Self.deployment("deployment"),
            "shared.yaml": Self.deployment("deployment-shared-unset", extra: "      hostname: test-hostname\n"),
            "unset.yaml": Self.deployment("deployment-shared-unset", replicas: nil),
            "taken.yaml": Self.deployment("deployment-shared-map-item-removal"),
            "omit.yaml": Self.deployment("deployment-shared-map-item-removal", replicas: nil),
        ]
        let script = ScenarioScript(files: files, steps: [
            (0, "images load nginx:1.25"),
            (0, "apply --server-side --field-manager=apply_test -f ports.yaml"),
            (1, "apply --server-side --field-manager=apply_test_2 -f ports.yaml"),
            (1, "get deploy deployment --show-managed-fields " + fields),
            // Co-owned by apply_test_2, the ports stay when apply_test drops them; owned alone, they go.
            (2, "apply --server-side --field-manager=apply_test -f noports.yaml"),
            (2, "get deploy deployment -o jsonpath={.spec.template.spec.containers[0].ports}"),
            (3, "delete deploy deployment"),
            (3, "apply --server-side --field-manager=apply_test -f ports.yaml"),
            (3, "apply --server-side --field-manager=apply_test -f noports.yaml"),
            (3, "get deploy deployment -o jsonpath='{.spec.template.spec.containers[0].ports}'"),
            (4, "patch deploy deployment --type=merge -p 'spec: {replicas: 5}'"),
            (5, "apply --server-side --field-manager=apply_test -f noports.yaml"),
            (6, "apply --server-side --field-manager=apply_test -f noports.yaml --force-conflicts"),
            (6, "get deploy deployment -o jsonpath={.spec.replicas}"),
            (10, "apply --server-side --field-manager=shared_owner_1 -f shared.yaml"),
            (10, "apply --server-side --field-manager=shared_owner_2 -f shared.yaml"),
            (11, "apply --server-side --field-manager=shared_owner_1 -f unset.yaml -o jsonpath='{.spec.replicas} {.spec.template.spec.hostname}'"),
            (20, "apply --server-side --field-manager=test_applier -f taken.yaml"),
            (21, "scale deploy deployment-shared-map-item-removal --replicas=4"),
            (22, "apply --server-side --field-manager=test_applier -f omit.yaml -o jsonpath={.spec.replicas}"),
            (22, "get deploy deployment-shared-map-item-removal --show-managed-fields " + fields),
            (23, "verify"),
        ])
        try expectGolden(try script.run(), named: "fidelity/server-side-apply-e2e.txt")
    }
}
