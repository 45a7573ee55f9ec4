import Foundation
import GRDB
import Testing
import TestSupport

@testable import Store

/// The settings the durability promise rests on, as the open connection really has them (GRDB's own WAL setup
/// once reset `synchronous` to NORMAL behind our back), and a writer that waits for another instead of failing.
struct DurabilitySettingsTests {
    @Test func storeRunsInWALWithSynchronousFull() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        for _ in 0..<2 {  // a new file, then an existing one
            let store = try SQLiteStore(path: dir.path("store.db"))
            let (journal, synchronous) = try store.queue.read { db in
                (try String.fetchOne(db, sql: "PRAGMA journal_mode"), try Int.fetchOne(db, sql: "PRAGMA synchronous"))
            }
            #expect(journal == "wal")
            #expect(synchronous == 2, "2 is FULL")
        }
    }

    /// Freed pages are not zeroed and written again (the system SQLite's default): the log keeps every byte a
    /// projection row held, so that would only cost writes.
    @Test func freedPagesAreNotOverwritten() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try SQLiteStore(path: dir.path("store.db"))
        #expect(try store.queue.read { try Int.fetchOne($0, sql: "PRAGMA secure_delete") } == 0)
    }

    @Test func aWriterWaitsForAnotherProcessInsteadOfFailing() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try SQLiteStore(path: dir.path("store.db"))
        let other = try DatabaseQueue(path: dir.path("store.db"))  // another client, holding the write lock
        let holding = DispatchSemaphore(value: 0)
        let holder = Thread {
            try? other.writeWithoutTransaction { db in
                try db.execute(sql: "BEGIN IMMEDIATE")
                holding.signal()
                Thread.sleep(forTimeInterval: 0.5)
                try db.execute(sql: "COMMIT")
            }
        }
        holder.start()
        holding.wait()
        let started = Date()
        let head = try store.write(command: CommandInfo(actor: "t", argv: [], now: .init(seconds: 0))) { writer in
            writer.nextSequence
        }
        #expect(head == 1)
        #expect(Date().timeIntervalSince(started) >= 0.3, "the write waited for the other transaction")
    }
}
