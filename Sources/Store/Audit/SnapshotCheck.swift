import Cluster
import GRDB

/// Checks stored stream snapshots against a fresh replay of the log: each must hold exactly the state its
/// stream folds to at its event.
///
/// Snapshots are a cache, so one the replay takes but the store lacks (a store migrated from schema 3 and
/// not replayed since) is no problem; one the store holds must be right, wherever it was taken.
enum SnapshotCheck {
    /// The first stored snapshot (up to event `head`, the log the replay saw) that differs from the replay.
    static func first(stored: Database, replayed: Database, upTo head: Int64) throws -> LogProblem? {
        let rows = try Row.fetchCursor(
            stored,
            sql: """
                SELECT stream_id, seq, stream_version, state, state_size, kube_events, kube_events_size
                FROM stream_snapshots WHERE seq <= ? ORDER BY stream_id, seq
                """,
            arguments: [head])
        let same = try replayed.cachedStatement(
            sql: """
                SELECT stream_id, seq, stream_version, state, state_size, kube_events, kube_events_size
                FROM stream_snapshots WHERE stream_id = ? AND seq = ?
                """)
        while let row = try rows.next() {
            let id = StreamID(rawValue: row["stream_id"])
            let sequence: Int64 = row["seq"]
            func problem(_ detail: String) -> LogProblem {
                LogProblem(
                    sequence: nil, kind: .projectionsDiffer,
                    detail: "stream_snapshots \(id)/\(sequence) \(detail)")
            }
            guard let mine = try? texts(row) else { return problem("does not inflate") }
            let expected: (version: Int, texts: (objects: String, kubeEvents: String))
            if let twin = try Row.fetchOne(same, arguments: [id.rawValue, sequence]) {
                expected = (twin["stream_version"], try texts(twin))
            } else {
                let stream = try EventFold.stream(id, upTo: sequence, in: replayed)
                expected = (stream.version, try StreamSnapshots.texts(stream))
            }
            if row["stream_version"] != expected.version {
                return problem(
                    "has stream_version = \(row["stream_version"] as Int) where a replay gives \(expected.version)")
            }
            if mine != expected.texts { return problem("holds a state other than its stream's fold up to that event") }
        }
        return nil
    }

    private static func texts(_ row: Row) throws -> (objects: String, kubeEvents: String) {
        (try Deflate.decompress(row["state"], size: row["state_size"]),
         try Deflate.decompress(row["kube_events"], size: row["kube_events_size"]))
    }
}
