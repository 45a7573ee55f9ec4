import Cluster
import GRDB
import KubeModel

/// Writes a stream's state into the projection tables.
///
/// A command changes a few objects of a stream, so a command's commit writes only those
/// (``Changes``): the rows of objects that are gone are deleted, and an object is (re)written when
/// the command touched it or its row is missing. "Touched" is what Kubernetes itself uses: every event
/// that changes a Deployment, ReplicaSet or Pod gives it the event's sequence number as
/// `metadata.resourceVersion` (see `DeploymentStream.apply`), so an object whose resourceVersion is
/// below the command's first sequence number is unchanged. Kubernetes Events carry no resourceVersion;
/// the ones rewritten are those the command recorded. Revisions are append-only. A replay, which
/// starts from empty tables, writes everything.
///
/// Statements are prepared once per connection (`cachedStatement`).
enum ProjectionWriter {
    /// What a commit knows changed in a stream.
    struct Changes {
        /// The first event of the command: objects with a resourceVersion at or above it were touched.
        var firstSequence: Int64
        /// Names of the Kubernetes Events the command recorded in this stream.
        var recordedEvents: Set<String>
        /// The earliest time of the command's events in this stream: a correlator record the command changed
        /// has its `lastTimestamp` at or after it (nil: the command appended none there).
        var since: Timestamp?
    }

    /// Writes `stream` in full: for a replay into empty tables (or a stream with no rows yet). Revision rows
    /// already written (a replay inserts them as it meets them) stay; the stream's remaining records are added.
    /// The rows' JSON is written beforehand (``EncodedStream``), so that a replay can make it on another thread.
    static func save(_ encoded: EncodedStream, in db: Database) throws {
        let stream = encoded.stream
        let id = stream.id.rawValue
        for table in ["deployments", "replicasets", "pods", "k8s_events", "container_timers", "stream_aggregates"] {
            try db.cachedStatement(sql: "DELETE FROM \(table) WHERE stream_id = ?").execute(arguments: [id])
        }
        try saveStreamRow(stream, lastCommand: encoded.lastCommand, in: db)
        for (key, record) in encoded.aggregates { try upsertAggregate(id, key, record, in: db) }
        for (key, timer) in stream.containerTimers.sorted(by: { $0.key < $1.key }) {
            try insertTimer(id, key, timer, in: db)
        }
        if let (d, json) = encoded.deployment { try upsert(d, json: json, stream: id, in: db) }
        for (rs, json) in encoded.replicaSets { try upsert(rs, json: json, stream: id, in: db) }
        for (pod, json) in encoded.pods { try upsert(pod, json: json, stream: id, in: db) }
        for (event, json) in encoded.events { try upsert(event, json: json, stream: id, in: db) }
        for row in encoded.revisions { try insert(row, in: db) }
    }

    /// Writes what one command changed in `stream`, whose rows hold the state before the command.
    static func save(_ stream: DeploymentStream, lastCommand: String?, changes: Changes, in db: Database) throws {
        let id = stream.id.rawValue
        let arguments: StatementArguments = [id]
        func touched(_ metadata: ObjectMeta) -> Bool {
            guard let text = metadata.resourceVersion, let version = Int64(text) else { return true }
            return version >= changes.firstSequence
        }
        try saveStreamRow(stream, lastCommand: lastCommand, in: db)
        try saveAggregates(stream, since: changes.since, in: db)

        if let d = stream.deployment {
            if touched(d.metadata) { try upsert(d, json: try StoredJSON.encode(d), stream: id, in: db) }
        } else {
            try db.cachedStatement(sql: "DELETE FROM deployments WHERE stream_id = ?").execute(arguments: arguments)
        }

        let replicaSets = try names("replicasets", id, in: db)
        for (name, rowID) in replicaSets where stream.replicaSets[name] == nil {
            try db.cachedStatement(sql: "DELETE FROM replicasets WHERE rowid = ?").execute(arguments: [rowID])
        }
        for rs in stream.replicaSets.values where touched(rs.metadata) || replicaSets[rs.name] == nil {
            try upsert(rs, json: try StoredJSON.encode(rs), stream: id, in: db)
        }

        let pods = try names("pods", id, in: db)
        for (name, rowID) in pods where stream.pods[name] == nil {
            try db.cachedStatement(sql: "DELETE FROM pods WHERE rowid = ?").execute(arguments: [rowID])
        }
        for pod in stream.pods.values where touched(pod.metadata) || pods[pod.name] == nil {
            try upsert(pod, json: try StoredJSON.encode(pod), stream: id, in: db)
        }

        try saveKubeEvents(stream, recorded: changes.recordedEvents, in: db)

        let lastRevision = try Int64.fetchOne(
            db.cachedStatement(sql: "SELECT max(seq) FROM revisions WHERE stream_id = ?"), arguments: arguments) ?? 0
        for record in stream.revisions where record.sequence > lastRevision { try insert(record, stream: stream, in: db) }

        var timers: [String: ContainerTimer] = [:]
        for row in try Row.fetchAll(
            db.cachedStatement(sql: "SELECT container, due_at, attempt FROM container_timers WHERE stream_id = ?"),
            arguments: arguments)
        {
            timers[row["container"]] = ContainerTimer(
                due: Timestamp(rfc3339: row["due_at"]) ?? Timestamp(seconds: 0), attempt: row["attempt"])
        }
        if timers != stream.containerTimers {
            try db.cachedStatement(sql: "DELETE FROM container_timers WHERE stream_id = ?").execute(arguments: arguments)
            for (key, timer) in stream.containerTimers.sorted(by: { $0.key < $1.key }) {
                try insertTimer(id, key, timer, in: db)
            }
        }
    }

