public import KubeModel

extension JSONPath {
    /// The template's text for one object (or a `List`), as kubectl's JSONPath printer writes it: several
    /// results of one action joined by a space, strings bare, objects and arrays as compact JSON.
    public func render(_ root: JSONValue) -> String {
        var out = ""
        render(nodes, current: root, into: &out)
        return out
    }

    /// `-o jsonpath-as-json`: each text and each action's results as a JSON list, indented, one after the other.
    public func renderAsJSON(_ root: JSONValue) -> String {
        var out = ""
        renderAsJSON(nodes, current: root, into: &out)
        return out
    }

    private func renderAsJSON(_ nodes: [Node], current: JSONValue, into out: inout String) {
        for node in nodes {
            switch node {
            case .text(let text): out += GoJSONWriter.indented(.array([.string(text)])) + "\n"
            case .path(let steps):
                out += GoJSONWriter.indented(.array(JSONPath.evaluate(steps, from: [current]))) + "\n"
            case .range(let steps, let body):
                for item in JSONPath.evaluate(steps, from: [current]) { renderAsJSON(body, current: item, into: &out) }
            }
        }
    }

    /// The values the template's actions find, in order (custom-columns joins them with commas).
    public func values(in root: JSONValue) -> [JSONValue] {
        nodes.flatMap { node -> [JSONValue] in
            switch node {
            case .text: []
            case .path(let steps): JSONPath.evaluate(steps, from: [root])
            case .range(let steps, _): JSONPath.evaluate(steps, from: [root])
            }
        }
    }

    /// Go's `fmt.Sprintf("%v", value)` of a decoded JSON value: maps as `map[k:v]` (sorted), lists as `[a b]`.
    public static func goValueText(_ value: JSONValue) -> String {
        switch value {
        case .null: "<nil>"
        case .array(let items): "[" + items.map(goValueText).joined(separator: " ") + "]"
        case .object(let object):
            "map[" + GoJSONWriter.sortedKeys(object).map { "\($0):\(goValueText(object[$0]!))" }.joined(separator: " ") + "]"
        default: text(value)
        }
    }

    private func render(_ nodes: [Node], current: JSONValue, into out: inout String) {
        for node in nodes {
            switch node {
            case .text(let text):
                out += text
            case .path(let steps):
                out += JSONPath.evaluate(steps, from: [current]).map(JSONPath.text).joined(separator: " ")
            case .range(let steps, let body):
                for item in JSONPath.evaluate(steps, from: [current]) { render(body, current: item, into: &out) }
            }
        }
    }

    /// `PrintResults`: maps and arrays as `json.Marshal` writes them, everything else as `fmt.Fprint`.
    static func text(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let flag): flag ? "true" : "false"
        case .int(let number): String(number)
        case .double(let number): JSONValue.format(double: number)
        case .string(let text): text
        case .array, .object: GoJSONWriter.compact(value)
        }
    }

    static func evaluate(_ steps: [Step], from start: [JSONValue]) -> [JSONValue] {
        steps.reduce(start) { values, step in values.flatMap { apply(step, to: $0) } }
    }

    private static func apply(_ step: Step, to value: JSONValue) -> [JSONValue] {
        switch step {
        case .field("*"):
            guard case .object(let object) = value else { return [] }
            return GoJSONWriter.sortedKeys(object).compactMap { object[$0] }
        case .field(let name):
            guard case .object(let object) = value, let child = object[name] else { return [] }
            return [child]
        case .recursive(let name):
            return descendants(of: value).flatMap { apply(.field(name), to: $0) }
        case .all:
            if case .array(let items) = value { return items }
            return []
        case .index(let index):
            guard case .array(let items) = value else { return [] }
            let position = index < 0 ? items.count + index : index
            return items.indices.contains(position) ? [items[position]] : []
        case .slice(let start, let end):
            guard case .array(let items) = value else { return [] }
            let lower = max(0, min(items.count, start.map { $0 < 0 ? items.count + $0 : $0 } ?? 0))
            let upper = max(lower, min(items.count, end.map { $0 < 0 ? items.count + $0 : $0 } ?? items.count))
            return Array(items[lower..<upper])
        case .filter(let path, let op, let expected):
            guard case .array(let items) = value else { return [] }
            return items.filter { item in
                let found = evaluate(path, from: [item])
                guard let op, let expected else { return !found.isEmpty }
                return found.contains { compare($0, op, expected) }
            }
        }
    }

    /// The value and everything under it, objects by sorted key, as the recursive descent visits them.
    private static func descendants(of value: JSONValue) -> [JSONValue] {
        switch value {
        case .object(let object):
            return [value] + GoJSONWriter.sortedKeys(object).flatMap { descendants(of: object[$0]!) }
        case .array(let items):
            return [value] + items.flatMap(descendants)
        default:
            return [value]
        }
    }

    private static func compare(_ lhs: JSONValue, _ op: String, _ rhs: JSONValue) -> Bool {
        func number(_ value: JSONValue) -> Double? {
            switch value {
            case .int(let n): Double(n)
            case .double(let n): n
            default: nil
            }
        }
        if let l = number(lhs), let r = number(rhs) {
            switch op {
            case "==": return l == r
            case "!=": return l != r
            case "<": return l < r
            case ">": return l > r
            case "<=": return l <= r
            default: return l >= r
            }
        }
        let l = text(lhs), r = text(rhs)
        switch op {
        case "==": return l == r
        case "!=": return l != r
        default: return false
        }
    }
}
