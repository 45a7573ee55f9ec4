import Foundation
import Testing
import TestSupport

/// `kubectl apply --server-side`, kubectl through `rollbook serve` on one store and `rollbook` on a twin store: creates,
/// conflicts with other managers (scale, set image, another applier), `--force-conflicts`, server dry runs, pruning of
/// what an applier dropped, the upgrade from client-side apply (kubectl's last-applied and managed-fields follow-ups,
/// then the configuration sent again) and back, ReplicaSets, and the flag and server refusals. The golden holds
/// kubectl's transcript.
@Suite(
    .serialized,
    .enabled(if: Kubectl.isInstalled, "kubectl is not installed (no /usr/bin/kubectl, none on PATH): skipping the twin-store tests"))
struct KubectlServerSideApplyTwinTests {
    static let now = "2026-11-26T15:00:00Z"

    static func deployment(replicas: Int = 2, image: String = "nginx:1.25", extra: String = "") -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels: {app: web\(extra.isEmpty ? "" : ", legacy: unused")}
        spec:
          replicas: \(replicas)
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - name: web
                image: \(image)\(extra)

        """
    }

    /// A Deployment `envs` whose container has this env.
    static func envs(_ env: String) -> String {
        deployment(extra: "\n        env: \(env)").replacingOccurrences(of: "  name: web\n", with: "  name: envs\n")
    }

    static let replicaSet = """
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata: {name: front}
        spec:
          replicas: 2
          selector: {matchLabels: {tier: front}}
          template:
            metadata: {labels: {tier: front}}
            spec:
              containers:
              - {name: php, image: nginx:1.25, ports: [{containerPort: 80}]}

        """

    static let fields = ["get", "deploy", "web", "--show-managed-fields", "-o", "yaml"]

    static let commands: [[String]] = [
        ["apply", "--force-conflicts", "-f", "web.yaml"],
        ["apply", "--server-side", "--dry-run=client", "-f", "web.yaml"],
        ["apply", "--server-side", "--force", "-f", "web.yaml"],
        ["apply", "--server-side", "--field-manager=", "-f", "web.yaml"],
        ["apply", "--server-side", "-f", "unknown.yaml"],
        ["apply", "--server-side", "-f", "web.yaml", "--dry-run=server"],
        ["get", "deploy"],
        ["apply", "--server-side", "-f", "web.yaml"],
        fields,
        ["apply", "--server-side", "-f", "web.yaml"],
        ["scale", "deploy", "web", "--replicas=4"],
        ["set", "image", "deploy/web", "web=nginx:1.26"],
        ["apply", "--server-side", "-f", "web-3.yaml"],
        ["apply", "--server-side", "-f", "web-3.yaml", "--field-manager=gitops", "--force-conflicts", "-o", "name"],
        ["apply", "--server-side", "-f", "web.yaml"],
        // Co-owned: the value the other applier set is no conflict.
        ["apply", "--server-side", "-f", "web-3.yaml", "-o", "jsonpath={.spec.replicas}"],
        fields,
        ["delete", "deploy", "web"],
        // Client-side apply, then server-side: last-applied allows the takeover, the follow-ups upgrade
        // kubectl-client-side-apply and the configuration sent again prunes what the file dropped.
        ["apply", "-f", "legacy.yaml"],
        // A server dry run sends kubectl's follow-ups dry too: giving the annotation its new value conflicts.
        ["apply", "--server-side", "--dry-run=server", "-f", "web.yaml"],
        ["apply", "--server-side", "-f", "web.yaml"],
        fields,
        ["apply", "view-last-applied", "deploy/web"],
        ["apply", "-f", "legacy.yaml"],
        ["get", "deploy", "web", "-o", "jsonpath={.metadata.labels} {.spec.template.spec.containers[0].env}"],
        ["apply", "--server-side", "-f", "rs.yaml"],
        ["scale", "rs", "front", "--replicas=3"],
        ["apply", "--server-side", "-f", "rs.yaml"],
        ["apply", "--server-side", "-f", "rs.yaml", "--force-conflicts", "-o", "jsonpath={.spec.replicas}"],
        ["get", "rs", "front", "--show-managed-fields", "-o", "jsonpath={.metadata.managedFields[0].fieldsV1}"],
        // Keyed lists merge in the configuration's order; a duplicate key fails the typed conversion.
        ["apply", "--server-side", "-f", "env.yaml", "--field-manager=envs"],
        ["apply", "--server-side", "-f", "env-inserted.yaml", "--field-manager=envs", "-o", "jsonpath={.spec.template.spec.containers[0].env[*].name}"],
        ["apply", "--server-side", "-f", "env-duplicate.yaml", "--field-manager=envs"],
    ]

    @Test func serverSideApplyMatchesKubectl() throws {
        let legacy = Self.deployment(extra: "\n        env: [{name: A, value: \"1\"}]")
        let transcript = try KubectlTwin.transcript(of: Self.commands, now: Self.now) { dir, cli in
            let files = [
                "web.yaml": Self.deployment(), "web-3.yaml": Self.deployment(replicas: 3), "legacy.yaml": legacy,
                "unknown.yaml": Self.deployment().replacingOccurrences(of: "replicas:", with: "replicaz:"),
                "rs.yaml": Self.replicaSet,
                "env.yaml": Self.envs("[{name: A, value: a}, {name: B, value: b}]"),
                "env-inserted.yaml": Self.envs("[{name: A, value: a}, {name: X, value: x}, {name: B, value: b}]"),
                "env-duplicate.yaml": Self.envs("[{name: A, value: a}, {name: A, value: b}]"),
            ]
            for (name, text) in files { try text.write(toFile: dir.path(name), atomically: true, encoding: .utf8) }
            _ = try cli.run(["images", "load", "nginx:1.25", "nginx:1.26"], now: Self.now)
        }
        try expectGolden(transcript, named: "kubectl-twin/server-side-apply.txt")
    }
}
