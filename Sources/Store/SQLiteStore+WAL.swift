import Foundation
import GRDB

extension SQLiteStore {
    /// Puts the store in WAL mode, waiting for other processes that are doing the same.
    ///
    /// Rollbook does this itself rather than through GRDB's `journalMode = .wal`, for two reasons. GRDB then
    /// runs `PRAGMA synchronous = NORMAL` after our own connection setup, silently undoing `synchronous = FULL`
    /// (the durability promise: a command that printed its result survives a power cut). And the first switch of
    /// a new file to WAL needs an exclusive lock, for which SQLite answers `SQLITE_BUSY` at once, without waiting
    /// on the busy timeout, when another process is opening the same new store: so this retries, with a short
    /// random pause, for as long as the busy timeout would have waited.
    ///
    /// Related SQLite documentation: <https://www.sqlite.org/pragma.html#pragma_journal_mode>,
    /// <https://www.sqlite.org/c3ref/busy_handler.html>
    static func enterWALMode(_ db: Database) throws {
        let deadline = Date().addingTimeInterval(busyTimeout)
        while true {
            do {
                let mode = try String.fetchOne(db, sql: "PRAGMA journal_mode = WAL")
                guard mode == "wal" else {
                    throw StoreError(.storage, "cannot put the store in WAL mode (journal_mode stays \(mode ?? "unknown"))")
                }
                return
            } catch let error as DatabaseError where error.resultCode == .SQLITE_BUSY && Date() < deadline {
                Thread.sleep(forTimeInterval: Double.random(in: 0.002...0.02))
            }
        }
    }

    /// How long a command waits for another one holding the store before it gives up.
    static let busyTimeout: TimeInterval = 30
}
