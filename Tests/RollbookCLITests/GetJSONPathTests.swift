import Testing
import TestSupport

/// `get -o jsonpath=TEMPLATE`, as test/cmd/apps.sh and e2e scripts read single fields. Expected text is
/// kubectl v1.32.4's over `rollbook serve` (client-go util/jsonpath: results joined by a space, strings
/// bare, maps as compact JSON, missing keys print nothing, `\.` escapes a dot in a key).
@Suite(.serialized)
struct GetJSONPathTests {
    @Test func jsonPathTemplates() throws {
        let script = ScenarioScript(files: [:], steps: [
            (0, "images load web:1.0"),
            (0, "create deployment web --image=web:1.0 --replicas=2"),
            (5, "get deployments -o jsonpath='{.items[*].metadata.name}'"),
            (5, "get deployment/web -o jsonpath='{.spec.revisionHistoryLimit}'"),
            (5, "get deployments -o=jsonpath='{.items[0].apiVersion}'"),
            (5, "get deployment web -o jsonpath='{.status.conditions[?(@.type==\"Available\")].status}'"),
            (5, "get rs -o jsonpath='{range .items[*]}{.metadata.name}{\"\\t\"}{.spec.replicas}{\"\\n\"}{end}'"),
            (5, "get deployment web -o jsonpath='{.metadata.labels} {..image} {.nope}'"),
            (5, "get deployment web -o jsonpath='{.metadata.annotations.deployment\\.kubernetes\\.io/revision}'"),
            (5, "get deployments,rs -o jsonpath='{.items[*].kind}'"),
            (5, "get deployment web -o jsonpath='{.spec.replicas'"),
        ])
        try expectGolden(try script.run(), named: "fidelity/get-jsonpath.txt")
    }
}
