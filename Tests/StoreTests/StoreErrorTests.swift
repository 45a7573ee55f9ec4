import GRDB
import Store
import Testing

/// SQLite failures that escape a command become one readable line, not the driver's text.
struct StoreErrorTests {
    @Test(arguments: [
        (ResultCode.SQLITE_CORRUPT, "database disk image is malformed",
         "the store is damaged (database disk image is malformed); restore it from a copy or an export"),
        (.SQLITE_NOTADB, "file is not a database",
         "the store is damaged (file is not a database); restore it from a copy or an export"),
        (.SQLITE_BUSY, "database is locked",
         "another rollbook held the store for more than 30 seconds (database is locked); try again"),
        (.SQLITE_FULL, "database or disk is full", "the disk is full (database or disk is full); nothing was written"),
    ])
    func databaseErrorsAreWorded(_ code: ResultCode, _ sqlite: String, _ message: String) throws {
        let described = try #require(StoreError.describing(DatabaseError(resultCode: code, message: sqlite)))
        #expect(described.message == message)
    }

    @Test func otherErrorsAreLeftAlone() {
        struct Unrelated: Error {}
        #expect(StoreError.describing(Unrelated()) == nil)
    }
}
