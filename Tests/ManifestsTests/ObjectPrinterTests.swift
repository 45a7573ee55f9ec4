import Foundation
import KubeModel
import Testing
import TestSupport

@testable import Manifests

/// `-o yaml` / `-o json` against what kubectl v1.32.4 printed for the same objects (kubectl-console.txt).
struct ObjectPrinterTests {
    /// The `kubectl get deployment -o json` output, read back as the value to print.
    private func consoleList() throws -> JSONValue {
        var stream = GoJSONStream(bytes: Array(try golden("get-deployment-list.json").utf8))
        return try #require(try stream.next()).value
    }

    private func golden(_ name: String, filePath: String = #filePath) throws -> String {
        let url = URL(fileURLWithPath: filePath).deletingLastPathComponent()
            .appendingPathComponent("Golden").appendingPathComponent(name)
        return try String(contentsOf: url, encoding: .utf8)
    }

    // MARK: - Golden output

    @Test func listAsJSONMatchesKubectl() throws {
        let items = try #require(try consoleList()["items"]?.arrayValue)
        try expectGolden(ObjectPrinter.json(ObjectPrinter.list(items)), named: "get-deployment-list.json")
    }

    @Test func listAsYAMLMatchesKubectl() throws {
        let items = try #require(try consoleList()["items"]?.arrayValue)
        try expectGolden(ObjectPrinter.yaml(ObjectPrinter.list(items)), named: "get-deployment-list.yaml")
    }

    @Test func singleObjectAsYAMLMatchesKubectl() throws {
        let item = try #require(try consoleList()["items"]?.arrayValue?.first)
        try expectGolden(ObjectPrinter.yaml(item), named: "get-deployment.yaml")
    }

    @Test func listWrapperIsKubectls() {
        #expect(
            GoJSONWriter.compact(ObjectPrinter.list([]))
                == #"{"apiVersion":"v1","items":[],"kind":"List","metadata":{"resourceVersion":""}}"#)
    }

    // MARK: - YAML scalars

    @Test(arguments: [
        ("plain", "plain"), ("1", "\"1\""), ("true", "\"true\""), ("yes", "\"yes\""), ("No", "\"No\""),
        ("on", "\"on\""), ("null", "\"null\""), ("~", "\"~\""), ("", "\"\""), ("1.5", "\"1.5\""),
        ("0x1F", "\"0x1F\""), ("1e3", "\"1e3\""), ("1_000", "\"1_000\""), ("012", "\"012\""), ("08", "\"08\""),
        ("1:20", "\"1:20\""), (".inf", "\".inf\""), ("-.5", "\"-.5\""),
        ("2026-11-26T15:08:07Z", "\"2026-11-26T15:08:07Z\""), ("2024-1-2", "\"2024-1-2\""),
        ("2024-13-02", "2024-13-02"), ("1.2.3", "1.2.3"), ("25%", "25%"), ("v1.0", "v1.0"),
        ("auto-serve:latest", "auto-serve:latest"), ("a: b", "'a: b'"), ("a #b", "'a #b'"), ("a#b", "a#b"),
        (" lead", "' lead'"), ("trail ", "'trail '"), ("*star", "'*star'"), ("&amp", "'&amp'"), ("!bang", "'!bang'"),
        ("|pipe", "'|pipe'"), (">gt", "'>gt'"), ("%pct", "'%pct'"), ("@at", "'@at'"), ("`tick", "'`tick'"),
        ("- dash", "'- dash'"), ("-dash", "-dash"), ("? q", "'? q'"), (":colon", ":colon"), ("[x]", "'[x]'"),
        ("{x}", "'{x}'"), ("x[0]", "x[0]"), ("it's", "it's"), ("'quoted'", "'''quoted'''"),
        ("\"dq\"", "'\"dq\"'"), ("---", "'---'"), ("a\tb", "\"a\\tb\""), ("é ü", "é ü"),
        ("smile 😀", "\"smile \\U0001F600\""), ("bell\u{07}", "\"bell\\a\""), ("nbsp\u{A0}x", "nbsp\u{A0}x"),
    ])
    func stringQuoting(_ value: String, _ expected: String) {
        #expect(ObjectPrinter.yaml(.object(["k": .string(value)])) == "k: \(expected)\n")
    }

