import Foundation
import KubeModel
import Testing
import TestSupport

@testable import Manifests

struct LastAppliedTests {
    @Test func matchesWhatKubectlSentForTheConsoleManifest() throws {
        let document = try #require(
            try ManifestDecoder.decode(Data(try fixture("serve-deployment.yaml").utf8), source: "serve-deployment.yaml")
                .first)
        try expectGolden(
            LastApplied.configuration(for: document.raw, namespace: "default"),
            named: "last-applied-serve-deployment.txt")
    }

    @Test func keepsOtherAnnotationsAndDropsItself() {
        let raw = JSONValue.object([
            "kind": .string("Deployment"),
            "metadata": .object([
                "name": .string("web"),
                "namespace": .string("old"),
                "annotations": .object([
                    "team": .string("a&b"),
                    AnnotationKey.lastApplied: .string("{}"),
                ]),
            ]),
            "spec": .object(["replicas": .null, "paused": .bool(false)]),
        ])
        #expect(
            LastApplied.configuration(for: raw, namespace: "prod")
                == #"{"kind":"Deployment","metadata":{"annotations":{"team":"a\u0026b"},"name":"web","#
                + #""namespace":"prod"},"spec":{"paused":false,"replicas":null}}"# + "\n")
    }

    @Test func createsMetadataWhenMissing() {
        #expect(
            LastApplied.configuration(for: .object(["kind": .string("Deployment")]), namespace: "default")
                == #"{"kind":"Deployment","metadata":{"annotations":{},"namespace":"default"}}"# + "\n")
    }

    @Test func numbersAsKubectlWritesThem() throws {
        let text = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: x}
            spec: {replicas: 2.0, minReadySeconds: 1e1}

            """
        let document = try #require(try ManifestDecoder.decode(Data(text.utf8), source: "f.yaml").first)
        let configuration = LastApplied.configuration(for: document.raw, namespace: "")
        #expect(configuration.contains(#""minReadySeconds":10,"replicas":2"#))
    }
}
