import GRDB
@testable import Store
import Testing

/// `Database.run(_:binding:)` binds through SQLite's C API what GRDB's arguments would bind.
@Suite struct BoundStatementTests {
    static let insert = "INSERT INTO t (a, b, c) VALUES (?, ?, ?)"

    @Test func bindsTextIntegersAndNullAsGRDBDoes() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (a, b, c)")
            let rows: [(String?, Int64, String)] = [("", 0, "x"), ("ünïcödé ✓", -7, "a\u{0}b"), (nil, Int64.max, "")]
            for (a, b, c) in rows {
                try db.run(Self.insert, binding: [BoundValue(a), BoundValue(b), BoundValue(c)])
                try db.execute(sql: Self.insert, arguments: [a, b, c])
            }
            let read = try Row.fetchAll(db, sql: "SELECT a, typeof(a), b, typeof(b), c, length(c) FROM t ORDER BY rowid")
            #expect(read.count == 6)
            for pair in stride(from: 0, to: read.count, by: 2) { #expect(read[pair] == read[pair + 1]) }
            #expect(read[0][1] as String == "text" && read[4][1] as String == "null")
        }
    }

    /// A statement GRDB stepped and left (it resets before running, not after) still takes the binds, and a
    /// failed step is GRDB's error.
    @Test func aStatementGRDBLeftSteppedAndAFailure() throws {
        let queue = try DatabaseQueue()
        try queue.write { db in
            try db.execute(sql: "CREATE TABLE t (a NOT NULL, b, c)")
            try db.cachedStatement(sql: Self.insert).execute(arguments: ["grdb", 1, "x"])
            try db.run(Self.insert, binding: [BoundValue("raw"), BoundValue(2), BoundValue("y")])
            #expect(try String.fetchAll(db, sql: "SELECT a FROM t ORDER BY rowid") == ["grdb", "raw"])
            #expect(throws: DatabaseError.self) { try db.run(Self.insert, binding: [.null, .integer(3), .text("z")]) }
            try db.run(Self.insert, binding: [BoundValue("after"), BoundValue(4), BoundValue("w")])
            #expect(try Int.fetchOne(db, sql: "SELECT count(*) FROM t") == 3)
        }
    }
}