    /// Writes the Kubernetes Events a command recorded and deletes the ones the stream forgot (expired). Only
    /// recording changes or adds an Event, and only expiry removes one, so once the recorded ones are written
    /// every Event the stream kept has its row, and more rows than Events means some expired. A busy stream keeps
    /// hundreds, so this looks at their names only then.
    private static func saveKubeEvents(_ stream: DeploymentStream, recorded: Set<String>, in db: Database) throws {
        let id = stream.id.rawValue
        for name in recorded.sorted() {
            guard let event = stream.events[name] else { continue }
            try upsert(event, json: StoredJSON.encode(event), stream: id, in: db)
        }
        try deleteForgotten("k8s_events", key: "name", row: "rowid", of: id, keeping: stream.events.count, in: db) {
            stream.events[$0] != nil
        }
    }

    /// The rows of a stream in a projection table, by object name (deleting by rowid is a direct seek).
    private static func names(_ table: String, _ stream: String, in db: Database) throws -> [String: Int64] {
        var names: [String: Int64] = [:]
        let rows = try Row.fetchCursor(
            db.cachedStatement(sql: "SELECT name, rowid FROM \(table) WHERE stream_id = ?"), arguments: [stream])
        while let row = try rows.next() { names[row[0]] = row[1] }
        return names
    }

    private static func saveStreamRow(_ stream: DeploymentStream, lastCommand: String?, in db: Database) throws {
        try db.cachedStatement(sql: SQL.streams).execute(arguments: [
            stream.id.rawValue, stream.version, stream.podSequence, stream.eventSequence,
            stream.storedWakeUp?.description, lastCommand,
        ])
    }

    /// Writes the correlator records a command changed (their `lastTimestamp` is one of its events' times), and
    /// deletes the ones it forgot. Forgetting only removes records, and every record the stream kept is in the
    /// table once the changed ones are written, so more rows than records means some were forgotten.
    private static func saveAggregates(_ stream: DeploymentStream, since: Timestamp?, in db: Database) throws {
        guard let since else { return }
        let id = stream.id.rawValue
        for (key, record) in stream.aggregates where record.lastTimestamp >= since {
            try upsertAggregate(id, key, record, in: db)
        }
        try deleteForgotten(
            "stream_aggregates", key: "key", row: "key", of: id, keeping: stream.aggregates.count, in: db
        ) {
            stream.aggregates[$0] != nil
        }
    }

    /// Deletes a stream's rows in `table` whose `key` the stream no longer has, once the rows it kept are written.
    /// Only forgetting removes what these rows hold, so the rows are read only when they outnumber the `kept`.
    /// Each is deleted by `row`, a column that seeks it directly (`rowid`, or a WITHOUT ROWID table's key).
    private static func deleteForgotten(
        _ table: String, key: String, row: String, of stream: String, keeping kept: Int, in db: Database,
        has: (String) -> Bool
    ) throws {
        let rows = try Int.fetchOne(
            db.cachedStatement(sql: "SELECT count(*) FROM \(table) WHERE stream_id = ?"), arguments: [stream]) ?? 0
        guard rows > kept else { return }
        let found = try Row.fetchAll(
            db.cachedStatement(sql: "SELECT \(key), \(row) FROM \(table) WHERE stream_id = ?"), arguments: [stream])
        for found in found where !has(found[0]) {
            try db.cachedStatement(sql: "DELETE FROM \(table) WHERE stream_id = ? AND \(row) = ?")
                .execute(arguments: [stream, found[1] as DatabaseValue])
        }
    }

    private static func upsertAggregate(_ stream: String, _ key: String, _ record: AggregateRecord, in db: Database) throws {
        try db.cachedStatement(sql: SQL.aggregates).execute(arguments: [
            stream, key, record.lastTimestamp.description, AggregatesJSON.messagesText(record.messages),
        ])
    }

    private static func insertTimer(_ stream: String, _ key: String, _ timer: ContainerTimer, in db: Database) throws {
        try db.cachedStatement(sql: "INSERT INTO container_timers (stream_id, container, due_at, attempt) VALUES (?, ?, ?, ?)")
            .execute(arguments: [stream, key, timer.due.description, timer.attempt])
    }

