import Cluster
import GRDB
import KubeModel

/// Read access to the projections. Every read command goes through here; none replays the log.
public struct StoreReader {
    let db: Database

    /// The global sequence number of the newest event (0 for an empty log).
    public func headSequence() throws -> Int64 {
        try Int64.fetchOne(db, sql: "SELECT coalesce(max(seq), 0) FROM events") ?? 0
    }

    public func deployments(namespace: String?) throws -> [Deployment] {
        try objects(Deployment.self, table: "deployments", namespace: namespace)
    }

    public func replicaSets(namespace: String?) throws -> [ReplicaSet] {
        try objects(ReplicaSet.self, table: "replicasets", namespace: namespace)
    }

    public func pods(namespace: String?) throws -> [Pod] {
        try objects(Pod.self, table: "pods", namespace: namespace)
    }

    public func images() throws -> [NodeState.LoadedImage] {
        try loadNode().images.values.sorted { $0.image < $1.image }
    }

    /// The Deployment stream that holds the named ReplicaSet or Pod, if any.
    public func streamID(ofReplicaSet name: String, namespace: String) throws -> StreamID? {
        try String.fetchOne(
            db, sql: "SELECT stream_id FROM replicasets WHERE namespace = ? AND name = ?", arguments: [namespace, name]
        ).map(StreamID.init(rawValue:))
    }

    public func streamID(ofPod name: String, namespace: String) throws -> StreamID? {
        try String.fetchOne(
            db, sql: "SELECT stream_id FROM pods WHERE namespace = ? AND name = ?", arguments: [namespace, name]
        ).map(StreamID.init(rawValue:))
    }

    /// The whole state of one Deployment stream, from the projection tables.
    public func stream(_ id: StreamID) throws -> DeploymentStream {
        var stream = try deploymentAndReplicaSets(id)
        let arguments: StatementArguments = [id.rawValue]
        func statement(_ sql: String) throws -> Statement { try db.cachedStatement(sql: sql) }
        if let row = try Row.fetchOne(statement("SELECT * FROM streams WHERE stream_id = ?"), arguments: arguments) {
            stream.version = row["version"]
            stream.podSequence = row["pod_sequence"]
            stream.eventSequence = row["event_sequence"]
        }
        // `events` and `aggregates` are filled apart and set once: an observed property set key by key from
        // another module is copied whole each time (a busy stream's load took ~65 M instructions, most of it that).
        var aggregates: [String: AggregateRecord] = [:]
        let rows = try Row.fetchCursor(
            statement("SELECT key, last_timestamp, messages FROM stream_aggregates WHERE stream_id = ?"), arguments: arguments)
        while let row = try rows.next() {
            aggregates[row[0]] = AggregateRecord(
                messages: try AggregatesJSON.messages(row[2]), lastTimestamp: Timestamp(rfc3339: row[1]) ?? Timestamp(seconds: 0))
        }
        stream.aggregates = aggregates
        let timers = try Row.fetchAll(
            statement("SELECT container, due_at, attempt FROM container_timers WHERE stream_id = ?"), arguments: arguments)
        for row in timers {
            stream.containerTimers[row["container"]] = ContainerTimer(
                due: Timestamp(rfc3339: row["due_at"]) ?? Timestamp(seconds: 0), attempt: row["attempt"])
        }
        stream.lastEventTime = try String.fetchOne(
            statement("SELECT occurred_at FROM events WHERE stream_id = ? ORDER BY stream_version DESC LIMIT 1"),
            arguments: arguments
        ).flatMap { Timestamp(rfc3339: $0) }
        for text in try String.fetchAll(statement("SELECT object FROM pods WHERE stream_id = ?"), arguments: arguments) {
            let pod = try StoredJSON.decode(Pod.self, text)
            stream.pods[pod.name] = pod
        }
        var events: [String: KubeEvent] = [:]
        for var text in try String.fetchAll(statement("SELECT object FROM k8s_events WHERE stream_id = ?"), arguments: arguments) {
            let event = try text.withUTF8 { try KubeEvent(stored: $0) }
            events[event.name] = event
        }
        stream.events = events
        stream.revisions = try String.fetchAll(
            statement("SELECT object FROM revisions WHERE stream_id = ? ORDER BY seq"), arguments: arguments
        ).map { try StoredJSON.decode(RevisionRecord.self, $0) }
        return stream
    }

