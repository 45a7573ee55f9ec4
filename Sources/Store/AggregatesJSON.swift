import Cluster
import KubeModel

/// The `streams.aggregates` text, written without `Encodable`.
///
/// Nearly every command records a Kubernetes Event, so every commit rewrites its stream's correlator state
/// (a few KB); through `Encodable` that was a sixth of a commit's instructions. A `JSONValue` tree is written
/// by ``JSONCodec/write(_:)`` with the same sorted keys and escaping, so the text is byte-for-byte
/// `StoredJSON.encode(aggregates)`'s (a test holds the two together).
enum AggregatesJSON {
    static func text(_ aggregates: [String: AggregateRecord]) -> String {
        JSONCodec.write(.object(aggregates.mapValues { record in
            .object([
                "lastTimestamp": .string(record.lastTimestamp.description),
                "messages": .array(record.messages.map(JSONValue.string)),
            ])
        }))
    }
}
