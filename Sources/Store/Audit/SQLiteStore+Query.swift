import Foundation
import GRDB

extension SQLiteStore {
    /// Runs one SQL statement that only reads, on a connection of its own that cannot write.
    ///
    /// Two locks hold the store still: the connection is opened read-only, and ``ReadOnlyPolicy`` refuses
    /// any statement that would write, attach, change a pragma or load an extension before it runs.
    ///
    /// ```swift
    /// let result = try store.query("SELECT revision, images FROM audit_revisions ORDER BY seq")
    /// ```
    ///
    /// - Throws: ``QueryError`` with ``QueryError/Kind/refused`` for a statement the policy refuses, or
    ///   ``QueryError/Kind/invalid`` for anything SQLite rejects (including a second statement).
    public func query(_ sql: String) throws -> QueryResult {
        let policy = ReadOnlyPolicy()
        var config = Configuration()
        config.readonly = true
        config.busyMode = .timeout(30)
        config.prepareDatabase { db in policy.install(on: db) }
        return try withExtendedLifetime(policy) {
            let connection: DatabaseQueue
            do {
                connection = try DatabaseQueue(path: path, configuration: config)
            } catch {
                throw StoreError(.storage, "cannot open store \(path) read-only: \(error)")
            }
            defer { try? connection.close() }
            do {
                return try connection.read { db in
                    policy.beginUserStatement()
                    defer { policy.endUserStatement() }
                    let statement = try db.makeStatement(sql: sql)
                    var rows: [[QueryResult.Value]] = []
                    let cursor = try Row.fetchCursor(statement)
                    while let row = try cursor.next() { rows.append(row.databaseValues.map(QueryResult.Value.init)) }
                    return QueryResult(columns: statement.columnNames, rows: rows)
                }
            } catch let error as DatabaseError {
                if let refusal = policy.refusal {
                    throw QueryError(.refused, "rollbook sql is read-only: \(refusal) is not allowed")
                }
                if error.resultCode == .SQLITE_READONLY {
                    throw QueryError(.refused, "rollbook sql is read-only: \(error.message ?? "the statement writes")")
                }
                throw QueryError(.invalid, error.message ?? "\(error)")
            }
        }
    }
}

extension QueryResult.Value {
    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case .int64(let integer): self = .integer(integer)
        case .double(let real): self = .real(real)
        case .string(let text): self = .text(text)
        case .blob(let data): self = .blob(Array(data))
        }
    }
}
