import Foundation
import Testing

/// Hostile inputs too large to commit, generated for ``BadManifestTests``.
enum Generated: String, CaseIterable, Sendable, CustomTestStringConvertible {
    /// 500 nested YAML mappings under `metadata.labels`.
    case deepYAML = "deep-yaml"
    /// 5000 nested JSON arrays.
    case deepJSON = "deep-json"
    /// A Deployment with a 4 MiB annotation: over the API server's request limit.
    case hugeAnnotation = "huge-annotation"
    /// 65 MiB of comment lines: over the input limit.
    case hugeInput = "huge-input"
    /// A Deployment with 20000 containers' worth of a wrong-typed field deep in a long list.
    case longList = "long-list"
    /// A 1 MiB run of one line without a newline, then a syntax error.
    case longLine = "long-line"

    var fileExtension: String { self == .deepJSON ? "json" : "yaml" }

    var testDescription: String { rawValue }

    func data() -> Data {
        switch self {
        case .deepYAML:
            var text = "apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: deep\n  labels:\n"
            for level in 0..<500 { text += String(repeating: "  ", count: level + 2) + "k\(level):\n" }
            return Data(text.utf8)
        case .deepJSON:
            let depth = 5000
            return Data(("{\"apiVersion\":\"apps/v1\",\"kind\":\"Deployment\",\"spec\":"
                + String(repeating: "[", count: depth) + String(repeating: "]", count: depth) + "}\n").utf8)
        case .hugeAnnotation:
            return Data(Self.deployment(annotation: String(repeating: "x", count: 4 << 20)).utf8)
        case .hugeInput:
            let line = "# " + String(repeating: "-", count: 1021) + "\n"
            return Data(String(repeating: line, count: 65 * 1024).utf8)
        case .longList:
            var text = Self.deployment(annotation: "")
            text += "      - {name: extra, image: web:1, ports: [{containerPort: \"80\"}]}\n"
            for index in 0..<20000 { text += "      - {name: c\(index), image: web:1}\n" }
            return Data(text.utf8)
        case .longLine:
            return Data(("metadata: " + String(repeating: "a", count: 1 << 20) + ": b: c\n").utf8)
        }
    }

    private static func deployment(annotation: String) -> String {
        """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: big
          annotations:
            note: "\(annotation)"
        spec:
          selector:
            matchLabels: {app: big}
          template:
            metadata:
              labels: {app: big}
            spec:
              containers:
              - {name: web, image: web:1}

        """
    }
}
