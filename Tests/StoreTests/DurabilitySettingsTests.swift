import GRDB
import Testing
import TestSupport

@testable import Store

/// The settings the durability promise rests on, as the open connection really has them (GRDB's own WAL setup
/// once reset `synchronous` to NORMAL behind our back).
struct DurabilitySettingsTests {
    @Test func storeRunsInWALWithSynchronousFull() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        for _ in 0..<2 {  // a new file, then an existing one
            let store = try SQLiteStore(path: dir.path("store.db"))
            let (journal, synchronous, busy) = try store.queue.read { db in
                (
                    try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"),
                    try Int.fetchOne(db, sql: "PRAGMA busy_timeout")
                )
            }
            #expect(journal == "wal")
            #expect(synchronous == 2, "2 is FULL")
            #expect(busy == 30_000)
        }
    }
}
