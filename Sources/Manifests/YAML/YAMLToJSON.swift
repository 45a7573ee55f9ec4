import Foundation
import KubeModel
internal import Yams

/// Turns a Yams node tree into the JSON sigs.k8s.io/yaml would produce from go-yaml v2's reading of it.
///
/// Plain scalars are typed with go-yaml's YAML 1.1 rules (``GoYAMLResolver``), quoted ones stay strings, keys are
/// turned into strings, `<<` merges mappings, and go-yaml's guard against alias bombs is applied as is. Duplicate
/// keys are refused (go-yaml would keep the last value).
struct YAMLToJSON {
    enum Failure: Error {
        /// A message in go-yaml's or Go's words (`yaml: …`, `json: …`), with the chunk-relative line if known.
        case conversion(String, line: Int?)
        case tooDeep(line: Int?)
        case duplicateKey(String, line: Int?)
    }

    private var decodeCount = 0
    private var aliasCount = 0
    private var aliasDepth = 0
    private var seenAnchors: Set<ObjectIdentifier> = []

    static func convert(_ root: Node) throws(Failure) -> JSONValue {
        var converter = YAMLToJSON()
        return try converter.value(root, depth: 0)
    }

    // MARK: - Nodes

    private mutating func value(_ node: Node, depth: Int) throws(Failure) -> JSONValue {
        try count()
        if try enterAlias(node) {
            defer { aliasDepth -= 1 }
            try count()
            return try resolvedValue(node, depth: depth)
        }
        return try resolvedValue(node, depth: depth)
    }

    private mutating func resolvedValue(_ node: Node, depth: Int) throws(Failure) -> JSONValue {
        switch node {
        case .scalar(let scalar):
            return try scalarValue(scalar)
        case .sequence(let sequence):
            guard depth < ManifestDecoder.maxDepth else { throw .tooDeep(line: sequence.mark?.line) }
            var items: [JSONValue] = []
            items.reserveCapacity(sequence.count)
            for item in sequence { items.append(try value(item, depth: depth + 1)) }
            return .array(items)
        case .mapping(let mapping):
            guard depth < ManifestDecoder.maxDepth else { throw .tooDeep(line: mapping.mark?.line) }
            var object: [String: JSONValue] = [:]
            var explicit: Set<String> = []
            try fill(&object, explicit: &explicit, from: mapping, depth: depth)
            return .object(object)
        case .alias(let alias):
            throw .conversion("yaml: unknown anchor '\(alias.anchor.rawValue)' referenced", line: alias.mark?.line)
        }
    }

    /// go-yaml counts every node it decodes, and fails when too many of them come from aliases.
    private mutating func count() throws(Failure) {
        decodeCount += 1
        if aliasDepth > 0 { aliasCount += 1 }
        if aliasCount > 100 && decodeCount > 1000
            && Double(aliasCount) / Double(decodeCount) > YAMLToJSON.allowedAliasRatio(decodeCount)
        {
            throw .conversion("yaml: document contains excessive aliasing", line: nil)
        }
    }

    /// go-yaml v2's `allowedAliasRatio`: 99 % for small documents, sliding to 10 % between 400 000 and 4 000 000.
    static func allowedAliasRatio(_ decodeCount: Int) -> Double {
        if decodeCount <= 400_000 { return 0.99 }
        if decodeCount >= 4_000_000 { return 0.10 }
        return 0.99 - 0.89 * (Double(decodeCount - 400_000) / 3_600_000)
    }

    /// Yams hands back the anchored node itself for an alias; meeting an anchor a second time means an alias.
    private mutating func enterAlias(_ node: Node) throws(Failure) -> Bool {
        guard let anchor = node.anchor else { return false }
        let identity = ObjectIdentifier(anchor)
        if seenAnchors.insert(identity).inserted { return false }
        aliasDepth += 1
        return true
    }

    private mutating func fill(
        _ object: inout [String: JSONValue], explicit: inout Set<String>, from mapping: Node.Mapping, depth: Int
    ) throws(Failure) {
        for (keyNode, valueNode) in mapping {
            if let key = keyNode.scalar, key.style == .plain, key.string == "<<" {
                try merge(valueNode, into: &object, depth: depth)
                continue
            }
            try count()
            let key = try keyString(keyNode, value: valueNode)
            let converted = try value(valueNode, depth: depth + 1)
            guard explicit.insert(key).inserted else {
                throw .duplicateKey(
                    "yaml: unmarshal errors:\n  line \(valueNode.mark?.line ?? 0): key \(GoYAMLKey.quoted(key)) "
                        + "already set in map",
                    line: keyNode.mark?.line)
            }
            object[key] = converted
        }
    }

