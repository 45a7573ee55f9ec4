import Foundation
import KubeModel
import Testing
import TestSupport

@testable import Manifests

struct ManifestDecoderTests {
    private func decode(_ text: String, source: String = "f.yaml") throws -> [ManifestDocument] {
        try ManifestDecoder.decode(Data(text.utf8), source: source)
    }

    private func raw(_ text: String) throws -> JSONValue {
        try #require(try decode(minimal + text).first).raw
    }

    /// A Deployment that passes every check; tests append fields under `spec.template.spec.containers[0]`.
    private let minimal = """
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

    // MARK: - Documents

    @Test func readsTheConsoleManifest() throws {
        let documents = try decode(try fixture("serve-deployment.yaml"), source: "serve-deployment.yaml")
        let document = try #require(documents.first)
        #expect(documents.count == 1)
        #expect(document.source == "serve-deployment.yaml")
        #expect(document.index == 0)
        let deployment = document.testDeployment
        #expect(deployment.name == "serve-deployment")
        #expect(deployment.metadata.namespace == nil)
        #expect(deployment.metadata.labels == ["app": "auto-serve"])
        #expect(deployment.spec.replicas == 2)
        #expect(deployment.spec.selector?.matchLabels == ["app": "auto-serve"])
        #expect(deployment.spec.template.metadata.labels == ["app": "auto-serve"])
        let container = try #require(deployment.spec.template.spec.containers.first)
        #expect(container.name == "auto-serve")
        #expect(container.image == "auto-serve:latest")
        #expect(container.imagePullPolicy == "Never")
        #expect(container.ports.first?.containerPort == 8082)
    }

    /// What `kubectl get -o yaml|json` printed must read back (status, uid and all) and print the same again.
    @Test(arguments: ["get-deployment.yaml", "get-deployment-list.yaml", "get-deployment-list.json"])
    func kubectlOutputRoundTrips(_ name: String) throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
            .appendingPathComponent("Golden").appendingPathComponent(name)
        let text = try String(contentsOf: url, encoding: .utf8)
        let documents = try decode(text, source: name)
        let document = try #require(documents.first)
        #expect(documents.count == 1)
        #expect(document.testDeployment.metadata.uid == "2a3b0a5b-3b58-4a42-a747-8e2addf19281")
        #expect(document.testDeployment.metadata.creationTimestamp?.description == "2026-11-26T15:08:07Z")
        if name == "get-deployment.yaml" {
            #expect(ObjectPrinter.yaml(document.raw) == text)
        } else if name.hasSuffix(".json") {
            #expect(ObjectPrinter.json(ObjectPrinter.list(documents.map(\.raw))) == text)
        } else {
            #expect(ObjectPrinter.yaml(ObjectPrinter.list(documents.map(\.raw))) == text)
        }
    }

    @Test func multiDocumentFilesSkipEmptyDocuments() throws {
        let documents = try decode(try fixture("two-deployments.yaml"))
        #expect(documents.map(\.testDeployment.name) == ["web", "api"])
        #expect(documents.map(\.index) == [0, 1])
        let api = documents[1].testDeployment
        #expect(api.metadata.namespace == "prod")
        #expect(api.spec.strategy?.rollingUpdate?.maxSurge == .int(1))
        #expect(api.spec.strategy?.rollingUpdate?.maxUnavailable == .string("25%"))
        #expect(api.spec.template.spec.containers.first?.env.first?["value"] == .string("on"))
    }

    @Test func emptyInputHasNoDocuments() throws {
        #expect(try decode("").isEmpty)
        #expect(try decode("# nothing\n---\n---\n").isEmpty)
        #expect(try decode("null\n").isEmpty)
    }

    @Test func jsonInput() throws {
        let json = """
            {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "j"},
             "spec": {"replicas": 2.0, "template": {"spec": {"containers": [{"name": "c", "image": "i"}]}}}}
            {"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "k"}}
            """
        let documents = try decode(json, source: "f.json")
        #expect(documents.map(\.testDeployment.name) == ["j", "k"])
        #expect(documents[0].raw["spec"]?["replicas"] == .int(2))
        #expect(documents[0].testDeployment.spec.replicas == 2)
    }

    @Test func jsonFollowedByYAML() throws {
        let text = #"{"apiVersion": "apps/v1", "kind": "Deployment", "metadata": {"name": "a"}}"#
            + "\n---\napiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: b\n"
        #expect(try decode(text).map(\.testDeployment.name) == ["a", "b"])
    }

    @Test func flowStyleYAMLStartingWithABrace() throws {
        let text = "{apiVersion: apps/v1, kind: Deployment, metadata: {name: flow},}\n"
        #expect(try decode(text).map(\.testDeployment.name) == ["flow"])
    }

    @Test func listsAreFlattened() throws {
        let documents = try decode(try fixture("list.json"), source: "list.json")
        #expect(documents.map(\.testDeployment.name) == ["one", "two"])
        #expect(documents.map(\.index) == [0, 1])
        #expect(documents[1].raw["kind"] == .string("Deployment"))
    }

    @Test func byteOrderMarksAndCRLF() throws {
        let text = "apiVersion: apps/v1\r\nkind: Deployment\r\nmetadata:\r\n  name: crlf\r\n---\r\n"
        var data = Data([0xEF, 0xBB, 0xBF])
        data.append(Data(text.utf8))
        let documents = try ManifestDecoder.decode(data, source: "f.yaml")
        #expect(documents.map(\.testDeployment.name) == ["crlf"])
        var utf16 = Data([0xFF, 0xFE])
        utf16.append(try #require(text.data(using: .utf16LittleEndian)))
        #expect(try ManifestDecoder.decode(utf16, source: "f.yaml").map(\.testDeployment.name) == ["crlf"])
    }

    // MARK: - YAML to JSON, the sigs.k8s.io/yaml way

    /// The YAML's own typing, before any Go type is applied (the server would refuse most of these where a string
    /// is declared, so the document is converted but not decoded as a Deployment).
    @Test func plainScalarsAreTypedTheYAML11Way() throws {
        let text = """
            values: [yes, No, on, OFF, ~, null, "yes", 'on', 0x1F, 0o17, 017, 08, 1_000, +5, 1e3, 2.0, .5,
              2024-01-01, "1", 3000000000, 18446744073709551615, -0b11]
            """
        var stream = RawDocumentStream(input: try ManifestInput(Data(text.utf8), source: "f.yaml"), source: "f.yaml")
        let values = try #require(try stream.next()?.value["values"])
        #expect(
            values == .array([
                .bool(true), .bool(false), .bool(true), .bool(false), .null, .null, .string("yes"), .string("on"),
                .int(31), .int(15), .int(15), .int(8), .int(1000), .int(5), .int(1000), .int(2), .double(0.5),
                .string("2024-01-01"), .string("1"), .int(3_000_000_000),
                .double(18446744073709551616), .int(-3),
            ]))
    }

    @Test func blockScalarsAndAnchors() throws {
        let text = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: &name anchored
              labels: &labels
                app: web
              annotations:
                note: |
                  first
                  second
                folded: >-
                  one
                  two
            spec:
              selector:
                matchLabels: *labels
              template:
                metadata:
                  labels:
                    <<: *labels
                    tier: *name

            """
        let document = try #require(try decode(text).first)
        let deployment = document.testDeployment
        #expect(deployment.metadata.annotations == ["note": "first\nsecond\n", "folded": "one two"])
        #expect(deployment.spec.selector?.matchLabels == ["app": "web"])
        #expect(deployment.spec.template.metadata.labels == ["app": "web", "tier": "anchored"])
    }

    @Test func keysBecomeStrings() throws {
        let text = minimal.replacingOccurrences(
            of: "      containers:", with: "      nodeSelector: {1: a, true: b, 1.5: c}\n      containers:")
        let document = try #require(try decode(text).first)
        #expect(
            document.raw["spec"]?["template"]?["spec"]?["nodeSelector"]
                == .object(["1": .string("a"), "true": .string("b"), "1.5": .string("c")]))
    }

    @Test func nullsAreKeptInRawButNotInThePodSpec() throws {
        let text = minimal.replacingOccurrences(of: "image: nginx", with: "image: nginx\n        workingDir: null")
        let document = try #require(try decode(text).first)
        #expect(document.raw["spec"]?["template"]?["spec"]?["containers"]?.arrayValue?.first?["workingDir"] == .null)
        #expect(document.testDeployment.spec.template.spec.containers.first?.raw["workingDir"] == nil)
    }

    @Test func replicasNullMeansUnset() throws {
        let text = minimal.replacingOccurrences(of: "spec:\n  selector", with: "spec:\n  replicas: null\n  selector")
        let document = try #require(try decode(text).first)
        #expect(document.testDeployment.spec.replicas == nil)
    }

    // MARK: - decodeAll

    @Test func decodeAllKeepsGoingLikeKubectl() throws {
        let typo = minimal.replacingOccurrences(
            of: "metadata:\n  name: web\n", with: "metadata:\n  name: typo\n  labelz: {}\n")
        let text = """
            apiVersion: v1
            kind: Service
            metadata:
              name: svc
            ---
            \(minimal)---
            \(typo)---
            a: b: c
            ---
            \(minimal)
            """
        let result = ManifestDecoder.decodeAll(Data(text.utf8), source: "f.yaml")
        #expect(result.accepted.map(\.testDeployment.name) == ["web"])
        #expect(result.documents.count == 2)
        #expect(result.errors.map(\.kind) == [.unknownKind, .syntax])
        guard case .failure(let error)? = result.documents.last else {
            Issue.record("expected the second deployment to be rejected")
            return
        }
        #expect(error.kind == .unknownField)
        #expect(error.name == "typo")
        #expect(
            error.kubectlMessage(verb: .patching)
                == #"Error from server (BadRequest): error when patching "f.yaml": Deployment in version "v1" "#
                + #"cannot be handled as a Deployment: strict decoding error: unknown field "metadata.labelz""#)
    }
}

extension ManifestDocument {
    /// The document's Deployment; another kind fails the test (and reads as an empty Deployment).
    var testDeployment: Deployment {
        guard let deployment = object.deployment else {
            Issue.record("\(object.resource)/\(object.name) is not a Deployment")
            return Deployment(metadata: ObjectMeta(name: ""), spec: DeploymentSpec())
        }
        return deployment
    }
}
