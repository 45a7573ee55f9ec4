import Foundation
import Testing
import TestSupport

/// `-o go-template=…`: Go's text/template over the object kubectl prints. The golden is kubectl v1.32.4's own output
/// for these templates on `create deployment x --image=y --dry-run=client` (captured from the installed kubectl,
/// stdout, stderr and exit code), so every line of it is a comparison with kubectl.
struct GoTemplateOutputTests {
    static let printing = [
        "{{.metadata.name}} {{.spec.replicas}} {{index .metadata.labels \"app\"}} {{.missing}} {{.metadata.missing.deeper}}",
        "{{len .spec.template.spec.containers}}{{range .spec.template.spec.containers}} [{{.name}}={{.image}}]{{end}}",
        "{{.metadata.labels}} {{.spec.template.spec.containers}} {{.status}} {{.metadata.creationTimestamp}}",
        "{{if eq .spec.replicas 1}}one{{else if eq .spec.replicas 2}}two{{else}}many{{end}}",
        "{{- printf \" %s/%d \" .metadata.name .spec.replicas -}} | {{ .kind }}",
        "{{with .metadata.labels}}{{.app}}{{end}}{{range $k, $v := .metadata.labels}} {{$k}}:{{$v}}{{end}}",
        "{{print 1 2 \"a\" 3}} {{println \"x\" 1}}{{not .status}} {{and 1 0}} {{or 0 \"\" \"z\"}}",
        "{{.spec.template.spec.containers | len}} {{$.kind}}{{/* a comment */}} {{\"a\\tb\"}} {{`raw`}} {{lt 1 2}}",
        "{{range $i, $c := .spec.template.spec.containers}}{{$i}}:{{$c.name}}\n{{end}}{{with .nothing}}x{{else}}empty{{end}}",
        "{{range .nothing}}x{{else}}none{{end}} {{(index .spec.template.spec.containers 0).image}} {{len .metadata.name}}",
        "{{eq .kind \"Deployment\" \"x\"}} {{ne 1 2}} {{ge 2 2}} {{printf \"%q|%v|%5s|%-4d|%03d\" .kind .spec.replicas \"a\" 7 5}}",
        "{{$x := .kind}}{{$x}} {{$.metadata.labels.app}} {{index . \"kind\"}} {{index .metadata.labels \"none\"}}",
        "{{.spec.replicas | printf \"%d!\"}} {{index .spec.template.spec.containers 0 \"name\"}}",
    ]

    static let failing = [
        "{{.metadata.name",
        "{{.metadata.creationTimestamp.x}}",
        "{{index .spec.template.spec.containers 3}}",
        "{{.kind.foo}}",
        "{{foo .kind}}",
        "{{end}}",
        "{{if .kind}}",
        "{{\"unterminated}}",
        "{{range .kind}}{{.}}{{end}}",
        "{{len .spec.replicas}}",
        "{{eq .spec.replicas \"1\"}}",
        "{{nil}}",
        "{{len .nothing}}",
        "line one\n  {{.metadata.creationTimestamp.y}}",
    ]

    @Test func templatesPrintAndFailAsKubectls() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let cli = try CLIRunner(store: dir.path("store.db"), workingDirectory: dir.url)
        var transcript = ""
        for template in Self.printing + Self.failing {
            let arguments = ["create", "deployment", "x", "--image=y", "--dry-run=client", "-o", "go-template=" + template]
            let result = try cli.run(arguments, now: "2026-11-26T15:00:00Z")
            // Template output has no newline of its own; the golden separates the successful ones with one.
            transcript += result.transcript(of: arguments.joined(separator: " ")) + (result.exitCode == 0 ? "\n" : "")
        }
        try expectGolden(transcript, named: "fidelity/go-template.txt")
    }

    // test/cmd's object assertions: `get -o go-template` over the List of a listing, and over one object.
    @Test func getListsAndObjects() throws {
        let script = ScenarioScript(files: [:], steps: [
            (0, "images load web:1.0"),
            (0, "create deployment web --image=web:1.0 --replicas=2"),
            (0, "create deployment api --image=web:1.0"),
            (5, "get deployments -o go-template={{range.items}}{{.metadata.name}}:{{end}}"),
            (5, "get deployment web -o template={{.spec.replicas}}/{{.status.readyReplicas}}"),
            (5, #"get rs '-o=go-template={{range.items}}{{index .metadata.annotations "deployment.kubernetes.io/revision"}};{{end}}'"#),
            (5, "get deployments -o go-template={{.items.x.y}}"),
            (5, "get deployments -o wide-template"),
        ])
        try expectGolden(try script.run(), named: "fidelity/get-go-template.txt")
    }
}
