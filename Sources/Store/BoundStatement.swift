import GRDB
import GRDBSQLite

/// A value bound to a statement parameter through SQLite's C API (see ``GRDB/Database/run(_:binding:)``).
enum BoundValue {
    case text(String)
    case integer(Int64)
    case null
}

extension Database {
    /// Runs `sql` (prepared once per connection) with `values` bound through SQLite's C API.
    ///
    /// For the most frequent rows (a replay's Kubernetes Events and time marks): GRDB's argument handling
    /// took longer than SQLite's insert itself (time marks ~4 µs a row against ~0.6 µs). Nothing observes
    /// these statements through GRDB.
    func run(_ sql: String, binding values: [BoundValue]) throws {
        try eachRow(sql, binding: values) { _ in }
    }

    /// Runs a query (prepared once per connection) with `values` bound through SQLite's C API, and calls `body`
    /// with the statement at each row, for reading columns in place (`sqlite3_column_text`): for copying many
    /// rows' text without making a `String` of each.
    func eachRow(_ sql: String, binding values: [BoundValue], _ body: (OpaquePointer) throws -> Void) throws {
        let handle = try cachedStatement(sql: sql).sqliteStatement
        // GRDB resets a cached statement before it runs it, not after: one left stepped refuses binds.
        sqlite3_reset(handle)
        defer { sqlite3_reset(handle) }
        var code = SQLITE_OK
        for (index, value) in values.enumerated() where code == SQLITE_OK {
            code = value.bind(to: handle, at: Int32(index + 1))
        }
        if code == SQLITE_OK { code = sqlite3_step(handle) }
        while code == SQLITE_ROW {
            try body(handle)
            code = sqlite3_step(handle)
        }
        guard code == SQLITE_DONE else {
            throw DatabaseError(
                resultCode: ResultCode(rawValue: code), message: String(cString: sqlite3_errmsg(sqliteConnection)), sql: sql)
        }
    }
}

extension BoundValue {
    fileprivate func bind(to handle: OpaquePointer, at position: Int32) -> Int32 {
        switch self {
        case .text(var text):
            // SQLITE_TRANSIENT: SQLite copies the bytes before `withUTF8` returns. An empty string may have no
            // buffer, and a null pointer would bind NULL.
            return text.withUTF8 { bytes in
                guard let base = bytes.baseAddress, !bytes.isEmpty else {
                    return sqlite3_bind_text(handle, position, "", 0, BoundValue.transient)
                }
                let start = UnsafeRawPointer(base).assumingMemoryBound(to: CChar.self)
                return sqlite3_bind_text(handle, position, start, Int32(bytes.count), BoundValue.transient)
            }
        case .integer(let number): return sqlite3_bind_int64(handle, position, number)
        case .null: return sqlite3_bind_null(handle, position)
        }
    }
}

extension BoundValue {
    /// `SQLITE_TRANSIENT`, which the C header defines as a cast of -1.
    fileprivate static let transient = unsafeBitCast(-1, to: sqlite3_destructor_type.self)

    init(_ text: String) { self = .text(text) }
    init(_ text: String?) { self = text.map(BoundValue.text) ?? .null }
    init(_ number: Int) { self = .integer(Int64(number)) }
    init(_ number: Int64) { self = .integer(number) }
}
