import Foundation
import GRDB

/// How far a long replay has got, for a progress bar.
public struct ReplayProgress: Sendable, Hashable {
    /// `copying` (events into the new file) or `replaying` (folding them into projections).
    public var phase: String
    public var done: Int64
    public var total: Int64

    public init(phase: String, done: Int64, total: Int64) {
        self.phase = phase
        self.done = done
        self.total = total
    }
}

extension SQLiteStore {
    /// Rows copied per statement: small enough for a lively progress bar, large enough to stay fast.
    static let copyBatch: Int64 = 2_000

    /// Writes a new store at `path` that holds this log up to `sequence`, and its projections.
    ///
    /// `events` and `commands` rows are copied as they are (hashes, command ids and recorded times
    /// included), so the hash chain of the copy verifies; the projections are then rebuilt by the copy's
    /// own replay. A command whose events straddle `sequence` keeps its row. This store is only read.
    ///
    /// - Parameters:
    ///   - sequence: The last event to copy (0 for an empty log).
    ///   - path: The new file. It must not exist: a replay never overwrites a store.
    ///   - progress: Called as events are copied and folded.
    /// - Returns: The new store, open.
    /// - Throws: ``StoreError`` if `path` exists or the copy fails; a failed copy leaves no file behind.
    @discardableResult
    public func replay(
        upTo sequence: Int64, into path: String, progress: (ReplayProgress) -> Void = { _ in }
    ) throws -> SQLiteStore {
        let manager = FileManager.default
        if manager.fileExists(atPath: path) {
            throw StoreError(
                .storage, "\(path) already exists; replay --into writes a new store and never overwrites one")
        }
        do {
            let target = try SQLiteStore(path: path)
            try target.copyLog(from: self.path, upTo: sequence, progress: progress)
            try target.replay(progress: progress)
            return target
        } catch {
            for suffix in ["", "-wal", "-shm", "-journal"] { try? manager.removeItem(atPath: path + suffix) }
            throw error
        }
    }

    /// Copies `events` and `commands` rows from the store at `source`, in one transaction.
    private func copyLog(from source: String, upTo sequence: Int64, progress: (ReplayProgress) -> Void) throws {
        let events = """
            seq, stream_id, stream_version, type, schema_version, occurred_at, recorded_at, actor, command_id, payload,
            prev_hash, hash
            """
        let commands = "command_id, actor, argv, occurred_at, recorded_at, first_seq, last_seq"
        try queue.writeWithoutTransaction { db in
            try db.execute(sql: "ATTACH DATABASE ? AS source", arguments: [source])
            defer { try? db.execute(sql: "DETACH DATABASE source") }
            try db.inTransaction(.immediate) {
                let head = try Int64.fetchOne(db, sql: "SELECT coalesce(max(seq), 0) FROM source.events") ?? 0
                let last = min(sequence, head)
                var copied: Int64 = 0
                progress(ReplayProgress(phase: "copying", done: 0, total: last))
                while copied < last {
                    let upper = min(last, copied + SQLiteStore.copyBatch)
                    try db.execute(
                        sql: """
                            INSERT INTO main.events (\(events)) SELECT \(events) FROM source.events
                            WHERE seq > ? AND seq <= ? ORDER BY seq
                            """,
                        arguments: [copied, upper])
                    copied = upper
                    progress(ReplayProgress(phase: "copying", done: copied, total: last))
                }
                try db.execute(
                    sql: """
                        INSERT INTO main.commands (\(commands)) SELECT \(commands) FROM source.commands
                        WHERE first_seq <= ?
                        """,
                    arguments: [last])
                // Checkpoints of the same log prefix hold in the copy too (verify checks them against the fold).
                try db.execute(
                    sql: "INSERT INTO main.stream_snapshots SELECT * FROM source.stream_snapshots WHERE seq <= ?",
                    arguments: [last])
                return .commit
            }
        }
    }
}
