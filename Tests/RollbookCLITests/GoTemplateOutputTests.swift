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
        "{{ 0.5 }} {{ 1234567.5 }} {{ -0.00001 }} {{ 100.0 }} {{ 1e3 }} {{ 0o17 }} {{ 017 }} {{ 0b11 }} {{ 1_000 }}",
        "{{and false (index .x 0)}} {{or .kind (index .x 0)}} {{and 1 2 3}} {{or 0 0}} {{.kind | or \"\"}}",
        "{{printf \"%q\" \"<a>&\"}} {{\"\\x41\\u00e9\\101\\a\"}} {{'a'}} {{'\\n'}}",
        "{{printf \"%5.2f|%x|%z|%X|%-6s|%06d|%.2s\" 1.5 255 \"abc\" \"hi\" \"ab\" -42 \"xyz\"}}",
        "{{printf \"%d %s\" \"a\" 1}} {{printf \"%s\"}} {{printf \"%s\" 1 2}}",
        "{{with .nothing}}a{{else with .kind}}{{.}}{{end}} {{with $x := .kind}}{{$x}}{{end}}",
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
        "{{if false}}{{$y}}{{end}}ok",
        "{{$x}}",
        "{{eq 1 1.0}}",
        "{{\"\\q\"}}",
        "{{/* c */ .kind}}",
        "{{$a, $b := 1}}",
        "{{len}}",
        "{{index .spec.template.spec.containers \"a\"}}",
        "{{index .metadata 1}}",
        "{{not}}",
        "{{and}}",
        "{{range $i, $e := .spec.template.spec.containers}}{{$i}}{{end}}{{$i}}",
        "a\n{{.x.y}}\n{{$nope}}",
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

    // The file and JSON forms of -o (jsonpath-as-json, jsonpath-file, go-template-file, templatefile) and the list
    // of formats a typed command allows. The golden is kubectl v1.32.4's output for the same files and arguments.
    @Test func fileAndJSONFormsAsKubectls() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try "{.metadata.name}\n".write(toFile: dir.path("name.jsonpath"), atomically: true, encoding: .utf8)
        try "{{.kind}}/{{.metadata.name}}\n".write(toFile: dir.path("kind.tmpl"), atomically: true, encoding: .utf8)
        let cli = try CLIRunner(store: dir.path("store.db"), workingDirectory: dir.url)
        let formats = [
            "jsonpath-as-json={.metadata.name}",
            #"jsonpath-as-json={.metadata.name} and {.spec.template.spec.containers[*].name}{"\n"}"#,
            "jsonpath-as-json={.metadata.labels}",
            "jsonpath-as-json={range .spec.template.spec.containers[*]}{.name}{end}",
            "jsonpath-as-json={.nothing}",
            "jsonpath-file=name.jsonpath", "jsonpath-file=missing.jsonpath", "go-template-file=kind.tmpl",
            "templatefile=kind.tmpl", "wide",
        ]
        var transcript = ""
        for format in formats {
            let arguments = ["create", "deployment", "x", "--image=y", "--image=z", "--dry-run=client", "-o", format]
            let result = try cli.run(arguments, now: "2026-11-26T15:00:00Z")
            transcript += result.transcript(of: arguments.joined(separator: " ")) + (result.exitCode == 0 ? "\n" : "")
        }
        try expectGolden(transcript, named: "fidelity/output-files.txt")
    }
}
