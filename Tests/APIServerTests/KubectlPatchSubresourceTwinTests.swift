import Foundation
import Testing
import TestSupport

/// `patch --subresource=scale|status`, a patch written as YAML, `label`/`annotate --local`, and unknown fields in a
/// patch (patch.go's strict decoding error, which `apply` of an existing object reports with its patch), kubectl
/// through `rollbook serve` on one store and `rollbook` on a twin store. The golden holds kubectl's transcript.
@Suite(
    .serialized,
    .enabled(if: Kubectl.isInstalled, "kubectl is not installed (no /usr/bin/kubectl, none on PATH): skipping the twin-store tests"))
struct KubectlPatchSubresourceTwinTests {
    static let now = "2026-11-26T15:00:00Z"

    static let commands: [[String]] = [
        ["apply", "-f", "web.yaml"],
        ["patch", "deploy", "web", "--subresource=scale", "-p", #"{"spec":{"replicas":3}}"#],
        ["patch", "deploy", "web", "--subresource=scale", "--type=merge", "-p", #"{"spec":{"replicas":3}}"#, "-o", "yaml"],
        ["patch", "deploy", "web", "--subresource=scale", "-p", #"{"spec":{"replicas":-1}}"#],
        ["patch", "deploy", "web", "--subresource=scale", "--dry-run=server", "-p", #"{"spec":{"replicas":7}}"#, "-o", "jsonpath={.spec.replicas}"],
        ["patch", "deploy", "web", "--subresource=status", "--type=merge", "-p", #"{"status":{"observedGeneration":9}}"#, "-o", "jsonpath={.status.observedGeneration}"],
        ["patch", "deploy", "web", "--subresource=foo", "-p", "{}"],
        ["patch", "deploy", "web", "-p", "spec: {minReadySeconds: 5}"],
        ["patch", "deploy", "web", "--type=merge", "-p", "metadata:\n  labels: {tier: front}", "-o", "jsonpath={.metadata.labels.tier}"],
        ["patch", "deploy", "web", "-p", "spec: ["],
        ["get", "deploy", "web", "-o", "jsonpath={.spec.replicas} {.spec.minReadySeconds}"],
        ["label", "--local", "-f", "web.yaml", "tier=x", "-o", "yaml"],
        ["label", "--local", "deploy/web", "tier=x"],
        ["label", "--local", "-f", "web.yaml", "app-", "--dry-run=client"],
        ["annotate", "--local", "-f", "web.yaml", "note=a", "-o", "jsonpath={.metadata.annotations}"],
        ["annotate", "--local", "-f", "web.yaml", "note=a", "--dry-run=server"],
        ["get", "deploy", "web", "-o", "jsonpath={.metadata.labels} {.metadata.annotations.note}"],
        ["apply", "-f", "typo.yaml"],
        ["apply", "-f", "typo.yaml", "--validate=false"],
        ["patch", "deploy", "web", "-p", #"{"spec":{"foo":1,"template":{"spec":{"containers":[{"name":"web","bar":2}]}}}}"#],
    ]

    @Test func subresourcePatchesAndLocalEditsMatchKubectl() throws {
        let transcript = try KubectlTwin.transcript(of: Self.commands, now: Self.now) { dir, cli in
            let web = TestManifests.deployment(
                "web", image: "nginx:1.25", container: "web", label: ("app", "web"), labelled: true)
            try web.write(toFile: dir.path("web.yaml"), atomically: true, encoding: .utf8)
            try web.replacingOccurrences(of: "spec:\n  selector:", with: "spec:\n  replicaz: 2\n  selector:")
                .write(toFile: dir.path("typo.yaml"), atomically: true, encoding: .utf8)
            _ = try cli.run(["images", "load", "nginx:1.25"], now: Self.now)
        }
        try expectGolden(transcript, named: "kubectl-twin/patch-subresource-and-local.txt")
    }
}
