import Foundation
import Testing
import TestSupport

/// `create -f … -l` and `diff -f … -l` (test/cmd/create.sh's filter, diff.sh's selector): the resource builder's
/// selector leaves the files' other objects out; nothing left is create's "no objects passed to create" and an empty
/// diff. kubectl through `rollbook serve` on one store, `rollbook` on a twin store; the golden holds kubectl's transcript.
@Suite(
    .serialized,
    .enabled(if: Kubectl.isInstalled, "kubectl is not installed (no /usr/bin/kubectl, none on PATH): skipping the twin-store tests"))
struct KubectlFileSelectorTwinTests {
    static let now = "2026-11-26T15:00:00Z"

    static let commands: [[String]] = [
        ["create", "-f", "web.yaml", "-l", "app=nope"],
        ["create", "-f", "web.yaml", "-f", "rs.yaml", "-l", "tier=frontend"],
        ["get", "deploy,rs", "-o", "name"],
        ["diff", "-f", "web.yaml", "-l", "app=nope"],
        ["diff", "-f", "rs.yaml", "-l", "tier=frontend"],
    ]

    @Test func selectorsFilterTheFilesObjectsAsKubectlDoes() throws {
        let transcript = try KubectlTwin.transcript(of: Self.commands, now: Self.now) { dir, cli in
            let web = TestManifests.deployment("web", image: "nginx:1.25", container: "web", label: ("app", "web"), labelled: true)
            try web.write(toFile: dir.path("web.yaml"), atomically: true, encoding: .utf8)
            try KubectlReplicaSetTwinTests.manifest(image: "nginx:1.25", replicas: 1)
                .write(toFile: dir.path("rs.yaml"), atomically: true, encoding: .utf8)
            _ = try cli.run(["images", "load", "nginx:1.25"], now: Self.now)
        }
        try expectGolden(transcript, named: "kubectl-twin/file-selectors.txt")
    }
}
