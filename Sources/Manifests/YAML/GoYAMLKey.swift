import KubeModel
internal import Yams

/// Go's `%#v` renderings that show up inside go-yaml and sigs.k8s.io/yaml error messages.
enum GoYAMLKey {
    /// `%#v` of a string key: a Go-quoted string.
    static func quoted(_ key: String) -> String { goQuoted(key) }

    /// An approximation of `%#v` for the value go-yaml decoded from `node` (only used in rare error messages).
    static func goSyntax(of node: Node) -> String {
        switch node {
        case .scalar(let scalar):
            switch (try? YAMLToJSON.resolve(scalar)) ?? .string {
            case .null: return "interface {}(nil)"
            case .bool(let flag): return flag ? "true" : "false"
            case .int(let number): return String(number)
            case .uint(let number): return "0x" + String(number, radix: 16)
            case .float(let number): return GoFloat.yaml(number)
            case .string, .timestamp: return goQuoted(scalar.string)
            }
        case .mapping(let mapping):
            let pairs = mapping.map { "\(goSyntax(of: $0.key)):\(goSyntax(of: $0.value))" }
            return "map[interface {}]interface {}{" + pairs.joined(separator: ", ") + "}"
        case .sequence(let sequence):
            return "[]interface {}{" + sequence.map { goSyntax(of: $0) }.joined(separator: ", ") + "}"
        case .alias(let alias):
            return "*" + alias.anchor.rawValue
        }
    }
}
