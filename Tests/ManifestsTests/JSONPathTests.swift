import Foundation
import KubeModel
import Testing

@testable import Manifests

/// client-go's jsonpath, case by case, on a `List` of two ReplicaSets. Each expectation is what kubectl v1.32.4
/// printed for the same template on a `get rs` listing of the same shape over `rollbook serve`.
struct JSONPathTests {
    static let list: JSONValue = {
        func replicaSet(_ name: String, replicas: Int) -> String {
            """
            {"kind": "ReplicaSet", "metadata": {"name": "\(name)"}, "spec": {"replicas": \(replicas),
             "template": {"metadata": {"creationTimestamp": null},
              "spec": {"containers": [{"name": "web"}]}}}}
            """
        }
        let json = """
            {"apiVersion": "v1", "kind": "List", "metadata": {"resourceVersion": ""},
             "items": [\(replicaSet("web-a", replicas: 2)), \(replicaSet("web-b", replicas: 0))]}
            """
        return try! JSONDecoder().decode(JSONValue.self, from: Data(json.utf8))
    }()

    // MARK: - Text

    @Test(arguments: [
        ("{range.items[*]}{.metadata.name}{end}", "web-aweb-b"),
        ("{range .items[*]}{.metadata.name}", "web-aweb-b"),
        ("{range .items[*]}{range .spec.template.spec.containers[*]}{.name}{end}/{end}", "web/web/"),
        ("{range .items[?(@.spec.replicas>5)]}x{end}after", "after"),
        (#"{"}"}"#, "}"),
        ("{'x'}", "x"),
        (#"{"\\n"}"#, #"\n"#),
        (#"{"\n"}"#, "\n"),
        (#"{"\x41\101\u00e9"}"#, "AAé"),
        ("{.items[*]['metadata.name']}", "web-a web-b"),
        ("{.items[-1].metadata.name}", "web-b"),
        ("{.items[0,1].metadata.name}", "web-a web-b"),
        ("{.items[::2].metadata.name}", "web-a"),
        ("{.items[?(@.spec.replicas==2)].metadata.name}", "web-a"),
        (#"{.items[?(@.metadata.name<"web-b")].metadata.name}"#, "web-a"),
        // A step that fails still hands back its input, which `exists` counts.
        ("{.items[?(@.spec.template.spec.containers[5])].metadata.name}", "web-a web-b"),
        ("{.items[0].spec.template.metadata.creationTimestamp}", "null"),
        ("{.kind.*}", "76 105 115 116"),
        ("{$.kind}{@.kind}", "ListList"),
    ])
    func renders(_ template: String, _ expected: String) throws {
        #expect(try JSONPath(template).render(Self.list) == expected)
    }

    // MARK: - Failures

    @Test(arguments: [
        ("{........}", "invalid multiple recursive descent"),
        ("{#}", "unrecognized character in action: U+0023 '#'"),
        ("{\t.a}", "unrecognized character in action: U+0009"),
        (#"{"a\\"}"#, "unterminated quoted string"),
        (#"{"\q"}"#, #"unquote string "\q" error invalid syntax"#),
        ("{5}{-}", "cannot parse number -"),
        (#"{.items[*]["metadata"]}"#, #"invalid array index "metadata""#),
        ("{[1}", "unterminated array"),
        ("{[?(.price]}", "unterminated filter"),
        ("{.spec.replicas", "unclosed action"),
    ])
    func refusesToParse(_ template: String, _ reason: String) {
        #expect(throws: JSONPathError(description: "error parsing jsonpath \(template), \(reason)")) {
            try JSONPath(template)
        }
    }

    @Test(arguments: [
        ("{.items[5].metadata.name}", "array index out of bounds: index 5, length 2"),
        ("{.items[-5].metadata.name}", "array index out of bounds: index -3, length 2"),
        ("{.items[1:0]}", "starting index 1 is greater than ending index 0"),
        ("{.items[::0]}", "step must be > 0"),
        ("{end}", "not in range, nothing to end"),
        ("{range .items[*]}{.metadata.name}{end}{end}", "not in range, nothing to end"),
        ("{hello}", "unrecognized identifier hello"),
        ("{..[0]}", "map[string]interface {} is not array or slice"),
        ("{.kind[0]}", "string is not array or slice"),
        ("{.items[?(@.spec.replicas>1.5)].metadata.name}", "incompatible types for comparison"),
        ("{.items[?(@.spec.replicas=1)].metadata.name}", "unrecognized filter operator ="),
    ])
    func failsOnTheObject(_ template: String, _ reason: String) throws {
        let path = try JSONPath(template)
        #expect(throws: JSONPath.ExecutionError(reason: reason)) { try path.render(Self.list) }
    }

    @Test func goSyntaxOfTheObjectGiven() throws {
        let json = #"{"b": [null, "x\"y", true, 1.5], "a": 1, "c": {}}"#
        let value = try JSONDecoder().decode(JSONValue.self, from: Data(json.utf8))
        let expected = #"map[string]interface {}{"a":1, "b":[]interface {}{interface {}(nil), "x\"y", true, 1.5}, "#
            + #""c":map[string]interface {}{}}"#
        #expect(JSONPath.goSyntax(value) == expected)
    }
}
