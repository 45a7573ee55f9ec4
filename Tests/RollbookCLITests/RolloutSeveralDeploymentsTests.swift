import Testing
import TestSupport

/// kubectl's rollout verbs over several Deployments: names in order, a type alone (every Deployment, by
/// name) or -l. Errors are collected per object (ContinueOnError) and printed as CheckErr does: a lone
/// error as itself, several each on its own line as their raw message. Checked against kubectl v1.32.4.
@Suite(.serialized)
struct RolloutSeveralDeploymentsTests {
    @Test func rolloutVerbsOnSeveralDeployments() throws {
        let script = ScenarioScript(files: [:], steps: [
            (0, "images load web:1.0"),
            (0, "create deployment web --image=web:1.0"),
            (0, "create deployment api --image=web:1.0"),
            (5, "rollout status deployment"),
            (5, "rollout history deployment web api"),
            (5, "rollout undo deployment web api"),
            (5, "rollout pause deployment web api"),
            (6, "rollout resume deployment -l app=web"),
            (7, "rollout pause deployment/web deployment/api"),
            (8, "rollout resume deployment web nope"),
            (9, "rollout restart deployment -l app=zzz"),
        ])
        try expectGolden(try script.run(), named: "fidelity/rollout-several.txt")
    }
}
