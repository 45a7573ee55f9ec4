import KubeModel

/// Go's `encoding/json` output for a `JSONValue`, byte for byte: map keys in byte order, HTML-safe escaping, and
/// Go 1.22+'s `\b` / `\f` short escapes (kubectl v1.32 is built with Go 1.23).
enum GoJSONWriter {
    /// `json.Marshal`: compact.
    static func compact(_ value: JSONValue, layout: GoType? = nil) -> String {
        var out = ""
        write(value, indent: nil, depth: 0, layout: layout, into: &out)
        return out
    }

    /// `json.MarshalIndent(v, "", indent)`; with a `layout`, the fields of the structs it names come in their Go
    /// declaration order, as for a typed object (maps, and structs the layout does not list, keep sorted keys).
    static func indented(_ value: JSONValue, indent: String = "    ", layout: GoType? = nil) -> String {
        var out = ""
        write(value, indent: indent, depth: 0, layout: layout, into: &out)
        return out
    }

    /// Object keys in the order Go sorts map keys: by their UTF-8 bytes.
    static func sortedKeys(_ object: [String: JSONValue]) -> [String] {
        object.keys.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) }
    }

    /// A struct's fields in declaration order; keys it does not declare follow, sorted, rather than being lost.
    private static func keys(of object: [String: JSONValue], in structure: GoStruct) -> [String] {
        let undeclared = object.filter { structure.fields[$0.key] == nil }
        return structure.order.filter { object[$0] != nil } + sortedKeys(undeclared)
    }

    private static func write(
        _ value: JSONValue, indent: String?, depth: Int, layout: GoType? = nil, into out: inout String
    ) {
        switch value {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .int(let number): out += String(number)
        case .double(let number): out += GoFloat.json(number)
        case .string(let text): quote(text, into: &out)
        case .array(let items):
            guard !items.isEmpty else {
                out += "[]"
                return
            }
            out += "["
            var element: GoType?
            if case .slice(let type) = layout?.resolved { element = type }
            for (position, item) in items.enumerated() {
                if position > 0 { out += "," }
                newline(indent, depth + 1, into: &out)
                write(item, indent: indent, depth: depth + 1, layout: element, into: &out)
            }
            newline(indent, depth, into: &out)
            out += "]"
        case .object(let object):
            guard !object.isEmpty else {
                out += "{}"
                return
            }
            out += "{"
            let ordered: [String]
            var member: (String) -> GoType? = { _ in nil }
            switch layout?.resolved {
            case .structure(let structure):
                ordered = keys(of: object, in: structure)
                member = { structure.fields[$0] }
            case .map(_, let type):
                ordered = sortedKeys(object)
                member = { _ in type }
            default: ordered = sortedKeys(object)
            }
            for (position, key) in ordered.enumerated() {
                if position > 0 { out += "," }
                newline(indent, depth + 1, into: &out)
                quote(key, into: &out)
                out += indent == nil ? ":" : ": "
                write(object[key] ?? .null, indent: indent, depth: depth + 1, layout: member(key), into: &out)
            }
            newline(indent, depth, into: &out)
            out += "}"
        }
    }

    private static func newline(_ indent: String?, _ depth: Int, into out: inout String) {
        guard let indent else { return }
        out += "\n"
        for _ in 0..<depth { out += indent }
    }

    /// A Go JSON string literal with `escapeHTML` on.
    static func quote(_ text: String, into out: inout String) {
        out += "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case "\u{08}": out += "\\b"
            case "\u{0C}": out += "\\f"
            case "<": out += "\\u003c"
            case ">": out += "\\u003e"
            case "&": out += "\\u0026"
            case "\u{2028}": out += "\\u2028"
            case "\u{2029}": out += "\\u2029"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
    }
}
