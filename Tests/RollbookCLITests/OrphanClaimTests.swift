import Testing
import TestSupport

/// A Deployment claims the orphaned ReplicaSets its selector matches whichever Deployment made them, as e2e's
/// "test Deployment ReplicaSet orphaning and adoption regarding controllerRef" expects: the same ReplicaSet (same
/// UID) becomes the new one when the template is the same; with another template it becomes an old one, scaled
/// down, and the new ReplicaSet takes the next revision. Claims follow a Deployment's creation and an orphaning
/// delete, carry the Pods and their kubelet timers, and leave a log that replays to the same projections.
struct OrphanClaimTests {
    static func manifest(_ name: String, image: String) -> String {
        TestManifests.deployment(name, image: image, container: "httpd", label: ("name", "httpd"), replicas: 1)
    }

    static let columns =
        "custom-columns=NAME:.metadata.name,UID:.metadata.uid,OWNER:.metadata.ownerReferences[0].name,DESIRED:.spec.replicas,REVISION:.metadata.annotations.deployment\\.kubernetes\\.io/revision"

    @Test func aNewDeploymentClaimsTheOrphansItsSelectorMatches() throws {
        let files = [
            "orphan.yaml": Self.manifest("test-orphan", image: "httpd:2.4"),
            "adopt.yaml": Self.manifest("test-adopt", image: "httpd:2.4"),
            "other.yaml": Self.manifest("test-other", image: "httpd:2.5"),
        ]
        let steps: [(Int, String)] = [
            (0, "images load httpd:2.4 httpd:2.5"),
            (0, "create -f orphan.yaml"),
            (1, "get rs -o \(Self.columns)"),
            (5, "delete deployment test-orphan --cascade=orphan"),
            (6, "get rs -o \(Self.columns)"),
            // The same template: the orphan, same UID, is the new ReplicaSet; nothing is created.
            (10, "create -f adopt.yaml"),
            (11, "get rs,pods -o \(Self.columns)"),
            (11, "describe deployment test-adopt"),
            // Events recorded before the claim stay in the stream they were recorded in; describe finds them by UID.
            (11, "describe rs test-orphan-545bbd4c96"),
            (11, "describe pod test-orphan-545bbd4c96-gq9m8"),
            (12, "delete deployment test-adopt --cascade=orphan"),
            // Another template: the orphan is an old ReplicaSet, scaled down; the new one is revision 2.
            (20, "create -f other.yaml"),
            (21, "get rs,pods -o \(Self.columns)"),
            (21, "rollout history deployment/test-other"),
            (21, "rollout history deployment/test-orphan --all"),
            (21, "rollout history deployment/test-other --all"),
            (21, "events --type ReplicaSetReleased,ReplicaSetTransferred,ReplicaSetAdopted"),
            // A point on a claim's first half takes its second: the ReplicaSet is in one stream, not in neither.
            (21, "get rs --at 20 -o \(Self.columns)"),
            (22, "verify"),
        ]
        try expectGolden(try ScenarioScript(files: files, steps: steps).run(), named: "fidelity/orphan-claims.txt")
    }

    /// Deleting one of two overlapping Deployments with `--cascade=orphan` leaves its ReplicaSet to the other, which
    /// scales it down; a claimed Pod still starting keeps its kubelet timer in its new stream.
    @Test func anOrphaningDeleteLeavesTheReplicaSetsToAMatchingDeployment() throws {
        let files = [
            "slow.yaml": Self.manifest("slow", image: "httpd:2.5"),
            "fast.yaml": Self.manifest("fast", image: "httpd:2.4"),
            "late.yaml": Self.manifest("late", image: "httpd:2.5"),
        ]
        let steps: [(Int, String)] = [
            (0, "images load httpd:2.4"),
            (0, "images load httpd:2.5 --startup 30s"),
            (0, "create -f slow.yaml"),
            (1, "create -f fast.yaml"),
            (2, "get rs,pods -o \(Self.columns)"),
            (5, "delete deployment slow --cascade=orphan"),
            (6, "get rs,pods -o \(Self.columns)"),
            (7, "delete deployment fast"),
            // A Pod that is still starting when it is claimed becomes ready on time in its new stream.
            (8, "create -f slow.yaml"),
            (9, "delete deployment slow --cascade=orphan"),
            (10, "create -f late.yaml"),
            (11, "get pods"),
            (38, "get pods"),
            (38, "rollout status deployment/late --timeout=1s"),
            (39, "replay"),
            (39, "verify"),
        ]
        try expectGolden(try ScenarioScript(files: files, steps: steps).run(), named: "fidelity/orphan-claims-on-delete.txt")
    }

    /// ReplicaSet names are unique in a namespace: a Deployment made again after its ReplicaSet was claimed finds its
    /// name taken in the claimer's stream (the API server's AlreadyExists), counts a collision and hashes anew.
    @Test func aClaimedNameIsAHashCollisionForItsFormerDeployment() throws {
        let files = [
            "orphan.yaml": Self.manifest("orphan", image: "httpd:2.4"),
            "adopt.yaml": Self.manifest("adopt", image: "httpd:2.4"),
        ]
        let steps: [(Int, String)] = [
            (0, "images load httpd:2.4"),
            (0, "create -f orphan.yaml"),
            (1, "delete deployment orphan --cascade=orphan"),
            (2, "create -f adopt.yaml"),
            (3, "create -f orphan.yaml"),
            (4, "get rs -o \(Self.columns)"),
            (4, "get deployment orphan -o jsonpath={.status.collisionCount}"),
            (5, "scale deployment adopt --replicas=2"),
            (6, "verify"),
        ]
        try expectGolden(try ScenarioScript(files: files, steps: steps).run(), named: "fidelity/orphan-claims-collision.txt")
    }
}
