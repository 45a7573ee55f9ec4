public import KubeModel

extension JSONPath {
    /// kubectl's error when the template fails on `root` (cli-runtime's `JSONPathPrinter.PrintObj`): the reason,
    /// the template, and Go's `%#v` of the object, ending in the three newlines Go's message has.
    ///
    /// ```
    /// error executing jsonpath "{.items[5]}": Error executing template: array index out of bounds: index 5,
    /// length 2. Printing more information for debugging the template:
    ///     template was:
    ///         {.items[5]}
    ///     object given to jsonpath engine was:
    ///         map[string]interface {}{"apiVersion":"v1", "items":[]interface {}{…}, "kind":"List", …}
    /// ```
    public func failureMessage(_ error: ExecutionError, root: JSONValue) -> String {
        "error executing jsonpath \(goQuoted(template)): Error executing template: \(error.reason). "
            + "Printing more information for debugging the template:\n"
            + "\ttemplate was:\n\t\t\(template)\n"
            + "\tobject given to jsonpath engine was:\n\t\t\(Self.goSyntax(root))\n\n\n"
    }

    /// Go's `%#v` of a decoded JSON value: `map[string]interface {}{"a":1, "b":[]interface {}{"x"}}`, map keys
    /// sorted as `fmt` sorts them, null as `interface {}(nil)`.
    static func goSyntax(_ value: JSONValue) -> String {
        switch value {
        case .null: "interface {}(nil)"
        case .bool(let flag): flag ? "true" : "false"
        case .int(let number): String(number)
        case .double(let number): GoFloat(number).generalForm
        case .string(let text): goQuoted(text)
        case .array(let items): "[]interface {}{" + items.map(goSyntax).joined(separator: ", ") + "}"
        case .object(let object):
            "map[string]interface {}{"
                + GoJSONWriter.sortedKeys(object).map { goQuoted($0) + ":" + goSyntax(object[$0]!) }
                .joined(separator: ", ") + "}"
        }
    }
}
