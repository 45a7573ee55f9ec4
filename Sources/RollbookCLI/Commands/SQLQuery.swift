import ControlPlane
import Store

/// `rollbook sql "QUERY"`: read-only SQL against the store, for audits no command anticipates.
struct SQLQuery: RunnableCommand {
    static let spec = CommandSpec<SQLQuery>(
        "sql", abstract: "Run one read-only SQL query against the store.",
        discussion: """
            The connection is read-only and an authorizer refuses writes, ATTACH/DETACH, PRAGMAs that change \
            anything, transaction control and extension loading before the statement runs. Besides the tables \
            (events, commands and the projections) the store has views made for auditing: audit_commands, \
            audit_changes, audit_revisions, audit_rollbacks and audit_replica_counts (see docs/audit-cookbook.md). \
            `PRAGMA table_info(t)` lists a table's columns (the pragma_* table functions are refused).
            Example: rollbook sql "SELECT revision, images, actor, how FROM audit_revisions ORDER BY seq" -o csv
            """,
        options: GlobalOptions.options(in: \.globals)
            + [
            .option(\.output, "output", short: "o", help: "Output format: table (default), csv or json."),
        ],
        arguments: .one(\.query, "One SELECT (or WITH … SELECT) statement."),
        make: SQLQuery.init)

    var globals = GlobalOptions()
    var query = ""
    var output = "table"

    func run() throws {
        guard let format = QueryResultFormat(rawValue: output) else {
            throw CommandError.client(
                "unable to match a printer suitable for the output format \"\(output)\", allowed formats are: "
                    + "csv,json,table")
        }
        if query.allSatisfy(\.isWhitespace) { throw CommandError.client("the query is empty") }
        let store = try globals.auditStore()
        do {
            Output.out(format.render(try store.query(query)))
        } catch let error as QueryError {
            var message = error.message
            if error.kind == .invalid, message.contains("no such table: audit_"),
                (try? store.query("SELECT 1 FROM sqlite_master WHERE name = 'audit_revisions'"))?.rows.isEmpty ?? false
            {
                message += " (this store predates the audit views; any command that writes, e.g. `rollbook replay`, "
                    + "adds them)"
            }
            throw CommandError.client(message)
        }
    }
}
