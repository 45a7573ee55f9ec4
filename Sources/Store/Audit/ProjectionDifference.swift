import Foundation
import GRDB

/// Finds where stored projections and a fresh replay part, and says so in terms of a table, a row and a column.
enum ProjectionDifference {
    static func first(stored: Database, replayed: Database) throws -> LogProblem {
        for (table, keyList) in SQLiteStore.projectionTables.sorted(by: { $0.key < $1.key }) {
            let keys = keyList.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            let left = try rows(table, keyList, keys, in: stored)
            let right = try rows(table, keyList, keys, in: replayed)
            for key in Set(left.keys).union(right.keys).sorted() {
                func problem(_ detail: String) -> LogProblem {
                    LogProblem(
                        sequence: nil, kind: .projectionsDiffer,
                        detail: "projections differ from a fresh replay of the log: \(table) \(key) \(detail)")
                }
                guard let mine = left[key] else { return problem("is missing from the stored projections") }
                guard let theirs = right[key] else { return problem("is stored but a replay does not produce it") }
                for column in mine.columnNames where mine[column] as DatabaseValue != theirs[column] as DatabaseValue {
                    return problem(
                        "has \(column) = \(show(mine[column])) where a replay gives \(show(theirs[column]))")
                }
            }
        }
        return LogProblem(
            sequence: nil, kind: .projectionsDiffer, detail: "projections differ from a fresh replay of the log")
    }

    /// The table's rows keyed by their primary key, written `a/b`.
    private static func rows(
        _ table: String, _ keyList: String, _ keys: [String], in db: Database
    ) throws -> [String: Row] {
        var rows: [String: Row] = [:]
        for row in try Row.fetchAll(db, sql: "SELECT * FROM \(table) ORDER BY \(keyList)") {
            rows[keys.map { plain(row[$0]) }.joined(separator: "/")] = row
        }
        return rows
    }

    private static func plain(_ value: DatabaseValue) -> String {
        switch value.storage {
        case .string(let text): text
        case .int64(let integer): String(integer)
        default: value.description
        }
    }

    private static func show(_ value: DatabaseValue) -> String {
        let text = value.description
        return text.count > 60 ? String(text.prefix(57)) + "..." : text
    }
}
