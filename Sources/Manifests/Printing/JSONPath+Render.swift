public import KubeModel

extension JSONPath {
    /// The template's text for one object (or a `List`), as kubectl's JSONPath printer writes it: several
    /// results of one action joined by a space, strings bare, objects and arrays as compact JSON.
    public func render(_ root: JSONValue) throws(ExecutionError) -> String {
        try results(in: root).map { $0.map(JSONPath.text).joined(separator: " ") }.joined()
    }

    /// `-o jsonpath-as-json`: each text and each action's results as a JSON list, indented, one after the other.
    public func renderAsJSON(_ root: JSONValue) throws(ExecutionError) -> String {
        try results(in: root).map { GoJSONWriter.indented(.array($0)) + "\n" }.joined()
    }

    /// The values the template's actions find, in order (custom-columns joins them with commas); none where the
    /// template fails on the object.
    public func values(in root: JSONValue) -> [JSONValue] {
        ((try? results(in: root)) ?? []).flatMap { $0 }
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
}
