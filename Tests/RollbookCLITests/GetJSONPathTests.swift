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

    /// Templates client-go's parser and executor take where a simpler reading would not: `range` glued to its
    /// path, a `}` or single quotes in a literal, Go's unquoting (`\\n` is a backslash and an `n`), `['a.b']` as
    /// a path, a range without `{end}`, nested ranges, and the failures kubectl reports when the template runs
    /// (with the `%#v` dump of the object it was given). Recorded against kubectl v1.32.4 over `rollbook serve`.
    @Test func clientGoParsingAndExecution() throws {
        let script = ScenarioScript(files: [:], steps: [
            (0, "images load web:1.0 web:2.0"),
            (0, "create deployment web --image=web:1.0 --replicas=2"),
            (0, "set image deployment/web web=web:2.0"),
            (60, "get rs -o jsonpath='{range.items[*]}{.metadata.name}{end}'"),
            (60, "get rs -o jsonpath='{\"}\"}'"),
            (60, "get rs -o jsonpath=\"{'x'}\""),
            (60, "get rs -o jsonpath='{\"\\\\n\"}'"),
            (60, "get rs -o jsonpath=\"{.items[*]['metadata.name']}\""),
            (60, "get rs -o jsonpath='{range .items[*]}{.metadata.name}'"),
            (60, "get rs -o jsonpath='{range .items[*]}{range .spec.template.spec.containers[*]}{.name}{end}/{end}'"),
            (60, "get rs -o jsonpath-as-json='{range .items[*]}{.metadata.name}{end}'"),
            (60, "get rs -o jsonpath='{.items[5].metadata.name}'"),
            (60, "get rs -o jsonpath='{.metadata.name}{end}'"),
        ])
        try expectGolden(try script.run(), named: "fidelity/get-jsonpath-client-go.txt")
    }
}
