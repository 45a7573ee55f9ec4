import Testing
import TestSupport

/// `get`'s output flags as kubectl v1.32 checks them (compared with kubectl through `rollbook serve` on a twin
/// store): `--template` alone or after a bare template format, template formats given no template, custom columns
/// given none, an unreadable columns file, `--show-labels` with any output but a table, no type at all, and a
/// `--sort-by` field no object has.
struct GetOutputFlagsTests {
    @Test func outputFlagsAreCheckedAsKubectlChecksThem() throws {
        var steps: [(Int, String)] = [
            (0, "images load nginx:1.25"),
            (0, "create deployment web --image=nginx:1.25"),
            (1, "get deploy web --template={{.metadata.name}}:"),
            (1, "get deploy web -o go-template --template={{.spec.replicas}}"),
            (1, "get deploy web -o jsonpath --template={.metadata.name}"),
            (1, "get deploy web -o custom-columns --template=NAME:.metadata.name"),
            (1, "get deploy web --show-labels --template={{.metadata.name}}"),
            // A format given with `=` and --template too matches no printer.
            (1, "get deploy web -o jsonpath= --template={.metadata.name}"),
            (1, "get deploy web -o go-template={{.metadata.name}} --template={{.kind}}"),
            (1, "get deploy web -o jsonpath --template={.metadata.name} --show-labels"),
            // The objects are read before the printer is made.
            (1, "get deploy nope -o jsonpath"),
            (1, "get deploy nope nope2 -o jsonpath"),
            (1, "get deploy nope --ignore-not-found -o go-template"),
            (1, "get deploy -l app=zz --ignore-not-found -o jsonpath= --template=x"),
        ]
        for output in ["jsonpath", "jsonpath=", "jsonpath-as-json", "go-template", "template=", "go-template-file",
                       "custom-columns", "custom-columns=", "custom-columns-file=/nonexistent/columns",
                       "jsonpath-file=/nonexistent/path"] {
            steps.append((1, "get deploy web -o \(output)"))
        }
        for output in ["yaml", "name", "'jsonpath={.metadata.name}'", "wide"] {
            steps.append((1, "get deploy --show-labels -o \(output)"))
        }
        steps += [(1, "get deploy,rs --show-labels -o json"), (1, "get"), (1, "get --show-labels -o yaml")]
        // A sort field no object has: kubectl's table printer fails with two rows or more, and get ignores it.
        steps += [
            (2, "create deployment two --image=nginx:1.25"), (2, "get deploy --sort-by=.nope"),
            (2, "get deploy --sort-by=.nope -o name"), (2, "get deploy web --sort-by=.nope"),
        ]
        try expectGolden(try ScenarioScript(files: [:], steps: steps).run(), named: "fidelity/get-output-flags.txt")
    }
}
