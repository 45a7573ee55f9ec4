import Foundation
import Testing

@testable import Manifests

/// Every error class, with the exact line kubectl v1.32 prints (see docs/notes/manifest-errors.md).
struct ManifestErrorTests {
    private static let deployment = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: web
                image: nginx

        """

    private static func with(_ target: String, _ replacement: String) -> String {
        deployment.replacingOccurrences(of: target, with: replacement)
    }

    private func failure(_ text: String, source: String = "f.yaml") -> ManifestError? {
        failure(Data(text.utf8), source: source)
    }

    private func failure(_ data: Data, source: String = "f.yaml") -> ManifestError? {
        do {
            _ = try ManifestDecoder.decode(data, source: source)
            return nil
        } catch {
            return error
        }
    }

    private static let strictPrefix =
        #"Error from server (BadRequest): error when creating "f.yaml": Deployment in version "v1" cannot be "#
        + "handled as a Deployment: "

    // MARK: - Parsing

    @Test(arguments: [
        (
            "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\n  labels: a: b\n",
            "yaml: line 5: mapping values are not allowed in this context"
        ),
        ("a: b: c\n", "yaml: mapping values are not allowed in this context"),
        ("metadata:\n  name: [x\n", "yaml: line 2: did not find expected ',' or ']'"),
        ("metadata:\n  name: \"x\n", "yaml: line 3: found unexpected end of stream"),
        ("metadata:\n\tname: x\n", "yaml: line 2: found character that cannot start any token"),
        ("a: *nope\n", "yaml: unknown anchor 'nope' referenced"),
        ("replicas: .nan\n", "json: unsupported value: NaN"),
        ("replicas: !!int abc\n", "yaml: cannot decode !!str `abc` as a !!int"),
        ("<<: 5\n", "yaml: map merge requires map or sequence of maps as the value"),
    ])
    func yamlSyntax(_ text: String, _ message: String) throws {
        let error = try #require(failure(text))
        #expect(error.kind == .syntax)
        #expect(error.kubectlMessage == "error: error parsing f.yaml: error converting YAML to JSON: \(message)")
    }

    @Test func yamlSyntaxLineCountsFromTheDocument() throws {
        let error = try #require(failure(Self.deployment + "---\nmetadata:\n  name: x\n  labels: a: b\n"))
        let expected = "error converting YAML to JSON: yaml: line 3: mapping values are not allowed in this context"
        #expect(error.message == expected)
        #expect(error.line == 18)
    }

    @Test func badDocumentSeparator() throws {
        let error = try #require(failure(Self.deployment + "--- !tag\nkind: x\n", source: "STDIN"))
        #expect(error.kubectlMessage == "error: error parsing STDIN: invalid Yaml document separator: !tag")
    }

    @Test(arguments: [
        (
            #"{"apiVersion": "apps/v1",, "kind": "Deployment"}"#,
            "json: offset 26: invalid character ',' looking for beginning of object key string"
        ),
        (
            #"{"apiVersion": "apps/v1" "kind": "Deployment"}"#,
            "json: offset 26: invalid character '\"' after object key:value pair"
        ),
        (#"{"replicas": [tru]"#, "json: offset 18: invalid character ']' in literal true (expecting 'e')"),
        (#"{"apiVersion": "apps/v1""#, "unexpected EOF"),
    ])
    func jsonSyntax(_ text: String, _ message: String) throws {
        let error = try #require(failure(text, source: "f.json"))
        #expect(error.kind == .syntax)
        #expect(error.kubectlMessage == "error: error parsing f.json: \(message)")
    }

    @Test func duplicateKeys() throws {
        let yaml = try #require(failure(Self.with("  name: web\n", "  name: web\n  name: again\n")))
        #expect(yaml.kind == .duplicateKey)
        #expect(
            yaml.kubectlMessage
                == "error: error parsing f.yaml: error converting YAML to JSON: yaml: unmarshal errors:\n"
                + "  line 5: key \"name\" already set in map")
        let json = try #require(failure(#"{"kind": "Deployment", "kind": "Deployment"}"#, source: "f.json"))
        #expect(json.kind == .duplicateKey)
        #expect(json.kubectlMessage == #"error: error parsing f.json: json: offset 24: duplicate key "kind""#)
    }

    @Test func notUTF8() throws {
        let error = try #require(failure(Data([0x61, 0x3A, 0x20, 0xFF, 0x0A])))
        #expect(error.kind == .notUTF8)
        #expect(error.kubectlMessage == "error: error parsing f.yaml: invalid UTF-8 at byte offset 3")
    }

    // MARK: - Hostile input

    @Test func deepNesting() throws {
        let nested = "a: " + String(repeating: "[", count: 150) + String(repeating: "]", count: 150)
        let moderate = try #require(failure(nested))
        #expect(moderate.kind == .tooDeep)
        #expect(moderate.message == "error converting YAML to JSON: yaml: exceeded max depth of 100")
        let hostile = try #require(failure(String(repeating: "[", count: 200_000)))
        #expect(hostile.kind == .tooDeep)
        let dashes = try #require(failure(String(repeating: "- ", count: 100_000) + "x\n"))
        #expect(dashes.kind == .tooDeep)
        let deepJSON = String(repeating: #"{"a":"#, count: 150) + "1" + String(repeating: "}", count: 150)
        let json = try #require(failure(deepJSON, source: "f.json"))
        #expect(json.kubectlMessage == "error: error parsing f.json: json: offset 501: exceeded max depth")
    }

    @Test func billionLaughs() throws {
        var lines = [#"a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]"#]
        for (name, previous) in zip("bcdefghi", "abcdefgh") {
            let aliases = Array(repeating: "*\(previous)", count: 9).joined(separator: ",")
            lines.append("\(name): &\(name) [\(aliases)]")
        }
        let error = try #require(failure(lines.joined(separator: "\n") + "\n"))
        #expect(
            error.kubectlMessage
                == "error: error parsing f.yaml: error converting YAML to JSON: "
                + "yaml: document contains excessive aliasing")
    }

    @Test func objectTooLargeForTheServer() throws {
        let note = String(repeating: "x", count: 1_600_000)
        let text = Self.with("  name: web\n", "  name: web\n  annotations:\n    note: \(note)\n")
        let error = try #require(failure(text))
        #expect(error.kind == .tooLarge)
        #expect(
            error.kubectlMessage
                == #"Error from server (RequestEntityTooLarge): error when creating "f.yaml": "#
                + "Request entity too large: limit is 3145728")
    }

    // MARK: - Validation and mapping

    @Test(arguments: [
        ("apiVersion: apps/v1\nmetadata:\n  name: x\n", "kind not set"),
        ("kind: Deployment\n", "apiVersion not set"),
        ("metadata:\n  name: x\n", "[apiVersion not set, kind not set]"),
        ("apiVersion: 1\nkind: [Deployment]\n", "[apiVersion isn't string type, kind isn't string type]"),
        ("apiVersion: a/b/c\nkind: Deployment\n", "unexpected GroupVersion string: a/b/c"),
        ("hello\n", "invalid object to validate"),
        ("- a\n- b\n", "invalid object to validate"),
        ("apiVersion: v1\nkind: List\nitems: {}\n", "invalid object to validate"),
        (
            "apiVersion: v1\nkind: List\nitems:\n- kind: Deployment\n- metadata: {}\n",
            "[apiVersion not set, kind not set]"
        ),
    ])
    func missingKind(_ text: String, _ message: String) throws {
        let error = try #require(failure(text))
        #expect(error.kind == .missingKind)
        #expect(
            error.kubectlMessage
                == "error: error validating \"f.yaml\": error validating data: \(message); if you choose to ignore "
                + "these errors, turn validation off with --validate=false")
    }

    @Test func emptyKindCannotBeDecoded() throws {
        let error = try #require(failure("apiVersion: apps/v1\nkind: \"\"\nmetadata:\n  name: x\n"))
        #expect(
            error.kubectlMessage
                == #"error: unable to decode "f.yaml": Object 'Kind' is missing in '{"apiVersion":"apps/v1","kind":"","#
                + #""metadata":{"name":"x"}}'"#)
    }

    @Test(arguments: [
        (
            "apiVersion: v1\nkind: Foo\nmetadata:\n  name: x\n", #"name: "x" namespace: """#,
            #"kind "Foo" in version "v1""#
        ),
        ("apiVersion: apps/v1beta2\nkind: Deployment\nmetadata:\n  name: d\n  namespace: prod\n",
         #"name: "d" namespace: "prod""#, #"kind "Deployment" in version "apps/v1beta2""#),
        (
            "apiVersion: apps/v1\nkind: deployment\n", #"name: "" namespace: """#,
            #"kind "deployment" in version "apps/v1""#
        ),
    ])
    func unknownKind(_ text: String, _ object: String, _ match: String) throws {
        let error = try #require(failure(text))
        #expect(error.kind == .unknownKind)
        #expect(
            error.kubectlMessage
                == "error: resource mapping not found for \(object) from \"f.yaml\": no matches for \(match)\n"
                + "ensure CRDs are installed first")
    }

    @Test func unknownKindInAList() throws {
        let error = try #require(failure("apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Service\n"))
        #expect(error.kubectlMessage == #"error: unable to recognize no matches for kind "Service" in version "v1""#)
    }

    // MARK: - Strict decoding on the server

    @Test func unknownFields() throws {
        let one = try #require(failure(Self.with("\nspec:\n", "\nspec:\n  replicaz: 2\n")))
        #expect(one.kind == .unknownField)
        #expect(one.kubectlMessage == Self.strictPrefix + #"strict decoding error: unknown field "spec.replicaz""#)
        let several = try #require(
            failure(
                Self.with("\nspec:\n", "\nspec:\n  replicaz: 2\n").replacingOccurrences(
                    of: "image: nginx",
                    with: "image: nginx\n        imagee: x\n        ports: [{containerPort: 80, hostport: 1}]"
                ).replacingOccurrences(of: "  name: web\n", with: "  name: web\n  labelz: {}\n")))
        #expect(
            several.kubectlMessage
                == Self.strictPrefix + #"strict decoding error: unknown field "metadata.labelz", "#
                + #"unknown field "spec.replicaz", unknown field "spec.template.spec.containers[0].imagee", "#
                + #"unknown field "spec.template.spec.containers[0].ports[0].hostport""#)
    }

    /// The structs nested in a pod spec are decoded field by field, as the server does; one the schema does not
    /// list (a `PodOS`) is still accepted whole.
    @Test func nestedStructsAreCheckedAndUnlistedOnesAcceptedWhole() throws {
        let valid = Self.with(
            "image: nginx",
            "image: nginx\n        securityContext: {capabilities: {drop: [ALL]}, runAsUser: 7}\n"
                + "        lifecycle: {preStop: {exec: {command: [x]}}}"
        ).replacingOccurrences(
            of: "    spec:\n",
            with: "    spec:\n      os: {name: linux, anything: [1]}\n"
                + "      affinity: {nodeAffinity: {requiredDuringSchedulingIgnoredDuringExecution: "
                + "{nodeSelectorTerms: [{matchExpressions: [{key: zone, operator: In, values: [a]}]}]}}}\n")
        #expect(failure(valid) == nil)
        let misspelt = try #require(
            failure(
                valid.replacingOccurrences(of: "runAsUser", with: "anything")
                    .replacingOccurrences(of: "{nodeSelectorTerms", with: "{whatever: true, nodeSelectorTerms")))
        #expect(
            misspelt.kubectlMessage
                == Self.strictPrefix + #"strict decoding error: unknown field "#
                + #""spec.template.spec.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.whatever", "#
                + #"unknown field "spec.template.spec.containers[0].securityContext.anything""#)
    }

    @Test(arguments: [
        ("\nspec:\n", "\nspec:\n  replicas: \"two\"\n",
         "json: cannot unmarshal string into Go struct field DeploymentSpec.spec.replicas of type int32"),
        ("\nspec:\n", "\nspec:\n  replicas: 3000000000\n",
         "json: cannot unmarshal number 3000000000 into Go struct field DeploymentSpec.spec.replicas of type int32"),
        ("\nspec:\n", "\nspec:\n  paused: \"yes\"\n",
         "json: cannot unmarshal string into Go struct field DeploymentSpec.spec.paused of type bool"),
        ("image: nginx", "image: nginx\n        env: [{name: PORT, value: 8080}]",
         "json: cannot unmarshal number into Go struct field EnvVar.spec.template.spec.containers.env.value "
            + "of type string"),
        ("image: nginx", "image: nginx\n        ports: [{containerPort: 1.5}]",
         "json: cannot unmarshal number 1.5 into Go struct field ContainerPort.spec.template.spec.containers.ports"
            + ".containerPort of type int32"),
        ("image: nginx", "image: nginx\n        imagePullPolicy: 5",
         "json: cannot unmarshal number into Go struct field Container.spec.template.spec.containers.imagePullPolicy "
            + "of type v1.PullPolicy"),
        ("image: nginx", "image: nginx\n        command: ls",
         "json: cannot unmarshal string into Go struct field Container.spec.template.spec.containers.command of type "
            + "[]string"),
        ("  name: web\n", "  name: web\n  labels: {app: 1}\n",
         "json: cannot unmarshal number into Go struct field ObjectMeta.metadata.labels of type string"),
        ("\nspec:\n", "\nspec:\n  strategy: {rollingUpdate: {maxSurge: true}}\n",
         "json: cannot unmarshal bool into Go value of type int32"),
        ("  name: web\n", "  name: web\n  creationTimestamp: yesterday\n",
         #"parsing time "yesterday" as "2006-01-02T15:04:05Z07:00": cannot parse "yesterday" as "2006""#),
        ("  name: web\n", "  name: web\n  creationTimestamp: 2024-13-01T00:00:00Z\n",
         #"parsing time "2024-13-01T00:00:00Z": month out of range"#),
        ("\nspec:\n", "\nspec:\n  strategy: []\n",
         "json: cannot unmarshal array into Go struct field DeploymentSpec.spec.strategy "
            + "of type v1.DeploymentStrategy"),
    ])
    func wrongTypes(_ target: String, _ replacement: String, _ message: String) throws {
        let error = try #require(failure(Self.with(target, replacement)))
        #expect(error.kind == .wrongType)
        // Metadata is kubectl's own decode (cli-runtime's metadataValidatingDecoder) before it sends anything; the
        // rest is the server's strict decoding.
        let clientSide = replacement.hasPrefix("  name:")
        #expect(error.kubectlMessage == (clientSide ? "error: unable to decode \"f.yaml\": " : Self.strictPrefix) + message)
    }

    @Test func typeErrorsWinOverUnknownFields() throws {
        let error = try #require(failure(Self.with("\nspec:\n", "\nspec:\n  aaa: 1\n  replicas: x\n")))
        #expect(error.kind == .wrongType)
    }

    @Test func verbsAndMatching() throws {
        let error = try #require(failure(Self.with("\nspec:\n", "\nspec:\n  replicaz: 2\n")))
        #expect(error.kubectlMessage(verb: .patching).contains(#"error when patching "f.yaml""#))
        #expect(error.name == "web")
        #expect(error.namespace == "")
        var caught = false
        do {
            let text = Self.with("\nspec:\n", "\nspec:\n  replicaz: 2\n")
            _ = try ManifestDecoder.decode(Data(text.utf8), source: "f.yaml")
        } catch ManifestError.Kind.unknownField {
            caught = true
        } catch {}
        #expect(caught)
        #expect(ManifestError.noObjects().kubectlMessage == "error: no objects passed to apply")
        #expect(ManifestError.noObjects(command: "create").description == "error: no objects passed to create")
    }
}