    private static func upsert(_ d: Deployment, json: String, stream: String, in db: Database) throws {
        try db.cachedStatement(sql: SQL.deployments).execute(arguments: [
            d.namespace, d.name, stream, d.metadata.uid ?? "", d.metadata.generation ?? 0, d.spec.desiredReplicas,
            d.status.readyReplicas ?? 0, d.status.updatedReplicas ?? 0, d.status.availableReplicas ?? 0,
            d.spec.isPaused, d.revision, images(d.spec.template), d.metadata.creationTimestamp?.description ?? "", json,
        ])
    }

    private static func upsert(_ rs: ReplicaSet, json: String, stream: String, in db: Database) throws {
        try db.cachedStatement(sql: SQL.replicaSets).execute(arguments: [
            rs.metadata.namespace ?? "default", rs.name, stream, rs.metadata.controllerRef?.name, rs.metadata.uid ?? "",
            rs.revision, rs.replicas, rs.status.replicas ?? 0, rs.status.readyReplicas ?? 0, rs.availableReplicas,
            images(rs.spec.template), rs.metadata.creationTimestamp?.description ?? "", json,
        ])
    }

    private static func upsert(_ pod: Pod, json: String, stream: String, in db: Database) throws {
        try db.cachedStatement(sql: SQL.pods).execute(arguments: [
            pod.metadata.namespace ?? "default", pod.name, stream, pod.metadata.controllerRef?.name,
            pod.metadata.uid ?? "", pod.status.phase ?? "", pod.isReady,
            pod.metadata.creationTimestamp?.description ?? "", json,
        ])
    }

    private static func upsert(_ event: KubeEvent, json: String, stream: String, in db: Database) throws {
        let o = event.involvedObject
        try db.run(SQL.kubeEvents, binding: [
            BoundValue(event.namespace), BoundValue(event.name), BoundValue(stream), BoundValue(o.kind),
            BoundValue(o.name), BoundValue(o.uid), BoundValue(event.type), BoundValue(event.reason),
            BoundValue(event.message), BoundValue(event.source), BoundValue(event.count),
            BoundValue(event.firstTimestamp.description), BoundValue(event.lastTimestamp.description), BoundValue(json),
        ])
    }

    private static func insert(_ record: RevisionRecord, stream: DeploymentStream, in db: Database) throws {
        try insert(try RevisionRow(record, of: stream), in: db)
    }

    /// Inserts a revision row made earlier (a replay's fold threads make them; only its writer touches `db`).
    static func insert(_ row: RevisionRow, in db: Database) throws {
        try db.cachedStatement(
            sql: """
                INSERT INTO revisions (stream_id, namespace, deployment, revision, replicaset, images, change_cause, template,
                  seq, occurred_at, object) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """
        ).execute(arguments: [
            row.stream, row.namespace, row.deployment, row.revision, row.replicaSet, row.images, row.changeCause,
            row.template, row.sequence, row.time, row.object,
        ])
    }

    static func save(_ quotas: QuotaState, in db: Database) throws {
        try db.execute(sql: "DELETE FROM resource_quotas")
        try db.cachedStatement(
            sql: "INSERT OR REPLACE INTO streams (stream_id, version, pod_sequence, event_sequence, wake_at) VALUES (?, ?, 0, 0, ?)"
        ).execute(arguments: [StreamID.quotas.rawValue, quotas.version, quotas.nextResync?.description])
        for quota in quotas.quotas.values.sorted(by: { ($0.namespace, $0.name) < ($1.namespace, $1.name) }) {
            let resync = quotas.resyncs[QuotaState.key(namespace: quota.namespace, name: quota.name)]
            try db.cachedStatement(
                sql: "INSERT INTO resource_quotas (namespace, name, object, resync_at) VALUES (?, ?, ?, ?)"
            ).execute(arguments: [quota.namespace, quota.name, try StoredJSON.encode(quota), resync?.description])
        }
    }

    static func save(_ node: NodeState, in db: Database) throws {
        try db.execute(sql: "DELETE FROM images")
        try db.execute(sql: "DELETE FROM blocked_images")
        for image in node.blocked.sorted() {
            try db.cachedStatement(sql: "INSERT INTO blocked_images (image) VALUES (?)").execute(arguments: [image])
        }
        try db.cachedStatement(
            sql: "INSERT OR REPLACE INTO streams (stream_id, version, pod_sequence, event_sequence) VALUES (?, ?, 0, 0)"
        ).execute(arguments: [StreamID.node.rawValue, node.version])
        for image in node.images.values.sorted(by: { $0.image < $1.image }) {
            try db.cachedStatement(sql: "INSERT INTO images (image, loaded_at, startup_seconds, behaviour) VALUES (?, ?, ?, ?)")
                .execute(arguments: [image.image, image.loadedAt.description, image.startupSeconds, image.behaviour.rawValue])
        }
    }

    private static func images(_ template: PodTemplateSpec) -> String {
        template.spec.containers.map(\.image).joined(separator: ",")
    }
}
