import KubeModel
import Foundation
import Printers
import Store

/// How `rollbook sql` prints a result.
///
/// - `table`: kubectl's aligned columns; headers are the column names upper-cased, as kubectl's are, NULL
///   prints as `<null>`, and tabs and newlines inside values print as `\t` and `\n` so each row stays one line.
///   An empty result prints the header alone.
/// - `csv`: RFC 4180: a header row, CRLF line ends, fields quoted when they hold a comma, quote, CR or LF; NULL
///   is an empty field. Column names as SQLite reports them.
/// - `json`: one JSON array of objects, one object per line, keys in column order with the names SQLite
///   reports (a repeated name gets `_2`, `_3`…); integers and reals are numbers, NULL is null, and text stays a
///   string even when it holds JSON (pipe through `jq '.[].object | fromjson'` to unpack it).
///
/// Blobs print as SQL hex literals (`x'0a1b'`) in every format.
enum QueryResultFormat: String, CaseIterable {
    case table, csv, json

    func render(_ result: QueryResult) -> String {
        switch self {
        case .table: table(result)
        case .csv: csv(result)
        case .json: json(result)
        }
    }

    private func table(_ result: QueryResult) -> String {
        var writer = TabWriter.table
        writer.write(result.columns.map { $0.uppercased() }.joined(separator: "\t") + "\n")
        for row in result.rows {
            writer.write(row.map(tableCell).joined(separator: "\t") + "\n")
        }
        return writer.finish()
    }

    private func tableCell(_ value: QueryResult.Value) -> String {
        switch value {
        case .null: "<null>"
        case .text(let text):
            text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\t", with: "\\t")
                .replacingOccurrences(of: "\n", with: "\\n").replacingOccurrences(of: "\r", with: "\\r")
        default: plain(value)
        }
    }

    private func csv(_ result: QueryResult) -> String {
        func field(_ text: String) -> String {
            guard text.contains(where: { $0 == "," || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }) else {
                return text
            }
            return "\"" + text.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        var out = result.columns.map(field).joined(separator: ",") + "\r\n"
        for row in result.rows {
            out += row.map { $0 == .null ? "" : field(plain($0)) }.joined(separator: ",") + "\r\n"
        }
        return out
    }

    private func json(_ result: QueryResult) -> String {
        guard !result.rows.isEmpty else { return "[]\n" }
        var seen: [String: Int] = [:]
        let keys = result.columns.map { name in
            seen[name, default: 0] += 1
            return seen[name] == 1 ? name : "\(name)_\(seen[name] ?? 0)"
        }
        let objects = result.rows.map { row in
            "  " + JSONText.object(zip(keys, row).map { ($0, jsonValue($1)) })
        }
        return "[\n" + objects.joined(separator: ",\n") + "\n]\n"
    }

    private func jsonValue(_ value: QueryResult.Value) -> String {
        switch value {
        case .null: "null"
        case .integer(let integer): String(integer)
        case .real(let real): real.isFinite ? String(real) : "null"
        case .text(let text): JSONText.quoted(text)
        case .blob: JSONText.quoted(plain(value))
        }
    }

    /// The value as text, the way the sqlite3 shell prints it.
    private func plain(_ value: QueryResult.Value) -> String {
        switch value {
        case .null: ""
        case .integer(let integer): String(integer)
        case .real(let real): String(real)
        case .text(let text): text
        case .blob(let bytes):
            "x'" + bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined() + "'"
        }
    }
}
