import Foundation
import Testing
import TestSupport

/// ReplicaSets users write, kubectl through `rollbook serve` on one store and `rollbook` on a twin store: the
/// create, apply, scale, label, annotate, set (image, env, resources, serviceaccount), patch, replace and delete of
/// one must print the same and leave the same object. The golden holds kubectl's transcript.
@Suite(
    .serialized,
    .enabled(if: Kubectl.isInstalled, "kubectl is not installed (no /usr/bin/kubectl, none on PATH): skipping the twin-store tests"))
struct KubectlReplicaSetTwinTests {
    static let now = "2026-11-26T15:00:00Z"

    static func manifest(image: String, replicas: Int) -> String {
        """
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata: {name: frontend, labels: {tier: frontend}}
        spec:
          replicas: \(replicas)
          selector: {matchLabels: {tier: frontend}}
          template:
            metadata: {labels: {tier: frontend}}
            spec:
              containers:
              - name: httpd
                image: \(image)

        """
    }

    static let commands: [[String]] = [
        ["create", "-f", "rs.yaml"],
        ["create", "-f", "rs.yaml"],
        ["apply", "-f", "rs-2.5.yaml"],
        ["apply", "-f", "rs-2.5.yaml"],
        ["scale", "rs", "frontend", "--replicas=3"],
        ["scale", "rs", "frontend", "--replicas=1", "--dry-run=server", "-o", "jsonpath={.spec.replicas}"],
        ["label", "rs", "frontend", "env=prod"],
        ["annotate", "rs/frontend", "note=one", "-o", "jsonpath={.metadata.annotations.note}"],
        ["set", "image", "rs/frontend", "httpd=httpd:2.6"],
        ["set", "env", "rs/frontend", "A=1"],
        ["set", "env", "rs/frontend", "--list"],
        ["set", "env", "rs/frontend", "-c", "nope", "B=2"],
        ["set", "resources", "rs", "frontend", "--limits=cpu=200m", "-o", "jsonpath={.spec.template.spec.containers[0].resources}"],
        ["set", "serviceaccount", "rs/frontend", "builder"],
        // A strategic patch puts a new container first (mergeSortedSlice).
        ["patch", "rs", "frontend", "-p", #"{"spec":{"template":{"spec":{"containers":[{"name":"side","image":"busybox:1.36"}]}}}}"#],
        ["get", "rs", "frontend", "-o", "jsonpath={.spec.template.spec.containers[*].name} {.metadata.generation}"],
        ["patch", "rs", "frontend", "-p", #"{"spec":{"replicas":-1}}"#],
        ["replace", "-f", "rs.yaml", "-o", "jsonpath={.metadata.labels} {.spec.template.spec.containers[*].name}"],
        ["get", "rs", "-o", "wide"],
        ["get", "rs", "frontend", "--show-managed-fields", "-o", "jsonpath={.metadata.managedFields[*].manager}"],
        ["delete", "rs", "frontend", "--dry-run=server"],
        ["delete", "-f", "rs.yaml"],
        ["get", "rs"],
        // WarningsOnCreate: a name that is no DNS label (dots, or over 63 bytes) is used in Pod names and hostnames.
        ["create", "-f", "dotted.yaml"],
        ["apply", "-f", "dotted-apply.yaml"],
        ["create", "deployment", "web.v1", "--image=httpd:2.4"],
        ["create", "deployment", String(repeating: "a", count: 64), "--image=httpd:2.4", "--dry-run=server"],
        ["replace", "--force", "-f", "dotted.yaml"],
    ]

    @Test func replicaSetWritesMatchKubectl() throws {
        let transcript = try KubectlTwin.transcript(of: Self.commands, now: Self.now) { dir, cli in
            try Self.manifest(image: "httpd:2.4", replicas: 2)
                .write(toFile: dir.path("rs.yaml"), atomically: true, encoding: .utf8)
            try Self.manifest(image: "httpd:2.5", replicas: 2)
                .write(toFile: dir.path("rs-2.5.yaml"), atomically: true, encoding: .utf8)
            try Self.manifest(image: "httpd:2.4", replicas: 1).replacingOccurrences(of: "name: frontend,", with: "name: front.end,")
                .write(toFile: dir.path("dotted.yaml"), atomically: true, encoding: .utf8)
            try Self.manifest(image: "httpd:2.4", replicas: 1).replacingOccurrences(of: "name: frontend,", with: "name: back.end,")
                .write(toFile: dir.path("dotted-apply.yaml"), atomically: true, encoding: .utf8)
            _ = try cli.run(["images", "load", "httpd:2.4", "httpd:2.5", "httpd:2.6", "busybox:1.36"], now: Self.now)
        }
        try expectGolden(transcript, named: "kubectl-twin/replicaset-writes.txt")
    }
}
