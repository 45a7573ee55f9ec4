import ControlPlane
import KubeModel
import Manifests
import Printers

/// `-o custom-columns=HEADER:PATH,...` (cli-runtime customcolumn.go): each PATH is a relaxed JSONPath
/// (`.metadata.name` or `{.metadata.name}`); several results join with commas, none is `<none>`, and
/// values print as Go's `%v`.
struct CustomColumns {
    var columns: [(header: String, path: JSONPath)]

    /// The spec of `-o custom-columns=SPEC`, nil for any other output.
    static func spec(_ output: String?) -> String? {
        guard let output, output.hasPrefix("custom-columns=") else { return nil }
        return String(output.dropFirst("custom-columns=".count))
    }

    init(_ spec: String) throws {
        columns = try spec.split(separator: ",", omittingEmptySubsequences: false).map { part in
            let pieces = part.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard pieces.count == 2 else {
                throw CommandError.client("unexpected custom-columns spec: \(part), expected <header>:<json-path-expr>")
            }
            do {
                return (String(pieces[0]), try JSONPath(Self.relaxed(String(pieces[1]))))
            } catch let error as JSONPathError {
                throw CommandError.client(error.description)
            }
        }
    }

    /// `RelaxedJSONPathExpression`: braces and the leading dot are optional.
    static func relaxed(_ path: String) -> String {
        var inner = path
        if inner.hasPrefix("{") && inner.hasSuffix("}") { inner = String(inner.dropFirst().dropLast()) }
        if !inner.hasPrefix(".") { inner = "." + inner }
        return "{\(inner)}"
    }

    func render(_ objects: [JSONValue], noHeaders: Bool) -> String {
        let rows = objects.map { object in
            columns.map { column -> String in
                let values = column.path.values(in: object)
                return values.isEmpty ? "<none>" : values.map(JSONPath.goValueText).joined(separator: ",")
            }
        }
        return customColumnsTable(headers: columns.map(\.header), rows: rows, noHeaders: noHeaders)
    }
}
