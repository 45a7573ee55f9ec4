import Foundation
import KubeModel
import Testing

/// `JSONCodec.encode` promises `JSONEncoder`'s exact text (sorted keys, slashes unescaped): stored objects
/// and payloads written before and after any change to it must compare equal byte for byte.
@Suite struct JSONCodecTests {
    static let deployment = """
        {"apiVersion":"apps/v1","kind":"Deployment",
         "metadata":{"name":"web","namespace":"default","uid":"1f2e","generation":3,"resourceVersion":"42",
          "creationTimestamp":"2026-11-26T15:08:07Z",
          "labels":{"app":"web","é-tier":"front/end","z":"\\"quoted\\"\\n\\u0001"},
          "annotations":{"deployment.kubernetes.io/revision":"2","kubernetes.io/change-cause":"set image 🚀"}},
         "spec":{"replicas":4,"minReadySeconds":5,"revisionHistoryLimit":10,"progressDeadlineSeconds":600,
          "selector":{"matchLabels":{"app":"web"},"matchExpressions":[{"key":"tier","operator":"In","values":["a","b"]}]},
          "strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":1}},
          "template":{"metadata":{"labels":{"app":"web"}},
           "spec":{"containers":[
            {"name":"app","image":"registry.example.com/web:1.2","ports":[{"containerPort":8080,"protocol":"TCP"}],
             "env":[{"name":"A","value":"1.5e3"},{"name":"B","value":""}],
             "resources":{"limits":{"cpu":"500m","memory":"128Mi"}},"args":["--x=1","--y"]},
            {"name":"sidecar","image":"envoy:v1"}]}}},
         "status":{"replicas":4,"readyReplicas":3,"updatedReplicas":4,"availableReplicas":3,"observedGeneration":3,
          "conditions":[{"type":"Available","status":"True","reason":"MinimumReplicasAvailable",
           "message":"Deployment has minimum availability.","lastUpdateTime":"2026-11-26T15:08:07Z",
           "lastTransitionTime":"2026-11-26T15:08:07Z"}]}}
        """

    static func foundation(_ value: some Encodable) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        return String(decoding: try encoder.encode(value), as: UTF8.self)
    }

    @Test func deploymentEncodesAsJSONEncoderDoes() throws {
        let deployment = try JSONCodec.decode(Deployment.self, from: JSONCodecTests.deployment)
        #expect(try JSONCodec.encode(deployment) == (try JSONCodecTests.foundation(deployment)))
        #expect(try JSONCodec.decode(Deployment.self, from: try JSONCodec.encode(deployment)) == deployment)
    }

    @Test func collectionsAndOptionalsEncodeAsJSONEncoderDoes() throws {
        let values: [[String: [Int?]]] = [[:], ["b": [1, nil, -3], "a": [], "ä": [Int.max]]]
        #expect(try JSONCodec.encode(values) == (try JSONCodecTests.foundation(values)))
        let nested: [String: [String: String]] = ["z": ["y": "x/y", "a": "\u{7F}\t"], "": [:]]
        #expect(try JSONCodec.encode(nested) == (try JSONCodecTests.foundation(nested)))
        let tree = try JSONCodec.parse(JSONCodecTests.deployment)
        #expect(try JSONCodec.encode(tree) == JSONCodec.write(tree))
    }

    /// Strings are scanned eight bytes at a time for what must be escaped: each special byte at every offset
    /// of a word, next to multi-byte characters, escapes as `JSONEncoder` escapes it.
    @Test func stringsEscapeAsJSONEncoderDoesAtEveryOffset() throws {
        for special in ["\"", "\\", "\n", "\u{01}", "\u{1F}", "\t", "/", "é", "🚀", "\u{7F}"] {
            for length in 0..<19 {
                for position in 0...length {
                    let text = String(repeating: "a", count: position) + special
                        + String(repeating: "b", count: length - position)
                    var out: [UInt8] = []
                    JSONCodec.quote(text, into: &out)
                    #expect(String(decoding: out, as: UTF8.self) == (try JSONCodecTests.foundation(text)))
                }
            }
        }
    }

    /// Strings are read eight bytes at a time too: a quote, an escape or a raw control character at every
    /// offset of a word ends the plain run exactly there, for the parser and the scanner alike.
    @Test func stringsReadAsJSONDecoderReadsAtEveryOffset() throws {
        for special in [#"\""#, #"\\"#, #"\n"#, #"\u001f"#, "\u{01}", "\t", "é", "🚀", "\u{7F}", "/", ""] {
            for length in 0..<19 {
                for position in 0...length {
                    let text = #"[""# + String(repeating: "a", count: position) + special
                        + String(repeating: "b", count: length - position) + #""]"#
                    let expected = try? JSONDecoder().decode([String].self, from: Data(text.utf8))
                    #expect((try? JSONCodec.parse(text)) == expected.map { .array([.string($0[0])]) }, "\(text)")
                    let scanned = Array(text.utf8).withUnsafeBufferPointer { bytes -> String? in
                        var scanner = JSONScanner(bytes)
                        return scanner.take(UInt8(ascii: "[")) ? scanner.string() : nil
                    }
                    #expect(scanned == expected?[0], "\(text)")
                }
            }
        }
    }

    /// Escapes read as `JSONDecoder` reads them, wherever they fall in a string; broken ones are errors.
    @Test func escapedStringsParseAsJSONDecoderDoes() throws {
        let escapes = [#"\u001f"#, #"\u00e9"#, #"\u20ac"#, #"\ud83d\ude80"#, #"\""#, #"\\"#, #"\/"#, #"\b"#, #"\f"#,
                       #"\n"#, #"\r"#, #"\t"#, #"\u0000"#]
        for escape in escapes {
            for prefix in ["", "a", "ü", String(repeating: "x", count: 40)] {
                let text = #"[""# + prefix + escape + "b" + escape + #""]"#
                let expected = try JSONDecoder().decode([String].self, from: Data(text.utf8))
                #expect(try JSONCodec.parse(text) == .array([.string(expected[0])]), "\(text)")
            }
        }
        for broken in [#"["\ud83d"]"#, #"["\ude80x"]"#, #"["\u12"]"#, #"["\q"]"#, #"["\"#] {
            #expect(throws: (any Error).self, "\(broken)") { try JSONCodec.parse(broken) }
        }
    }
}
