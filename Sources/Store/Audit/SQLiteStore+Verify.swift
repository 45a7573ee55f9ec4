import Cluster
import GRDB

extension SQLiteStore {
    /// Checks that the log is intact and the projections are what it says they should be.
    ///
    /// In order: sequence numbers are gapless, each `prev_hash` is the hash of the event before, each
    /// `hash` is the hash of its own row, stream versions are gapless, every event names a recorded command
    /// and decodes; then the log is copied into a scratch store, replayed there, and its projections are
    /// compared with the stored ones, and so are the stream snapshots (see ``SnapshotCheck``). The store
    /// itself is only read.
    ///
    /// - Returns: The number of events checked and the first problem, if any.
    ///
    /// - Parameter progress: Called as events are checked (`checking`), then replayed (`replaying`).
    public func verify(progress: (ReplayProgress) -> Void = { _ in }) throws -> VerificationReport {
        let scratch = try ScratchStore()
        defer { scratch.remove() }
        var checker = ChainChecker()
        var problem: LogProblem?
        // The stored projections are dumped in the same read transaction as the log is copied, so a writer
        // committing meanwhile cannot make them look out of step.
        var storedDump = ""
        try scratch.store.queue.writeWithoutTransaction { target in
            try target.inTransaction(.immediate) {
                try queue.read { db in
                    let reader = StoreReader(db: db)
                    let commands = try reader.commands()
                    for command in commands { try LogRows.insert(command, in: target) }
                    let known = Set(commands.map(\.commandID))
                    let total = try reader.headSequence()
                    try reader.forEachEvent { event in
                        if event.row.seq % SQLiteStore.copyBatch == 0 || event.row.seq == total {
                            progress(ReplayProgress(phase: "checking", done: event.row.seq, total: total))
                        }
                        problem = checker.check(event) ?? SQLiteStore.contentProblem(of: event, commands: known)
                        guard problem == nil else { return false }
                        try LogRows.insert(event, in: target)
                        return true
                    }
                    storedDump = try SQLiteStore.projectionDump(db)
                }
                return .commit
            }
        }
        if problem == nil {
            // The copy has no snapshots, so its replay takes them: SnapshotCheck compares the stored ones to those.
            try scratch.store.replay(progress: progress)
            if storedDump != (try scratch.store.projectionDump()) {
                problem = try queue.read { stored in
                    try scratch.store.queue.read { replayed in
                        try ProjectionDifference.first(stored: stored, replayed: replayed)
                    }
                }
            }
        }
        if problem == nil {
            problem = try queue.read { stored in
                try scratch.store.queue.read { replayed in
                    try SnapshotCheck.first(stored: stored, replayed: replayed, upTo: checker.lastSequence)
                }
            }
        }
        return VerificationReport(eventCount: checker.count, problem: problem)
    }

    private static func contentProblem(of event: LoggedEvent, commands: Set<String>) -> LogProblem? {
        if !commands.contains(event.row.commandID) {
            return LogProblem(
                sequence: event.row.seq, kind: .unknownCommand,
                detail: "its command \(event.row.commandID) is not in the commands table")
        }
        do {
            _ = try ClusterEvent(decoding: event.encoded)
            return nil
        } catch {
            return LogProblem(
                sequence: event.row.seq, kind: .undecodablePayload,
                detail: "payload does not decode as \(event.row.type): \(error)")
        }
    }
}
