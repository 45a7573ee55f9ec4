import GRDB

/// Reading the log itself, rather than the projections.
extension StoreReader {
    /// The events matching `filter`, in sequence order.
    public func events(_ filter: EventFilter) throws -> [LoggedEvent] {
        let (conditions, arguments) = filter.conditions
        var sql = "SELECT \(LoggedEvent.columns) FROM events \(conditions) ORDER BY seq"
        if let limit = filter.limit { sql += " LIMIT \(max(0, limit))" }
        return try Row.fetchAll(db, sql: sql, arguments: arguments).map(LoggedEvent.init)
    }

    /// Every command row, in the order the commands ran.
    public func commands() throws -> [CommandRow] {
        try Row.fetchAll(db, sql: "SELECT * FROM commands ORDER BY first_seq, command_id").map(CommandRow.init)
    }

    /// Calls `body` with every event in sequence order, without holding the whole log in memory, until it
    /// returns false.
    func forEachEvent(_ body: (LoggedEvent) throws -> Bool) throws {
        let cursor = try Row.fetchCursor(db, sql: "SELECT \(LoggedEvent.columns) FROM events ORDER BY seq")
        while let row = try cursor.next() {
            guard try body(LoggedEvent(row)) else { return }
        }
    }
}
