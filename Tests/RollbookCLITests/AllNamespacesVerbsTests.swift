import Testing
import TestSupport

/// `-A`/`--all-namespaces` on label, annotate and describe, as test/cmd/delete.sh and delete.txtar select across
/// namespaces: the selection of each namespace in turn, by namespace and name; a name across all namespaces is
/// refused. Checked against kubectl v1.32.4 through serve (describe's Event ages aside, which kubectl takes from
/// its wall clock).
@Suite(.serialized)
struct AllNamespacesVerbsTests {
    @Test func labelAnnotateAndDescribeEveryNamespace() throws {
        let script = ScenarioScript(files: [:], steps: [
            (0, "images load web:1.0"),
            (0, "create deployment one --image=web:1.0 -n ns-one"),
            (0, "create deployment two --image=web:1.0 -n ns-two"),
            (0, "create deployment three --image=web:1.0 -n ns-two"),
            (1, "label deployment one -n ns-one selected=true"),
            (2, "label deployment --all -A tier=web"),
            (3, "annotate deployment -l selected=true -A note=picked"),
            (3, "label deployment one -A x=z"),
            (3, "label deployment -A -l nothing=here x=y"),
            // The deprecation of --record is said once, not once per namespace.
            (3, "annotate deployment --all -A reviewed=yes --record"),
            (4, "get deploy -A --show-labels"),
            (5, "describe deployment -A -l selected=true"),
            (5, "describe rs -A -l nothing=here"),
        ])
        try expectGolden(try script.run(), named: "fidelity/all-namespaces-verbs.txt")
    }
}