    @Test func multiLineStringsUseLiteralBlocks() {
        let value = JSONValue.object([
            "clip": .string("line one\nline two\n"),
            "keep": .string("a\n\n"),
            "strip": .string("no newline\nat end"),
            "space": .string(" leading\n"),
        ])
        #expect(
            ObjectPrinter.yaml(value) == """
                clip: |
                  line one
                  line two
                keep: |+
                  a

                space: |2
                   leading
                strip: |-
                  no newline
                  at end

                """)
    }

    @Test func trailingSpaceBeforeNewlineForcesDoubleQuotes() {
        #expect(ObjectPrinter.yaml(.object(["k": .string("a \nb")])) == "k: \"a \\nb\"\n")
    }

    @Test func longPlainStringsFoldAtColumnEighty() {
        let words = (1...20).map { "word\($0)" }.joined(separator: " ")
        #expect(
            ObjectPrinter.yaml(.object(["message": .string(words)])) == """
                message: word1 word2 word3 word4 word5 word6 word7 word8 word9 word10 word11 word12
                  word13 word14 word15 word16 word17 word18 word19 word20

                """)
    }

    @Test func longQuotedStringsFoldToo() {
        let text = "0/3 nodes are available: " + (1...12).map { "reason\($0)" }.joined(separator: " ")
        #expect(
            ObjectPrinter.yaml(.object(["message": .string(text)])) == """
                message: '0/3 nodes are available: reason1 reason2 reason3 reason4 reason5 reason6
                  reason7 reason8 reason9 reason10 reason11 reason12'

                """)
    }

    // MARK: - YAML structure

    @Test func collectionsAndScalars() {
        let value = JSONValue.object([
            "empty": .object([:]),
            "none": .array([]),
            "nothing": .null,
            "flag": .bool(false),
            "count": .int(-3),
            "ratio": .double(0.25),
            "big": .double(1234567.5),
            "nested": .array([.array([.int(1), .int(2)]), .object(["a": .int(1), "b": .array([.string("x")])])]),
        ])
        #expect(
            ObjectPrinter.yaml(value) == """
                big: 1.2345675e+06
                count: -3
                empty: {}
                flag: false
                nested:
                - - 1
                  - 2
                - a: 1
                  b:
                  - x
                none: []
                nothing: null
                ratio: 0.25

                """)
    }

    @Test func keysSortTheGoYAMLWay() {
        let value = JSONValue.object(["item10": .int(1), "item9": .int(2), "aB": .int(3), "a_b": .int(4), "1": .int(5)])
        #expect(ObjectPrinter.yaml(value) == "\"1\": 5\na_b: 4\naB: 3\nitem9: 2\nitem10: 1\n")
        #expect(ObjectPrinter.json(value).contains("\"1\": 5,\n    \"aB\": 3,\n    \"a_b\": 4,\n    \"item10\": 1"))
    }

    @Test func longKeysUseComplexKeySyntax() {
        let key = String(repeating: "k", count: 129)
        #expect(ObjectPrinter.yaml(.object([key: .int(1)])) == "? \(key)\n: 1\n")
    }

    @Test func rootValues() {
        #expect(ObjectPrinter.yaml(.object([:])) == "{}\n")
        #expect(ObjectPrinter.yaml(.array([.string("a")])) == "- a\n")
    }

    // MARK: - JSON

    @Test func jsonEscapesLikeGo() {
        let value = JSONValue.object(["s": .string("<a href=\"x\">&\u{08}\u{0C}\u{01}\u{2028}é\n")])
        let escaped = #""\u003ca href=\"x\"\u003e\u0026\b\f\u0001\u2028é\n""#
        #expect(ObjectPrinter.json(value) == "{\n    \"s\": \(escaped)\n}\n")
    }

    @Test(arguments: [
        (0.5, "0.5"), (1e-7, "1e-7"), (1e21, "1e+21"), (123456789.25, "123456789.25"), (1e20, "100000000000000000000"),
    ])
    func jsonFloatsLikeGo(_ value: Double, _ expected: String) {
        #expect(GoJSONWriter.compact(.double(value)) == expected)
    }

    @Test func emptyCollectionsStayCompact() {
        let value = JSONValue.object(["a": .object([:]), "b": .array([])])
        #expect(ObjectPrinter.json(value) == "{\n    \"a\": {},\n    \"b\": []\n}\n")
    }
}
