extension ProjectionWriter {
    /// The statements that write one object's row.
    ///
    /// An existing row is updated where it is (`ON CONFLICT ... DO UPDATE`). `INSERT OR REPLACE` deleted it and
    /// inserted it again at the table's end: at a million events the old row's page, both indexes' leaves and
    /// the new page were each a page read and a page written per object a command touched, most of a commit's
    /// I/O. The rows end the same; only their rowids (never read but to delete) stay put.
    enum SQL {
        static let streams = upsert(
            "streams", key: ["stream_id"],
            ["version", "pod_sequence", "event_sequence", "wake_at", "last_command"])
        static let aggregates = upsert(
            "stream_aggregates", key: ["stream_id", "key"], ["last_timestamp", "messages"])
        static let deployments = upsert(
            "deployments", key: ["namespace", "name"],
            ["stream_id", "uid", "generation", "replicas", "ready", "updated", "available", "paused", "revision",
             "images", "created_at", "object"])
        static let replicaSets = upsert(
            "replicasets", key: ["namespace", "name"],
            ["stream_id", "deployment", "uid", "revision", "replicas", "current", "ready", "available", "images",
             "created_at", "object"])
        static let pods = upsert(
            "pods", key: ["namespace", "name"],
            ["stream_id", "replicaset", "uid", "phase", "ready", "created_at", "object"])
        static let kubeEvents = upsert(
            "k8s_events", key: ["namespace", "name"],
            ["stream_id", "involved_kind", "involved_name", "involved_uid", "type", "reason", "message", "source",
             "count", "first_timestamp", "last_timestamp", "object"])

        /// `INSERT INTO table (key..., columns...) VALUES (?...) ON CONFLICT (key...) DO UPDATE SET column = excluded.column...`
        static func upsert(_ table: String, key: [String], _ columns: [String]) -> String {
            let all = key + columns
            let placeholders = Array(repeating: "?", count: all.count).joined(separator: ", ")
            let updates = columns.map { "\($0) = excluded.\($0)" }.joined(separator: ", ")
            return "INSERT INTO \(table) (\(all.joined(separator: ", "))) VALUES (\(placeholders)) "
                + "ON CONFLICT (\(key.joined(separator: ", "))) DO UPDATE SET \(updates)"
        }
    }
}
