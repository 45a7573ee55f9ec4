import GRDB
import Store
import Testing
import TestSupport

/// Every index costs every append; two over the same columns cost twice for nothing.
@Suite struct SchemaIndexTests {
    @Test func noTableHasTwoIndexesOverTheSameColumns() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        _ = try SQLiteStore(path: dir.path("store.db"))
        let db = try DatabaseQueue(path: dir.path("store.db"))
        let duplicates: [String] = try db.read { db in
            let tables = try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'table'")
            var found: [String] = []
            for table in tables {
                var seen: [[String]: String] = [:]
                for index in try String.fetchAll(db, sql: "SELECT name FROM pragma_index_list(?)", arguments: [table]) {
                    let columns = try String.fetchAll(
                        db, sql: "SELECT coalesce(name, '') FROM pragma_index_info(?) ORDER BY seqno", arguments: [index])
                    if let other = seen[columns] { found.append("\(table): \(other) and \(index)") }
                    seen[columns] = index
                }
            }
            return found
        }
        #expect(duplicates == [])
        #expect(try db.read { try Int.fetchOne($0, sql: "SELECT count(*) FROM pragma_index_list('events')") } ?? 0 >= 4)
    }

    /// Commands and reads look a stream's rows up by stream id; a table without an index on it is scanned
    /// whole at every lookup (the Deployments table was, a thousand page reads per command at 1M events).
    @Test func everyTableWithAStreamIDIsSearchedByIt() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        _ = try SQLiteStore(path: dir.path("store.db"))
        let db = try DatabaseQueue(path: dir.path("store.db"))
        let (tables, scans): ([String], [String]) = try db.read { db in
            let tables = try String.fetchAll(
                db,
                sql: """
                    SELECT m.name FROM sqlite_master AS m, pragma_table_info(m.name) AS c
                    WHERE m.type = 'table' AND c.name = 'stream_id' ORDER BY m.name
                    """)
            var scans: [String] = []
            for table in tables {
                let plan = try Row.fetchAll(db, sql: "EXPLAIN QUERY PLAN SELECT * FROM \(table) WHERE stream_id = 'x'")
                let details = plan.map { $0["detail"] as String }
                if !details.contains(where: { $0.hasPrefix("SEARCH") }) {
                    scans.append("\(table): \(details.joined(separator: "; "))")
                }
            }
            return (tables, scans)
        }
        #expect(scans == [])
        #expect(tables.contains("deployments") && tables.contains("events") && tables.count >= 8)
    }
}
