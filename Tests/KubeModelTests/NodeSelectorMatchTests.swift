import KubeModel
import Testing

/// `nodeSelector` and required node affinity against a node (component-helpers' nodeaffinity): the selector's
/// labels all, the terms any, a term's requirements all; an empty term matches nothing.
@Suite struct NodeSelectorMatchTests {
    private let labels = ["kubernetes.io/os": "linux", "kubernetes.io/hostname": "n1", "cores": "8"]

    private func matches(_ spec: String) throws -> Bool {
        NodeSelectorMatch.matches(PodSpec(raw: try JSONCodec.parse(spec).objectValue ?? [:]), labels: labels, nodeName: "n1")
    }

    private func terms(_ terms: String) -> String {
        #"{"affinity":{"nodeAffinity":{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":\#(terms)}}}}"#
    }

    @Test func nodeSelectorNeedsEveryLabel() throws {
        #expect(try matches(#"{"nodeSelector":{"kubernetes.io/os":"linux"}}"#))
        #expect(try !matches(#"{"nodeSelector":{"kubernetes.io/os":"linux","disk":"ssd"}}"#))
        #expect(try matches("{}"))
    }

    @Test func termsAreOredAndTheirRequirementsAnded() throws {
        #expect(try matches(terms(#"[{"matchExpressions":[{"key":"disk","operator":"Exists"}]},{"matchExpressions":[{"key":"kubernetes.io/os","operator":"In","values":["linux"]}]}]"#)))
        #expect(try !matches(terms(#"[{"matchExpressions":[{"key":"kubernetes.io/os","operator":"In","values":["linux"]},{"key":"disk","operator":"Exists"}]}]"#)))
        #expect(try !matches(terms("[{}]")), "a term without requirements matches nothing")
    }

    @Test func operatorsAndFields() throws {
        #expect(try matches(terms(#"[{"matchExpressions":[{"key":"disk","operator":"NotIn","values":["hdd"]},{"key":"gpu","operator":"DoesNotExist"}]}]"#)))
        #expect(try matches(terms(#"[{"matchExpressions":[{"key":"cores","operator":"Gt","values":["4"]}]}]"#)))
        #expect(try !matches(terms(#"[{"matchExpressions":[{"key":"cores","operator":"Lt","values":["4"]}]}]"#)))
        #expect(try matches(terms(#"[{"matchFields":[{"key":"metadata.name","operator":"In","values":["n1"]}]}]"#)))
        #expect(try !matches(terms(#"[{"matchFields":[{"key":"metadata.name","operator":"NotIn","values":["n1"]}]}]"#)))
    }
}
