import Foundation
import Testing
import TestSupport

/// The verbs that write given several types at once (`deploy,rs --all`, `deploy/web rs/front`), kubectl through
/// `rollbook serve` on one store and `rollbook` on a twin store: label, annotate and the set verbs visit type by type
/// or pair by pair; the rollout verbs act on each Deployment and refuse each other object in its place, NotFound
/// errors first where the builder reports them. The golden holds kubectl's transcript.
@Suite(
    .serialized,
    .enabled(if: Kubectl.isInstalled, "kubectl is not installed (no /usr/bin/kubectl, none on PATH): skipping the twin-store tests"))
struct KubectlSeveralKindsTwinTests {
    static let now = "2026-11-26T15:00:00Z"

    static let commands: [[String]] = [
        ["apply", "-f", "web.yaml"],
        ["apply", "-f", "rs.yaml"],
        ["label", "deploy,rs", "--all", "tier=x"],
        ["label", "deploy/web", "rs/front", "tier=y", "--overwrite"],
        ["label", "deploy/web", "rs/nope", "rs/front", "a=b"],
        ["annotate", "rs,deploy", "-l", "a=b", "note=1"],
        ["annotate", "deploy/web", "rs/front", "note=2", "--overwrite", "-o", "name"],
        ["annotate", "deploy,rs", "web", "x=y"],
        ["set", "image", "deploy/web", "rs/front", "web=nginx:1.26"],
        ["set", "env", "deploy,rs", "--all", "A=1"],
        ["set", "resources", "deploy/web", "rs/front", "--limits=cpu=100m", "-o", "name"],
        ["set", "env", "deploy/web", "rs/nope", "B=2"],
        ["get", "deploy,rs", "-o", "custom-columns=NAME:.metadata.name,LABELS:.metadata.labels.tier,IMAGE:.spec.template.spec.containers[0].image"],
        ["rollout", "history", "deploy/web", "rs/front"],
        ["rollout", "pause", "deploy/web", "rs/front", "rs/nope"],
        ["rollout", "status", "rs/front", "deploy/web"],
        ["rollout", "undo", "rs/front", "deploy/web"],
        ["rollout", "resume", "deploy,rs", "web"],
        ["rollout", "restart", "rs/front", "deploy/nope", "deploy/web"],
    ]

    @Test func severalKindsMatchKubectl() throws {
        let transcript = try KubectlTwin.transcript(of: Self.commands, now: Self.now) { dir, cli in
            let web = TestManifests.deployment("web", image: "nginx:1.25", container: "web", label: ("app", "web"))
            let rs = KubectlReplicaSetTwinTests.manifest(image: "nginx:1.25", replicas: 1)
                .replacingOccurrences(of: "frontend", with: "front")
            try web.write(toFile: dir.path("web.yaml"), atomically: true, encoding: .utf8)
            try rs.write(toFile: dir.path("rs.yaml"), atomically: true, encoding: .utf8)
            _ = try cli.run(["images", "load", "nginx:1.25", "nginx:1.26"], now: Self.now)
        }
        try expectGolden(transcript, named: "kubectl-twin/several-kinds.txt")
    }
}
