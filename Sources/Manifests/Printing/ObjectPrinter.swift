public import KubeModel

/// `kubectl get -o json` and `-o yaml`, byte for byte.
///
/// ```swift
/// let value = try JSONValue(encoding: deployment)
/// print(ObjectPrinter.yaml(ObjectPrinter.list([value])), terminator: "")
/// ```
public enum ObjectPrinter {
    /// `json.MarshalIndent(obj, "", "    ")` plus the newline kubectl's JSON printer appends.
    public static func json(_ value: JSONValue) -> String {
        GoJSONWriter.indented(value) + "\n"
    }

    /// `json.Marshal`: compact, map keys sorted (or a typed object's fields in Go's order).
    public static func compactJSON(_ value: JSONValue, as type: TypedObject? = nil) -> String {
        guard let type else { return GoJSONWriter.compact(value) }
        return GoJSONWriter.compact(type.completed(value), layout: type.layout)
    }

    /// `json.Indent(compact, "", "  ")` of a document written the way `json.Marshal` writes `value` (an annotation
    /// holding JSON): indented, the document's trailing whitespace kept.
    public static func indentedJSON(_ value: JSONValue, trailing compact: String) -> String {
        GoJSONWriter.indented(value, indent: "  ") + String(compact.reversed().prefix { $0.isWhitespace }.reversed())
    }

    /// What sigs.k8s.io/yaml (go-yaml v2) writes, ending in a newline.
    public static func yaml(_ value: JSONValue) -> String {
        GoYAMLEmitter.document(value)
    }

    /// The `v1 List` kubectl wraps around the objects of `get` without a name.
    public static func list(_ items: [JSONValue]) -> JSONValue {
        .object([
            "apiVersion": .string("v1"),
            "items": .array(items),
            "kind": .string("List"),
            "metadata": .object(["resourceVersion": .string("")]),
        ])
    }
}
