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
    static func spec(_ output: String?) throws -> String? {
        guard let output else { return nil }
        if output.hasPrefix("custom-columns=") { return String(output.dropFirst("custom-columns=".count)) }
        guard output.hasPrefix("custom-columns-file=") else { return nil }
        // customcolumn_flags.go words this one "template", the template flags "--template".
        return try fileSpec(TemplateOutput.file(String(output.dropFirst("custom-columns-file=".count)), flag: "template"))
    }

    /// `NewCustomColumnsPrinterFromTemplate`: a line of headers, then a line of field specs, split on whitespace.
    private static func fileSpec(_ text: String) throws -> String {
        // bufio.Scanner's lines: a final newline ends the last line rather than starting an empty one.
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        guard let headerLine = lines.first else { throw CommandError.client("invalid template, missing header line. Expected format is one line of space separated headers, one line of space separated column specs.") }
        guard lines.count > 1 else { throw CommandError.client("invalid template, missing spec line. Expected format is one line of space separated headers, one line of space separated column specs.") }
        let headers = headerLine.split(whereSeparator: \.isWhitespace), specs = lines[1].split(whereSeparator: \.isWhitespace)
        guard headers.count == specs.count else {
            throw CommandError.client(
                "number of headers (\(headers.count)) and field specifications (\(specs.count)) don't match")
        }
        return zip(headers, specs).map { "\($0):\($1)" }.joined(separator: ",")
    }

    init(_ spec: String) throws {
        columns = try spec.split(separator: ",", omittingEmptySubsequences: false).map { part in
            let pieces = part.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            guard pieces.count == 2 else {
                throw CommandError.client("unexpected custom-columns spec: \(part), expected <header>:<json-path-expr>")
            }
            do {
                return (String(pieces[0]), try JSONPath(RelaxedJSONPath.expression(String(pieces[1]))))
            } catch let error as JSONPathError {
                throw CommandError.client(error.description)
            }
        }
    }

    /// - Throws: ``PartialOutput`` at the first object a path fails on (an index out of bounds, say): the printer
    ///   has written the header and the rows before it, then the command fails.
    func render(_ objects: [JSONValue], noHeaders: Bool, watch: WatchAlignment? = nil) throws -> String {
        var rows: [[String]] = []
        for object in objects {
            do {
                rows.append(try columns.map { column -> String in
                    let values = try column.path.results(in: object).flatMap { $0 }
                    return values.isEmpty ? "<none>" : values.map(JSONPath.goValueText).joined(separator: ",")
                })
            } catch let error as JSONPath.ExecutionError {
                let printed = customColumnsTable(headers: columns.map(\.header), rows: rows, noHeaders: noHeaders, watch: watch)
                throw PartialOutput(printed: printed, error: .client(error.reason))
            }
        }
        return customColumnsTable(headers: columns.map(\.header), rows: rows, noHeaders: noHeaders, watch: watch)
    }
}

/// A failure after part of the output was made: the command prints `printed`, then fails with `error`.
struct PartialOutput: Error {
    var printed: String
    var error: CommandError
}
