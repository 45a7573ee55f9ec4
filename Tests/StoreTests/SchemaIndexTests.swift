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
}
