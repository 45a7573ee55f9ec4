import Foundation
import Store

/// `rollbook-bench aggregates --store S`: the peer comparison's replay on the peer's terms. `peer.py replay`
/// times `repository.get` of every aggregate inside a running process, each rebuilt from its events in memory;
/// this times Rollbook rebuilding every stream the same way (``SQLiteStore/foldEveryStream(_:)``).
enum AggregateReplay {
    static func run(store: SQLiteStore) throws -> [String: Any] {
        var streams = 0
        let started = DispatchTime.now().uptimeNanoseconds
        let events = try store.foldEveryStream { _ in streams += 1 }
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return [
            "events": events, "deploymentStreams": streams, "seconds": seconds,
            "eventsPerSecond": Double(events) / seconds, "maxRSSKiB": usage.ru_maxrss,
        ]
    }
}
