import Cluster
import GRDB
import KubeModel

extension StoreReader {
    /// A stream with only its Deployment and ReplicaSets decoded (see ``StateReading``): a history read
    /// skips the Pods, Events and every revision's template. ``stream(_:)`` starts from it.
    public func deploymentAndReplicaSets(_ id: StreamID) throws -> DeploymentStream {
        guard let key = id.deploymentKey else { throw StoreError(.corrupt, "not a deployment stream: \(id)") }
        var stream = DeploymentStream(namespace: key.namespace, name: key.name)
        let arguments: StatementArguments = [id.rawValue]
        stream.deployment = try String.fetchOne(
            db.cachedStatement(sql: "SELECT object FROM deployments WHERE stream_id = ?"), arguments: arguments
        ).map { try StoredJSON.decode(Deployment.self, $0) }
        for text in try String.fetchAll(
            db.cachedStatement(sql: "SELECT object FROM replicasets WHERE stream_id = ?"), arguments: arguments)
        {
            let rs = try StoredJSON.decode(ReplicaSet.self, text)
            stream.replicaSets[rs.name] = rs
        }
        return stream
    }

    /// One index lookup: decoding the object to see that it is there cost a `rollout history` process a tenth
    /// of its time.
    public func deploymentExists(_ id: StreamID) throws -> Bool {
        try Bool.fetchOne(
            db.cachedStatement(sql: "SELECT 1 FROM deployments WHERE stream_id = ?"), arguments: [id.rawValue]) ?? false
    }

    /// Live Deployments carrying only what a `get` table prints: name, namespace, creation time, desired
    /// replicas and the status counts; with `labels`, the labels a selector reads; with `wide`, the container
    /// names and images and the selector.
    ///
    /// They are built from the projection's columns plus the few JSON paths asked of SQLite, not decoded from
    /// each 4 KB object (most of `get deployments -A`'s time); each path costs SQLite a parse of the object,
    /// so only the ones needed are asked for.
    public func deploymentSummaries(namespace: String?, labels: Bool, wide: Bool) throws -> [Deployment] {
        let filter = namespace == nil ? "" : "WHERE namespace = ?"
        let sql = """
            SELECT namespace, name, replicas, ready, updated, available, nullif(created_at, ''),
              \(labels ? "object -> '$.metadata.labels'" : "NULL"),
              \(wide ? "object -> '$.spec.selector'" : "NULL"),
              \(wide ? "(SELECT json_group_array(json_array(c.value ->> '$.name', c.value ->> '$.image')) FROM json_each(object, '$.spec.template.spec.containers') AS c)" : "NULL")
            FROM deployments \(filter) ORDER BY namespace, name
            """
        return try Row.fetchAll(db, sql: sql, arguments: namespace.map { [$0] } ?? []).map { row in
            var metadata = ObjectMeta(name: row[1], namespace: row[0])
            metadata.creationTimestamp = (row[6] as String?).flatMap { Timestamp(rfc3339: $0) }
            metadata.labels = try (row[7] as String?).map { try StoredJSON.decode([String: String].self, $0) }
            var spec = DeploymentSpec(replicas: row[2])
            spec.selector = try (row[8] as String?).map { try StoredJSON.decode(LabelSelector.self, $0) }
            if let text = row[9] as String? {
                spec.template.spec.containers = try StoredJSON.decode([[String?]].self, text).map { pair in
                    Container(name: pair.first.flatMap { $0 } ?? "", image: pair.count > 1 ? pair[1] ?? "" : "")
                }
            }
            var deployment = Deployment(metadata: metadata, spec: spec)
            deployment.status.readyReplicas = row[3]
            deployment.status.updatedReplicas = row[4]
            deployment.status.availableReplicas = row[5]
            return deployment
        }
    }
}
