/// Checks events one at a time, in sequence order, against the ones before them: gapless sequence numbers,
/// an unbroken hash chain, each row's hash, and gapless versions within each stream.
///
/// `verify` runs it over a store and `import` over a file, so both name the same first bad event.
struct ChainChecker {
    private(set) var count: Int64 = 0
    private(set) var lastSequence: Int64 = 0
    private(set) var lastHash = EventHash.genesis
    private var streamVersions: [String: Int] = [:]

    /// The problem `event` shows, or nil after taking it as the new head.
    mutating func check(_ event: LoggedEvent) -> LogProblem? {
        let row = event.row
        let expected = lastSequence + 1
        if row.seq != expected {
            let detail = row.seq > expected
                ? "missing: the log jumps from event \(lastSequence) to event \(row.seq) (deleted?)"
                : "out of order: event \(row.seq) follows event \(lastSequence)"
            return LogProblem(sequence: expected, kind: .missingEvent, detail: detail)
        }
        if row.prevHash != lastHash {
            let previous = lastSequence == 0 ? "the genesis hash" : "the hash of event \(lastSequence)"
            return LogProblem(
                sequence: row.seq, kind: .brokenChain,
                detail: "prev_hash does not match \(previous) (events deleted, inserted or reordered?)")
        }
        if row.computeHash() != event.hash {
            return LogProblem(
                sequence: row.seq, kind: .editedEvent, detail: "hash does not match its content (edited?)")
        }
        let version = (streamVersions[row.streamID] ?? 0) + 1
        if row.streamVersion != version {
            return LogProblem(
                sequence: row.seq, kind: .streamVersionGap,
                detail: "stream \(row.streamID) has version \(row.streamVersion) where \(version) comes next")
        }
        streamVersions[row.streamID] = version
        lastSequence = row.seq
        lastHash = event.hash
        count += 1
        return nil
    }
}
