import Testing
import TestSupport

/// `get -o custom-columns=HEADER:PATH,...`, `--ignore-not-found` and `--field-selector`. Expected text is
/// kubectl v1.32.4's over `rollbook serve`: relaxed paths, `<none>` for no value, several values
/// comma-joined, maps as Go's `%v`; --ignore-not-found drops NotFound errors and "No resources found".
@Suite(.serialized)
struct GetColumnsAndSelectorsTests {
    @Test func customColumnsAndIgnoreNotFound() throws {
        let script = ScenarioScript(files: [:], steps: [
            (0, "images load web:1.0"),
            (0, "create deployment web --image=web:1.0"),
            (0, "create deployment api --image=web:1.0 --replicas=2"),
            (5, "get deploy -o custom-columns=NAME:.metadata.name,REPLICAS:.spec.replicas"),
            (5, "get deploy web -o custom-columns='NAME:{.metadata.name},IMAGES:spec.template.spec.containers[*].image,LABELS:.metadata.labels,NONE:.nope'"),
            (5, "get rs -o custom-columns=NAME:.metadata.name,OWNER:.metadata.ownerReferences[0].name --no-headers"),
            (5, "get deploy -o custom-columns=NAME"),
            (5, "get deploy nope web --ignore-not-found"),
            (5, "get rs -l app=zzz --ignore-not-found"),
        ])
        try expectGolden(try script.run(), named: "fidelity/get-custom-columns.txt")
    }

    // kube-apiserver's field selectors: fixed fields per kind, `=`, `==`, `!=`; others are a BadRequest.
    @Test func fieldSelectors() throws {
        let script = ScenarioScript(files: [:], steps: [
            (0, "images load web:1.0"),
            (0, "create deployment web --image=web:1.0"),
            (0, "create deployment api --image=web:1.0 --replicas=2"),
            (5, "get deploy --field-selector metadata.name=web"),
            (5, "get rs --field-selector status.replicas=2 -o name"),
            (5, "get pods --field-selector=status.phase=Running,metadata.name!=x -l app=web -o name"),
            (5, "get pods --field-selector status.phase!=Running"),
            (5, "get deploy --field-selector spec.replicas=1"),
            (5, "get deploy -l app=web --field-selector foo"),
        ])
        try expectGolden(try script.run(), named: "fidelity/get-field-selector.txt")
    }

    // kubectl's sorter.go: the first value of a relaxed JSONPath, numbers numerically, strings bytewise
    // (db10 before db9), ties in list order; a path no object has is refused, one object is not sorted.
    @Test func sortBy() throws {
        let script = ScenarioScript(files: [:], steps: [
            (0, "images load web:1.0"),
            (0, "create deployment web --image=web:1.0 --replicas=3"),
            (0, "create deployment api --image=web:1.0 --replicas=2"),
            (0, "create deployment db10 --image=web:1.0"),
            (0, "create deployment db9 --image=web:1.0"),
            (5, "get deploy --sort-by=.spec.replicas"),
            (5, "get deploy --sort-by=metadata.name -o name"),
            (5, "get deploy --sort-by=.nope -o name"),
            (5, "get deploy web --sort-by=.nope -o name"),
        ])
        try expectGolden(try script.run(), named: "fidelity/get-sort-by.txt")
    }
}
