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
        try summaries(
            of: "deployments", counts: ["replicas", "ready", "updated", "available"], namespace: namespace,
            labels: labels, wide: wide
        ) { paths, counts in
            var spec = DeploymentSpec(replicas: counts[0])
            spec.selector = paths.selector
            if let containers = paths.containers { spec.template.spec.containers = containers }
            var deployment = Deployment(metadata: paths.metadata, spec: spec)
            deployment.status.readyReplicas = counts[1]
            deployment.status.updatedReplicas = counts[2]
            deployment.status.availableReplicas = counts[3]
            return deployment
        }
    }

    /// Live ReplicaSets carrying only what a `get` table prints (as ``deploymentSummaries(namespace:labels:wide:)``):
    /// name, namespace, creation time, desired, current and ready replicas; with `labels` the labels, with `wide`
    /// the containers and the selector.
    public func replicaSetSummaries(namespace: String?, labels: Bool, wide: Bool) throws -> [ReplicaSet] {
        try summaries(
            of: "replicasets", counts: ["replicas", "current", "ready"], namespace: namespace, labels: labels,
            wide: wide
        ) { paths, counts in
            var template = PodTemplateSpec()
            if let containers = paths.containers { template.spec.containers = containers }
            var replicaSet = ReplicaSet(
                metadata: paths.metadata,
                spec: ReplicaSetSpec(
                    replicas: counts[0] ?? 0, minReadySeconds: nil, selector: paths.selector ?? LabelSelector(),
                    template: template))
            replicaSet.status.replicas = counts[1]
            replicaSet.status.readyReplicas = counts[2]
            return replicaSet
        }
    }

    /// What a summary takes from the object itself, each part only when asked for.
    private struct SummaryPaths {
        var metadata: ObjectMeta
        var selector: LabelSelector?
        var containers: [Container]?
    }

    /// One summary per row of `table`, sorted by namespace and name: the integer columns `counts`, the creation
    /// time, and the JSON paths needed (each costs SQLite a parse of the object), turned into objects by `make`.
    private func summaries<T>(
        of table: String, counts: [String], namespace: String?, labels: Bool, wide: Bool,
        _ make: (SummaryPaths, [Int?]) throws -> T
    ) throws -> [T] {
        let sql = """
            SELECT namespace, name, nullif(created_at, ''),
              \(labels ? "object -> '$.metadata.labels'" : "NULL"),
              \(wide ? "object -> '$.spec.selector'" : "NULL"),
              \(wide ? "(SELECT json_group_array(json_array(c.value ->> '$.name', c.value ->> '$.image')) FROM json_each(object, '$.spec.template.spec.containers') AS c)" : "NULL"),
              \(counts.joined(separator: ", "))
            FROM \(table) \(namespace == nil ? "" : "WHERE namespace = ?") ORDER BY namespace, name
            """
        return try Row.fetchAll(db, sql: sql, arguments: namespace.map { [$0] } ?? []).map { row in
            var metadata = ObjectMeta(name: row[1], namespace: row[0])
            metadata.creationTimestamp = (row[2] as String?).flatMap { Timestamp(rfc3339: $0) }
            metadata.labels = try (row[3] as String?).map { try StoredJSON.decode([String: String].self, $0) }
            let selector = try (row[4] as String?).map { try StoredJSON.decode(LabelSelector.self, $0) }
            let containers = try (row[5] as String?).map { text in
                try StoredJSON.decode([[String?]].self, text).map { pair in
                    Container(name: pair.first.flatMap { $0 } ?? "", image: pair.count > 1 ? pair[1] ?? "" : "")
                }
            }
            let values = counts.indices.map { row[6 + $0] as Int? }
            return try make(SummaryPaths(metadata: metadata, selector: selector, containers: containers), values)
        }
    }
}

extension StoreReader {
    /// The Pods of a namespace with the stream each lives in, by name.
    public func podsByStream(namespace: String) throws -> [(stream: StreamID, pod: Pod)] {
        try Row.fetchAll(
            db.cachedStatement(sql: "SELECT stream_id, object FROM pods WHERE namespace = ? ORDER BY name"),
            arguments: [namespace]
        ).map { (StreamID(rawValue: $0["stream_id"]), try StoredJSON.decode(Pod.self, $0["object"])) }
    }

    /// How many objects of a projection table (`deployments`, `replicasets`) each stream of a namespace holds.
    public func objectCounts(_ table: String, namespace: String) throws -> [StreamID: Int] {
        var counts: [StreamID: Int] = [:]
        for row in try Row.fetchAll(
            db, sql: "SELECT stream_id, count(*) AS n FROM \(table) WHERE namespace = ? GROUP BY stream_id",
            arguments: [namespace])
        {
            counts[StreamID(rawValue: row["stream_id"])] = row["n"]
        }
        return counts
    }
}
