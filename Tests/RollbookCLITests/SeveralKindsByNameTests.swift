import Testing
import TestSupport

/// `get` and `describe` of `TYPE/NAME` pairs of several types, or of `TYPE1,TYPE2 NAME` (compared with kubectl
/// v1.32 through `rollbook serve` on a twin store): a table per run of one type, kind-prefixed names, no blank
/// line between tables without headers, one List for `-o yaml|json|jsonpath`, NotFound for each missing name.
struct SeveralKindsByNameTests {
    @Test func severalTypesByName() throws {
        let rs = "rs/web-68bf9f694d", pod = "pod/web-68bf9f694d-njk4t"
        let script = ScenarioScript(files: [:], steps: [
            (0, "images load nginx:1.25"),
            (0, "create deployment web --image=nginx:1.25"),
            (5, "get pods -o name"),
            (5, "get deploy/web \(rs)"),
            (5, "get \(rs) deploy/web \(pod) deploy/nope"),
            (5, "get deploy/web \(rs) deploy/web"),
            (5, "get deploy/web \(rs) -o name"),
            (5, "get deploy/web deploy/web \(rs) --no-headers"),
            (5, "get deploy,rs --no-headers"),
            (5, "get deploy/web \(rs) -o 'jsonpath={.items[*].metadata.name}'"),
            (5, "get deploy,rs web"),
            (5, "describe deploy/web \(rs) rs/nope"),
            (5, "describe deploy/web rs/nope"),
            (5, "describe deploy/web deploy/nope"),
            (5, "describe deploy,rs web"),
            (5, "describe deploy,rs -l app=zzz"),
        ])
        try expectGolden(try script.run(), named: "fidelity/several-kinds-by-name.txt")
    }
}
