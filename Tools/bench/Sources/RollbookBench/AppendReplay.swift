import Cluster
import Foundation
import GRDB
import KubeModel
import Store

/// The append benchmark: the generated log, transaction by transaction (one per `commands` row), appended
/// again through Rollbook's store API (`SQLiteStore.write` + `StoreWriter.commit`: the events, the hash
/// chain, the projection rows, the command row) into a fresh store.
///
/// Only the `write` call is timed. Decoding the stored rows and folding the stream states that `commit`
/// takes (what the controllers computed when the command ran) happen outside it, so the figure is the
/// store's own cost for the same rows and transaction boundaries the raw SQLite baseline inserts.
struct AppendReplay {
    struct Transaction {
        var info: CommandInfo
        var commandID: String
        var first: Int64
        var last: Int64
    }

    let source: DatabaseQueue
    let target: SQLiteStore

    func run() throws -> [String: Any] {
        let transactions = try source.read { db in
            try Row.fetchAll(
                db, sql: "SELECT command_id, actor, argv, occurred_at, first_seq, last_seq FROM commands ORDER BY first_seq"
            ).map { row -> Transaction in
                let argvText: String = row["argv"]
                let argv = (try? JSONSerialization.jsonObject(with: Data(argvText.utf8))) as? [String] ?? []
                let now = Timestamp(rfc3339: row["occurred_at"]) ?? Timestamp(seconds: 0)
                return Transaction(info: CommandInfo(actor: row["actor"], argv: argv, now: now), commandID: row["command_id"],
                                   first: row["first_seq"], last: row["last_seq"])
            }
        }
        var streams: [StreamID: DeploymentStream] = [:]
        var node = NodeState()
        var latencies: [Double] = []
        latencies.reserveCapacity(transactions.count)
        var events = 0
        for tx in transactions {
            let rows = try source.read { db in
                try Row.fetchAll(
                    db, sql: "SELECT seq, stream_id, type, schema_version, occurred_at, actor, command_id, payload FROM events WHERE seq BETWEEN ? AND ? ORDER BY seq",
                    arguments: [tx.first, tx.last])
            }
            var pending: [PendingEvent] = []
            var touched: [StreamID] = []
            var nodeChanged = false
            for row in rows {
                let id = StreamID(rawValue: row["stream_id"])
                let event = try ClusterEvent(
                    decoding: EncodedEvent(type: row["type"], schemaVersion: row["schema_version"], payload: row["payload"]))
                let time = Timestamp(rfc3339: row["occurred_at"]) ?? Timestamp(seconds: 0)
                let seq: Int64 = row["seq"]
                let commandID: String = row["command_id"]
                if id == .node {
                    node.apply(event, at: time)
                    node.version += 1
                    nodeChanged = true
                } else if let key = id.deploymentKey {
                    // Mutated in place: a copy out of the dictionary and back copied its Events at every event.
                    streams[id, default: DeploymentStream(namespace: key.namespace, name: key.name)]
                        .apply(event, sequence: seq, at: time)
                    streams[id]?.version += 1
                    if !touched.contains(id) { touched.append(id) }
                }
                pending.append(PendingEvent(
                    stream: id, event: event, actor: row["actor"], sequence: seq, time: time,
                    causedBy: commandID == tx.commandID ? nil : commandID))
            }
            let states = touched.compactMap { streams[$0] }
            let nodeState = nodeChanged ? node : nil
            let started = DispatchTime.now().uptimeNanoseconds
            try target.write(command: tx.info) { writer in
                try writer.commit(pending, streams: states, node: nodeState)
            }
            latencies.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
            events += pending.count
        }
        let seconds = latencies.reduce(0, +)
        return [
            "events": events, "transactions": transactions.count, "seconds": seconds,
            "eventsPerSecond": Double(events) / seconds, "transactionsPerSecond": Double(transactions.count) / seconds,
            "p50Ms": Stats.percentile(latencies, 50) * 1000, "p99Ms": Stats.percentile(latencies, 99) * 1000,
        ]
    }
}
