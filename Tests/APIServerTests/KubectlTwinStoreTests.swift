import Foundation
import Testing
import TestSupport

/// kubectl through `rollbook serve` on one store, `rollbook` on a twin store: every command must print the same
/// stdout and stderr and exit the same. The golden holds kubectl's transcript.
@Suite(
    .serialized,
    .enabled(if: Kubectl.isInstalled, "kubectl is not installed (no /usr/bin/kubectl, none on PATH): skipping the twin-store tests"))
struct KubectlTwinStoreTests {
    static let now = "2026-11-26T15:00:00Z"

    static let manifest = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, labels: {app: web}}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - name: nginx
                image: nginx:1.25
                env:
                - {name: A, value: "1"}
                - {name: POD, valueFrom: {fieldRef: {fieldPath: metadata.name}}}
                readinessProbe: {httpGet: {port: 80}}
              - name: side
                image: busybox:1.36

        """

    /// `set env`, `label`, `annotate`, `set resources`, `set serviceaccount`, `replace`, `create deployment` (whose
    /// body kubectl sends as protobuf), and the server dry runs of every verb that writes (serve answers `dryRun=All`, for a delete in its DeleteOptions, and stores nothing),
    /// then what is stored, the Kubernetes Events (`get events`, with the Event field selectors), and the managed
    /// fields each write left (kubectl's `fieldManager`s through serve, the
    /// ones Rollbook's verbs stand for on the twin).
    static let commands: [[String]] = [
        ["set", "env", "deploy/web", "--list"],
        ["set", "env", "deploy/web", "B=2", "A-", "-c", "ng*"],
        ["set", "env", "deploy/web", "--overwrite=false", "B=3"],
        ["set", "env", "deploy/web", "Q=1", "--dry-run=server", "-o", "jsonpath={.spec.template.spec.containers[0].env}"],
        ["set", "env", "deploy/web", "-c", "nope", "Q=1"],
        ["label", "deploy/web", "tier=front"],
        ["label", "deploy/web", "tier=back"],
        ["label", "deploy/web", "tier-"],
        ["label", "deploy/web", "t=1", "--dry-run=server"],
        ["annotate", "deploy/web", "a=b", "--dry-run=server", "-o", "jsonpath={.metadata.annotations.a}"],
        ["scale", "deploy/web", "--replicas=5", "--dry-run=server"],
        ["set", "image", "deploy/web", "nginx=nginx:1.26", "--dry-run=server"],
        ["rollout", "undo", "deploy/web", "--dry-run=server"],
        ["set", "resources", "deploy/web", "--limits=cpu=200m,memory=512Mi"],
        ["set", "resources", "deploy/web", "--limits=cpu=200m,memory=512Mi"],
        ["set", "resources", "deploy/web", "-c", "side", "--requests=cpu=0.5", "--limits=memory=1024Mi"],
        ["set", "resources", "deploy/web", "-c", "side", "--requests=cpu=0.1", "--limits=memory=1024Mi"],
        ["set", "resources", "deploy/web", "--limits=cpu=1Zi"],
        ["set", "resources", "deploy/web", "--limits=cpu"],
        ["set", "resources", "deploy/web", "-c", "nope", "--limits=cpu=1"],
        ["set", "resources", "deploy/web"],
        ["set", "resources", "deploy/web", "--limits=cpu=300m", "--dry-run=server", "-o",
         "jsonpath={.spec.template.spec.containers[0].resources}"],
        ["get", "deploy", "web", "-o", "jsonpath={.spec.template.spec.containers[*].resources}"],
        ["set", "serviceaccount", "deploy/web", "builder"],
        ["set", "serviceaccount", "deploy/web", "builder"],
        ["set", "serviceaccount", "deploy/web", "other", "--dry-run=server", "-o",
         "jsonpath={.spec.template.spec.serviceAccountName}"],
        ["set", "serviceaccount", "deploy/web", "Bad_Name"],
        ["set", "serviceaccount"],
        ["get", "deploy", "web", "-o",
         "jsonpath={.spec.template.spec.serviceAccountName} {.spec.template.spec.serviceAccount}"],
        ["replace", "-f", "scaled.yaml", "--dry-run=server", "-o", "jsonpath={.spec.replicas}"],
        ["replace", "-f", "scaled.yaml"],
        ["replace", "-f", "other.yaml"],
        ["replace"],
        ["get", "deploy", "web", "-o", "jsonpath={.spec.replicas} {.metadata.annotations}"],
        ["get", "deploy", "web", "-o",
         "jsonpath={.spec.replicas} {.metadata.labels} {.spec.template.spec.containers[0].env} {.spec.template.spec.containers[0].readinessProbe}"],
        ["create", "deployment", "made", "--image=nginx:1.25", "--replicas=3", "--port=8080"],
        ["create", "deployment", "made", "--image=nginx:1.25"],
        ["create", "deployment", "Bad_Name", "--image=nginx:1.25"],
        ["create", "deployment", "probe", "--image=nginx:1.25", "--dry-run=server", "-o", "jsonpath={.spec.replicas}"],
        ["get", "deploy", "made", "-o", "jsonpath={.spec.replicas} {.spec.template.spec.containers}"],
        ["create", "-f", "other.yaml", "--dry-run=server"],
        ["create", "-f", "other.yaml", "--dry-run=client"],
        ["create", "-f", "web.yaml", "--dry-run=server"],
        ["delete", "deploy", "web", "--dry-run=server"],
        ["delete", "-f", "web.yaml", "--dry-run=server"],
        ["get", "deploy", "-o", "name"],
        ["rollout", "history", "deploy/web"],
        ["get", "deploy", "web", "--show-managed-fields", "-o", "yaml"],
        ["get", "deploy", "made", "--show-managed-fields", "-o", "jsonpath={.metadata.managedFields[*].manager}"],
        ["get", "events"],
        ["get", "ev", "-o", "wide", "--field-selector", "involvedObject.kind=Deployment"],
        ["get", "events", "-A", "--field-selector", "source=deployment-controller,type=Normal"],
        ["get", "events", "--field-selector", "reason=Killing", "-o", "name"],
        ["get", "events", "-o", "jsonpath={.items[0].involvedObject}"],
        ["get", "events", "nosuch"],
        ["get", "events", "--field-selector", "bogus=1"],
        // Only the table printer says "No resources found"; custom columns print their header over no rows.
        ["get", "deploy", "-n", "empty", "-o", "name"],
        ["get", "deploy", "-n", "empty", "-o", "yaml"],
        ["get", "rs", "-n", "empty", "-o", "custom-columns=NAME:.metadata.name,UID:.metadata.uid"],
        ["get", "pods", "-n", "empty", "-o", "wide"],
        // Custom columns print one table for several kinds (printGeneric's List), under one header.
        ["get", "deploy,rs", "-o", "custom-columns=NAME:.metadata.name,KIND:.kind"],
        ["get", "deploy,rs", "-n", "empty", "-o", "custom-columns=NAME:.metadata.name"],
    ]

    @Test func updatingVerbsAndServerDryRunsMatchKubectl() throws {
        let transcript = try KubectlTwin.transcript(of: Self.commands, now: Self.now) { dir, cli in
            try Self.manifest.write(toFile: dir.path("web.yaml"), atomically: true, encoding: .utf8)
            try Self.manifest.replacingOccurrences(of: "replicas: 2", with: "replicas: 3")
                .write(toFile: dir.path("scaled.yaml"), atomically: true, encoding: .utf8)
            try Self.manifest.replacingOccurrences(of: "name: web,", with: "name: other,")
                .write(toFile: dir.path("other.yaml"), atomically: true, encoding: .utf8)
            _ = try cli.run(["images", "load", "nginx:1.25", "nginx:1.26", "busybox:1.36"], now: Self.now)
            #expect(try cli.run(["apply", "-f", "web.yaml"], now: Self.now).exitCode == 0)
        }
        try expectGolden(transcript, named: "kubectl-twin/updating-verbs.txt")
    }
}
