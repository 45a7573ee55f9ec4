import Testing
import TestSupport

/// A typed list (`kind: DeploymentList`) in a file is visited item by item, as `meta.IsListType` makes kubectl do
/// for any `…List` with `items`; its items may leave out their kind (generic-resources.sh's list shapes). Checked
/// against kubectl v1.32.4 through serve.
@Suite(.serialized)
struct TypedListFilesTests {
    static let list = """
        {"apiVersion":"apps/v1","kind":"DeploymentList","items":[
         {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},"spec":{"containers":[{"name":"web","image":"web:1.0"}]}}}},
         {"metadata":{"name":"db"},"spec":{"selector":{"matchLabels":{"app":"db"}},"template":{"metadata":{"labels":{"app":"db"}},"spec":{"containers":[{"name":"web","image":"web:1.0"}]}}}}]}
        """

    @Test func itemsAreVisited() throws {
        let script = ScenarioScript(files: ["list.json": Self.list], steps: [
            (0, "images load web:1.0"),
            (0, "create -f list.json"),
            (1, "get -f list.json -o name"),
            (2, "label -f list.json labeled=true --overwrite"),
            (3, "scale -f list.json --replicas=2"),
            (4, "rollout history -f list.json"),
            (5, "delete -f list.json"),
        ])
        try expectGolden(try script.run(), named: "fidelity/typed-list-files.txt")
    }
}
