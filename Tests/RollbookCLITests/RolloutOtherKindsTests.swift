import Testing
import TestSupport

/// The rollout verbs given a ReplicaSet or a Pod (compared with kubectl v1.32 through `rollbook serve` on a twin
/// store): status, history and undo find no viewer or rollbacker for the kind; pause, resume and restart refuse
/// each object; a missing object is NotFound before either.
struct RolloutOtherKindsTests {
    @Test func rolloutVerbsRefuseOtherKindsAsKubectlDoes() throws {
        var steps: [(Int, String)] = [
            (0, "images load nginx:1.25"),
            (0, "create deployment web --image=nginx:1.25"),
        ]
        for verb in ["status", "history", "undo", "pause", "resume", "restart"] {
            for target in ["rs/web-68bf9f694d", "pod/web-68bf9f694d-njk4t", "rs/nope"] {
                steps.append((1, "rollout \(verb) \(target)"))
            }
        }
        steps += [(1, "rollout pause rs web-68bf9f694d nope"), (1, "rollout status deploy/web --timeout=abc")]
        // Chosen by a selector: refused the same way; nothing chosen is what an empty selection always is.
        for verb in ["status", "history", "undo", "pause", "resume", "restart"] {
            steps.append((1, "rollout \(verb) rs -l app=web"))
            steps.append((1, "rollout \(verb) rs -l app=zz"))
        }
        steps.append((1, "rollout status pods -l app=web"))
        // Viewers and the rollbacker answer each object in the order named, NotFound among them.
        for verb in ["status", "history", "undo"] {
            steps.append((1, "rollout \(verb) rs web-68bf9f694d nope"))
            steps.append((1, "rollout \(verb) rs nope web-68bf9f694d"))
        }
        try expectGolden(try ScenarioScript(files: [:], steps: steps).run(), named: "fidelity/rollout-other-kinds.txt")
    }
}
