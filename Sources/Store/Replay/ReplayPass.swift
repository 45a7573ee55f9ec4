/// A share of the Deployment streams that one pass over the log folds.
///
/// A replay holds the state of every stream it folds until the end of the log, and at a thousand
/// Deployments that state outweighs everything else (ReplicaSets with their templates, Pods, Events).
/// A long log is therefore folded in passes, each reading the whole log but folding only the streams
/// whose id hashes to it, and writing them before the next pass starts: peak memory divides by the number
/// of passes, for one more read of the log each (the cheapest part of a replay).
struct ReplayPass: Sendable, Equatable {
    var index: Int
    var count: Int

    /// Events per pass: at about a thousand events per stream, each half a million events' worth of streams
    /// holds ~100 MB. A 1M-event log folds in two passes at 600,000 (peak RSS 122-126 MiB; 5.0-5.2 s) where
    /// 500,000 made three (95-97 MiB; 5.5-6.0 s, the third full read of the log being the difference).
    static let eventsPerPass: Int64 = 600_000

    static func passes(events: Int64, perPass: Int64) -> [ReplayPass] {
        let count = Int(max(1, (events + perPass - 1) / perPass))
        return (0..<count).map { ReplayPass(index: $0, count: count) }
    }

    /// Whether this pass folds the stream with these id bytes (FNV-1a, so every pass agrees).
    func includes(_ stream: UnsafeBufferPointer<UInt8>) -> Bool {
        guard count > 1 else { return true }
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in stream { hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 }
        return Int(hash % UInt64(count)) == index
    }
}
