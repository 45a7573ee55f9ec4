import Cluster
import Foundation
import GRDB
import Store

/// `rollbook-bench aggregates --store S`: the peer comparison's replay on the peer's terms. `peer.py replay`
/// times `repository.get` of every aggregate inside a running process, each rebuilt from all its events in memory,
/// on one thread; `strict` times Rollbook doing the same (``SQLiteStore/foldEachStreamFromItsFirstEvent(_:)``).
/// `replayFold` times Rollbook's own replay fold in memory (a decoding thread, superseded events skipped).
enum AggregateReplay {
    static func run(store: SQLiteStore, path: String) throws -> [String: Any] {
        // Listed before the clock starts, as the peer gets its aggregate ids from its append.
        var config = Configuration()
        config.readonly = true
        let ids = try DatabaseQueue(path: path, configuration: config).read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT stream_id FROM events ORDER BY stream_id")
        }.map(StreamID.init(rawValue:))
        let (strictEvents, strict) = try timed { try store.foldEachStreamFromItsFirstEvent(ids) }
        let (foldEvents, fold) = try timed { try store.foldEveryStream() }
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return [
            "aggregates": ids.count, "events": strictEvents, "seconds": strict,
            "eventsPerSecond": Double(strictEvents) / strict,
            "replayFoldEventsPerSecond": Double(foldEvents) / fold, "maxRSSKiB": usage.ru_maxrss,
        ]
    }

    private static func timed<T>(_ body: () throws -> T) rethrows -> (T, Double) {
        let started = DispatchTime.now().uptimeNanoseconds
        let value = try body()
        return (value, Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
    }
}