    /// `<<: *base` or `<<: [*a, *b]`: earlier maps win over later ones, explicit keys after the merge win over both.
    private mutating func merge(_ node: Node, into object: inout [String: JSONValue], depth: Int) throws(Failure) {
        let wantMap = Failure.conversion("yaml: map merge requires map or sequence of maps as the value", line: nil)
        var sources: [Node] = []
        switch node {
        case .mapping: sources = [node]
        case .sequence(let sequence):
            for item in sequence.reversed() {
                guard case .mapping = item else { throw wantMap }
                sources.append(item)
            }
        default: throw wantMap
        }
        for source in sources {
            try count()
            let isAlias = try enterAlias(source)
            if isAlias { try count() }
            defer { if isAlias { aliasDepth -= 1 } }
            guard case .mapping(let mapping) = source else { continue }
            var explicit: Set<String> = []
            try fill(&object, explicit: &explicit, from: mapping, depth: depth)
        }
    }

    // MARK: - Scalars

    private func scalarValue(_ scalar: Node.Scalar) throws(Failure) -> JSONValue {
        let resolved = try YAMLToJSON.resolve(scalar)
        switch resolved {
        case .null: return .null
        case .bool(let flag): return .bool(flag)
        case .int(let number): return .int(Int(number))
        case .uint(let number): return number <= UInt64(Int.max) ? .int(Int(number)) : .double(Double(number))
        case .float(let number):
            guard number.isFinite else {
                let text = number.isNaN ? "NaN" : number < 0 ? "-Inf" : "+Inf"
                throw .conversion("json: unsupported value: \(text)", line: nil)
            }
            return JSONNumber.normalized(number)
        case .timestamp, .string:
            return .string(YAMLToJSON.text(of: scalar))
        }
    }

    /// go-yaml's `resolve(tag, value)`, with the explicit tag of the scalar if it has one.
    static func resolve(_ scalar: Node.Scalar) throws(Failure) -> GoYAMLResolver.Resolved {
        let tag = scalar.tag.description
        if scalar.style == .plain && (tag.isEmpty || tag == "?") { return GoYAMLResolver.resolve(scalar.string) }
        let short = tag.replacingOccurrences(of: "tag:yaml.org,2002:", with: "!!")
        switch short {
        case "!!str", "!", "!!binary", "!!timestamp": return .string
        case "!!int", "!!float", "!!bool", "!!null":
            let resolved = GoYAMLResolver.resolve(scalar.string)
            switch (short, resolved) {
            case ("!!int", .int), ("!!int", .uint), ("!!bool", .bool), ("!!null", .null), ("!!float", .float):
                return resolved
            case ("!!float", .int(let number)): return .float(Double(number))
            case ("!!float", .uint(let number)): return .float(Double(number))
            default:
                let found = YAMLToJSON.shortTag(of: resolved)
                throw .conversion(
                    "yaml: cannot decode \(found) `\(scalar.string)` as a \(short)", line: scalar.mark?.line)
            }
        default:
            return .string
        }
    }

    private static func shortTag(of resolved: GoYAMLResolver.Resolved) -> String {
        switch resolved {
        case .null: return "!!null"
        case .bool: return "!!bool"
        case .int, .uint: return "!!int"
        case .float: return "!!float"
        case .timestamp: return "!!timestamp"
        case .string: return "!!str"
        }
    }

    /// The string value of a scalar; `!!binary` content is base64-decoded like go-yaml does.
    private static func text(of scalar: Node.Scalar) -> String {
        guard scalar.tag.description == "tag:yaml.org,2002:binary",
            let data = Data(base64Encoded: scalar.string, options: .ignoreUnknownCharacters)
        else { return scalar.string }
        return String(decoding: data, as: UTF8.self)
    }

    /// sigs.k8s.io/yaml's key conversion: strings as they are, numbers and booleans spelled out, anything else refused.
    private func keyString(_ node: Node, value: Node) throws(Failure) -> String {
        guard case .scalar(let scalar) = node else {
            throw .conversion("yaml: invalid map key: \(GoYAMLKey.goSyntax(of: node))", line: node.mark?.line)
        }
        let resolved: GoYAMLResolver.Resolved =
            scalar.style == .plain ? GoYAMLResolver.resolve(scalar.string) : try YAMLToJSON.resolve(scalar)
        switch resolved {
        case .string, .timestamp: return YAMLToJSON.text(of: scalar)
        case .int(let number): return String(number)
        case .bool(let flag): return flag ? "true" : "false"
        case .float(let number): return GoFloat.yamlKey(number)
        case .null:
            throw .conversion(
                "unsupported map key of type: %!s(<nil>), key: <nil>, value: \(GoYAMLKey.goSyntax(of: value))",
                line: node.mark?.line)
        case .uint(let number):
            throw .conversion(
                "unsupported map key of type: uint64, key: 0x\(String(number, radix: 16)), value: "
                    + GoYAMLKey.goSyntax(of: value),
                line: node.mark?.line)
        }
    }
}
