import KubeModel

extension FieldSet {
    func intersection(_ other: FieldSet) -> FieldSet {
        var result = FieldSet(member: member && other.member)
        for (element, child) in children {
            guard let theirs = other.children[element] else { continue }
            let both = child.intersection(theirs)
            if !both.isEmpty { result.children[element] = both }
        }
        return result
    }

    /// The member paths in `fieldpath.Set.Iterate`'s order: at each level the members, then the paths below each
    /// node, both in `PathElement.Compare`'s order.
    var paths: [[FieldPathElement]] {
        var out: [[FieldPathElement]] = []
        var prefix: [FieldPathElement] = []
        collectPaths(into: &out, prefix: &prefix)
        return out
    }

    private func collectPaths(into out: inout [[FieldPathElement]], prefix: inout [FieldPathElement]) {
        let sorted = children.sorted { $0.key.precedes($1.key) }
        for (element, child) in sorted where child.member { out.append(prefix + [element]) }
        for (element, child) in sorted where !child.children.isEmpty {
            prefix.append(element)
            child.collectPaths(into: &out, prefix: &prefix)
            prefix.removeLast()
        }
    }
}

extension FieldPathElement {
    /// `PathElement.Compare`: field names first, then keys, then values.
    func precedes(_ other: FieldPathElement) -> Bool {
        switch (self, other) {
        case (.field(let a), .field(let b)): return a < b
        case (.field, _): return true
        case (_, .field): return false
        case (.key(let a), .key(let b)):
            for (x, y) in zip(a, b) where x != y {
                return x.name != y.name ? x.name < y.name : JSONValue.precedes(x.value, y.value)
            }
            return a.count < b.count
        case (.key, _): return true
        case (_, .key): return false
        case (.value(let a), .value(let b)): return JSONValue.precedes(a, b)
        }
    }

    /// `PathElement.String`: `.name`, `[name="web"]`, `[=value]`.
    var pathText: String {
        switch self {
        case .field(let name): return "." + name
        case .key(let fields): return "[" + fields.map { "\($0.name)=\(Self.valueText($0.value))" }.joined(separator: ",") + "]"
        case .value(let value): return "[=\(Self.valueText(value))]"
        }
    }

    /// `value.ToString`: strings quoted as Go's `%q` does for these ASCII values, the rest as JSON.
    private static func valueText(_ value: JSONValue) -> String {
        GoJSONWriter.compact(value)
    }
}

extension JSONValue {
    /// `value.Compare` for the scalars keys hold: numbers by value, strings by bytes, and across types by kind.
    static func precedes(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x < y
        case (.string(let x), .string(let y)): return x < y
        case (.bool(let x), .bool(let y)): return !x && y
        default: return GoJSONWriter.compact(a) < GoJSONWriter.compact(b)
        }
    }
}
