import Testing
import TestSupport

/// `get --show-labels` (the Deployment tutorial's `kubectl get pods --show-labels`) and `--no-headers`.
/// Expected tables are kubectl v1.32.4's over `rollbook serve`: LABELS is the last column, after the wide
/// ones, as labels.FormatLabels writes it (sorted `k=v`, comma-joined, `<none>` when empty).
@Suite(.serialized)
struct GetTableOptionsTests {
    @Test func showLabelsAndNoHeaders() throws {
        let script = ScenarioScript(files: [:], steps: [
            (0, "images load web:1.0 web:2.0"),
            (0, "create deployment web --image=web:1.0"),
            (5, "get pods --show-labels"),
            (5, "get rs -o wide --show-labels"),
            (5, "get deploy,rs --show-labels"),
            (5, "get deploy --no-headers"),
            (5, "get pods --no-headers --show-labels -A"),
        ])
        try expectGolden(try script.run(), named: "fidelity/get-table-options.txt")
    }
}
