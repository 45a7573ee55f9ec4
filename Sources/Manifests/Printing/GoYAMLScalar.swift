import KubeModel

/// A scalar event as go-yaml's encoder builds it: the text, and the style it asks the emitter for.
struct GoYAMLScalar {
    enum Style { case plain, singleQuoted, doubleQuoted, literal }

    var bytes: [UInt8]
    var style: Style

    init(_ value: JSONValue) {
        switch value {
        case .null: self.init(text: "null", style: .plain)
        case .bool(let flag): self.init(text: flag ? "true" : "false", style: .plain)
        case .int(let number): self.init(text: String(number), style: .plain)
        case .double(let number): self.init(text: GoYAMLScalar.floatText(number), style: .plain)
        case .string(let text):
            // encode.go stringv: literal for multi-line text, plain when it would read back as the same string.
            let style: Style
            if text.contains("\n") {
                style = .literal
            } else if GoYAMLResolver.resolve(text) == .string && !GoYAMLResolver.isBase60Float(text) {
                style = .plain
            } else {
                style = .doubleQuoted
            }
            self.init(text: text, style: style)
        case .array, .object:
            self.init(text: "", style: .plain)
        }
    }

    private init(text: String, style: Style) {
        self.bytes = Array(text.utf8)
        self.style = style
    }

    /// A float as it comes back from kubectl's JSON: go-yaml re-reads the JSON number, so integral values under
    /// 2⁶⁴ print as integers and the rest with `%g`.
    private static func floatText(_ number: Double) -> String {
        let json = GoFloat.json(number)
        switch GoYAMLResolver.resolve(json) {
        case .int, .uint: return json
        default: return GoFloat.yaml(number)
        }
    }
}
