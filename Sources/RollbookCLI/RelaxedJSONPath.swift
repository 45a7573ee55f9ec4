import ControlPlane

/// kubectl's `RelaxedJSONPathExpression` (get/customcolumn.go), which custom columns and `wait --for=jsonpath=`
/// share: one path, with or without its braces and leading dot, becomes `{.path}`; an empty path stays empty.
enum RelaxedJSONPath {
    static func expression(_ path: String) throws -> String {
        guard !path.isEmpty else { return "" }
        // `^\{\.?([^{}]+)\}$|^\.?([^{}]+)$`
        var inner = Substring(path)
        if inner.hasPrefix("{") && inner.hasSuffix("}") && inner.count >= 2 { inner = inner.dropFirst().dropLast() }
        // The optional dot gives way when nothing else would be left (`.` is `{..}`, as the regexp backtracks).
        if inner.hasPrefix("."), inner.count > 1 { inner = inner.dropFirst() }
        guard !inner.isEmpty, !inner.contains(where: { $0 == "{" || $0 == "}" }) else {
            throw CommandError.client(
                "unexpected path string, expected a 'name1.name2' or '.name1.name2' or '{name1.name2}' or '{.name1.name2}'")
        }
        return "{.\(inner)}"
    }
}
