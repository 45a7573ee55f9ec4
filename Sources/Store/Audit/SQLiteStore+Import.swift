import Foundation
import GRDB

extension SQLiteStore {
    /// Builds a new store at `path` from the lines of an export, then replays its projections.
    ///
    /// Rows go in as they were: same sequence numbers, hashes, times and command ids. Each event is checked
    /// against the chain before it is inserted, so a tampered, truncated or reordered file is refused with
    /// the number of the first bad line, and nothing is left at `path`.
    ///
    /// - Throws: ``StoreError`` with ``StoreError/Code/corrupt`` naming the line, or `storage` when `path`
    ///   already exists.
    /// - Parameter progress: Called as lines are read (`importing`, counting lines), then replayed (`replaying`).
    public static func importLog(
        lines: some Collection<Substring>, into path: String, progress: (ReplayProgress) -> Void = { _ in }
    ) throws -> LogTransferSummary {
        guard !FileManager.default.fileExists(atPath: path) else {
            throw StoreError(.storage, "\(path) already exists; import only creates new stores")
        }
        do {
            let store = try SQLiteStore(path: path)
            var importer = LogImporter()
            try store.queue.writeWithoutTransaction { db in
                try db.inTransaction(.immediate) {
                    let total = Int64(lines.count)
                    var done: Int64 = 0
                    for line in lines {
                        try importer.take(line, into: db)
                        done += 1
                        if done % copyBatch == 0 || done == total {
                            progress(ReplayProgress(phase: "importing", done: done, total: total))
                        }
                    }
                    try importer.finish()
                    return .commit
                }
            }
            try store.replay(progress: progress)
            return importer.summary
        } catch {
            for suffix in ["", "-wal", "-shm"] { try? FileManager.default.removeItem(atPath: path + suffix) }
            throw error
        }
    }
}
