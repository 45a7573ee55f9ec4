import Foundation
import GRDB
import GRDBSQLite

/// The SQLite authorizer behind `rollbook sql`: reading passes, anything else is refused when the statement
/// is prepared, before it can run.
///
/// The connection is opened read-only too, so this is the second of two locks. It exists because read-only
/// alone still lets `ATTACH` open (and create) other files, `PRAGMA` change connection state, and
/// `load_extension()` run code; and because a refusal named here ("DELETE on events") says more than
/// SQLite's "attempt to write a readonly database".
///
/// It replaces GRDB's own authorizer on this one connection, which only feeds GRDB's change tracking; the
/// connection is used for a single query and closed.
///
/// Related SQLite documentation: <https://www.sqlite.org/c3ref/set_authorizer.html>
final class ReadOnlyPolicy: @unchecked Sendable {
    /// Pragmas that only report, and may take an argument naming a table or index.
    static let reportingPragmas: Set<String> = [
        "table_info", "table_xinfo", "table_list", "index_list", "index_info", "index_xinfo", "foreign_key_list",
    ]
    /// Pragmas that only report when called without a value; with one they would change something.
    static let queryPragmas: Set<String> = [
        "user_version", "schema_version", "application_id", "data_version", "page_count", "page_size",
        "freelist_count", "encoding", "journal_mode", "compile_options", "collation_list", "function_list",
        "pragma_list", "module_list", "database_list", "foreign_keys", "query_only",
    ]
    /// Functions that reach outside the query: loading code, or tokenizer pointers.
    static let refusedFunctions: Set<String> = ["load_extension", "fts3_tokenizer", "readfile", "writefile", "edit"]

    private let lock = NSLock()
    private var firstRefusal: String?
    private var userStatement = false

    /// What was refused first since ``beginUserStatement()``, worded for the user.
    var refusal: String? { lock.withLock { firstRefusal } }

    /// From here on, transaction control is the user's doing and is refused too.
    func beginUserStatement() {
        lock.withLock {
            userStatement = true
            firstRefusal = nil
        }
    }

    func endUserStatement() { lock.withLock { userStatement = false } }

    /// Installs the policy on `db`. The caller keeps `self` alive as long as the connection.
    func install(on db: Database) {
        let context = Unmanaged.passUnretained(self).toOpaque()
        sqlite3_set_authorizer(
            db.sqliteConnection,
            { context, action, first, second, _, _ in
                guard let context else { return SQLITE_DENY }
                let policy = Unmanaged<ReadOnlyPolicy>.fromOpaque(context).takeUnretainedValue()
                return policy.authorize(action, first.map { String(cString: $0) }, second.map { String(cString: $0) })
            },
            context)
    }

    private func authorize(_ action: Int32, _ first: String?, _ second: String?) -> Int32 {
        lock.withLock {
            guard let refusal = ReadOnlyPolicy.refusal(action, first, second, userStatement: userStatement) else {
                return SQLITE_OK
            }
            if firstRefusal == nil { firstRefusal = refusal }
            return SQLITE_DENY
        }
    }

    /// Nil when `action` may run, else what it is, for "… is not allowed".
    static func refusal(_ action: Int32, _ first: String?, _ second: String?, userStatement: Bool) -> String? {
        let name = first ?? ""
        if ["sqlite_master", "sqlite_temp_master", "sqlite_schema", "sqlite_temp_schema"].contains(name.lowercased()),
            [SQLITE_INSERT, SQLITE_UPDATE, SQLITE_DELETE].contains(action)
        {
            // CREATE, DROP and ALTER reach the authorizer first as writes to the schema table.
            return "changing the schema"
        }
        switch action {
        case SQLITE_SELECT, SQLITE_READ, SQLITE_RECURSIVE:
            return nil
        case SQLITE_FUNCTION:
            let function = (second ?? "").lowercased()
            return refusedFunctions.contains(function) ? "\(function)()" : nil
        case SQLITE_PRAGMA:
            let pragma = name.lowercased()
            if reportingPragmas.contains(pragma) || (queryPragmas.contains(pragma) && second == nil) { return nil }
            return "PRAGMA \(pragma)" + (second.map { " = \($0)" } ?? "")
        case SQLITE_TRANSACTION, SQLITE_SAVEPOINT:
            // GRDB wraps the read in BEGIN/COMMIT; the user's own would end that transaction under it.
            return userStatement ? "\(name) (transaction control)" : nil
        case SQLITE_INSERT: return "INSERT into \"\(name)\""
        case SQLITE_UPDATE: return "UPDATE of \"\(name)\""
        case SQLITE_DELETE: return "DELETE from \"\(name)\""
        case SQLITE_ATTACH: return "ATTACH"
        case SQLITE_DETACH: return "DETACH"
        case SQLITE_ALTER_TABLE: return "ALTER TABLE \"\(second ?? name)\""
        case SQLITE_REINDEX: return "REINDEX"
        case SQLITE_ANALYZE: return "ANALYZE"
        case SQLITE_CREATE_INDEX, SQLITE_CREATE_TEMP_INDEX: return "CREATE INDEX \"\(name)\""
        case SQLITE_CREATE_TABLE, SQLITE_CREATE_TEMP_TABLE: return "CREATE TABLE \"\(name)\""
        case SQLITE_CREATE_TRIGGER, SQLITE_CREATE_TEMP_TRIGGER: return "CREATE TRIGGER \"\(name)\""
        case SQLITE_CREATE_VIEW, SQLITE_CREATE_TEMP_VIEW: return "CREATE VIEW \"\(name)\""
        case SQLITE_CREATE_VTABLE: return "CREATE VIRTUAL TABLE \"\(name)\""
        case SQLITE_DROP_INDEX, SQLITE_DROP_TEMP_INDEX: return "DROP INDEX \"\(name)\""
        case SQLITE_DROP_TABLE, SQLITE_DROP_TEMP_TABLE: return "DROP TABLE \"\(name)\""
        case SQLITE_DROP_TRIGGER, SQLITE_DROP_TEMP_TRIGGER: return "DROP TRIGGER \"\(name)\""
        case SQLITE_DROP_VIEW, SQLITE_DROP_TEMP_VIEW: return "DROP VIEW \"\(name)\""
        case SQLITE_DROP_VTABLE: return "DROP VIRTUAL TABLE \"\(name)\""
        default: return "SQLite action \(action)"
        }
    }
}