    /// Streams of the live Deployments, sorted, optionally in one namespace.
    public func deploymentStreams(namespace: String?) throws -> [StreamID] {
        let sql = namespace == nil
            ? "SELECT stream_id FROM deployments ORDER BY namespace, name"
            : "SELECT stream_id FROM deployments WHERE namespace = ? ORDER BY name"
        return try String.fetchAll(db, sql: sql, arguments: namespace.map { [$0] } ?? []).map(StreamID.init(rawValue:))
    }

    /// Streams holding a ReplicaSet that no Deployment controls, in one namespace, sorted.
    public func streamsWithOrphanedReplicaSets(namespace: String) throws -> [StreamID] {
        try String.fetchAll(
            db.cachedStatement(
                sql: "SELECT DISTINCT stream_id FROM replicasets WHERE namespace = ? AND deployment IS NULL ORDER BY stream_id"),
            arguments: [namespace]
        ).map(StreamID.init(rawValue:))
    }

    /// Streams whose next unprompted happening is due by `time`, earliest first.
    public func dueStreams(by time: Timestamp) throws -> [(id: StreamID, due: Timestamp)] {
        try Row.fetchAll(
            db, sql: "SELECT stream_id, wake_at FROM streams WHERE wake_at IS NOT NULL AND wake_at <= ? ORDER BY wake_at, stream_id",
            arguments: [time.description]
        ).compactMap { row in
            guard let due = Timestamp(rfc3339: row["wake_at"]) else { return nil }
            return (StreamID(rawValue: row["stream_id"]), due)
        }
    }

    /// The command id of the last user mutation of a stream: what later controller steps were caused by.
    public func lastCommand(of id: StreamID) throws -> String? {
        try String.fetchOne(
            db.cachedStatement(sql: "SELECT last_command FROM streams WHERE stream_id = ?"), arguments: [id.rawValue])
    }

    /// The simulated node: loaded and blocked images.
    public func node() throws -> NodeState { try loadNode() }

    public func quotaState() throws -> QuotaState {
        var state = QuotaState()
        state.version = try Int.fetchOne(
            db, sql: "SELECT version FROM streams WHERE stream_id = ?", arguments: [StreamID.quotas.rawValue]) ?? 0
        for row in try Row.fetchAll(db, sql: "SELECT object, resync_at FROM resource_quotas") {
            let quota = try StoredJSON.decode(ResourceQuota.self, row["object"] as String)
            let key = QuotaState.key(namespace: quota.namespace, name: quota.name)
            state.quotas[key] = quota
            if let resync = (row["resync_at"] as String?).flatMap({ Timestamp(rfc3339: $0) }) { state.resyncs[key] = resync }
        }
        return state
    }

    func loadNode() throws -> NodeState {
        var node = NodeState()
        node.version = try Int.fetchOne(
            db, sql: "SELECT version FROM streams WHERE stream_id = ?", arguments: [StreamID.node.rawValue]) ?? 0
        node.blocked = Set(try String.fetchAll(db, sql: "SELECT image FROM blocked_images"))
        for row in try Row.fetchAll(db, sql: "SELECT * FROM images") {
            let image: String = row["image"]
            node.images[image] = NodeState.LoadedImage(
                image: image, loadedAt: Timestamp(rfc3339: row["loaded_at"]) ?? Timestamp(seconds: 0),
                startupSeconds: row["startup_seconds"],
                behaviour: ImageBehaviour(rawValue: row["behaviour"]) ?? .ready)
        }
        return node
    }

    private func objects<T: Decodable>(_ type: T.Type, table: String, namespace: String?) throws -> [T] {
        let sql = namespace == nil
            ? "SELECT object FROM \(table) ORDER BY namespace, name"
            : "SELECT object FROM \(table) WHERE namespace = ? ORDER BY name"
        return try String.fetchAll(db, sql: sql, arguments: namespace.map { [$0] } ?? []).map {
            try StoredJSON.decode(T.self, $0)
        }
    }
}
