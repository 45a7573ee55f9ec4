import Cluster
import GRDB
import KubeModel

/// Writes a stream's state into the projection tables, replacing what was there.
enum ProjectionWriter {
    static func save(_ stream: DeploymentStream, lastCommand: String?, in db: Database) throws {
        let id = stream.id.rawValue
        for table in ["deployments", "replicasets", "pods", "k8s_events", "revisions", "container_timers"] {
            try db.execute(sql: "DELETE FROM \(table) WHERE stream_id = ?", arguments: [id])
        }
        try db.execute(
            sql: """
                INSERT OR REPLACE INTO streams (stream_id, version, pod_sequence, event_sequence, aggregates, wake_at,
                  last_command) VALUES (?, ?, ?, ?, ?, ?, ?)
                """,
            arguments: [
                id, stream.version, stream.podSequence, stream.eventSequence, try StoredJSON.encode(stream.aggregates),
                stream.storedWakeUp?.description, lastCommand,
            ])
        for (key, timer) in stream.containerTimers.sorted(by: { $0.key < $1.key }) {
            try db.execute(
                sql: "INSERT INTO container_timers (stream_id, container, due_at, attempt) VALUES (?, ?, ?, ?)",
                arguments: [id, key, timer.due.description, timer.attempt])
        }
        if let d = stream.deployment {
            try db.execute(
                sql: """
                    INSERT INTO deployments (namespace, name, stream_id, uid, generation, replicas, ready, updated, available,
                      paused, revision, images, object) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    d.namespace, d.name, id, d.metadata.uid ?? "", d.metadata.generation ?? 0, d.spec.desiredReplicas,
                    d.status.readyReplicas ?? 0, d.status.updatedReplicas ?? 0, d.status.availableReplicas ?? 0,
                    d.spec.isPaused, d.revision, images(d.spec.template), try StoredJSON.encode(d),
                ])
        }
        for rs in stream.replicaSets.values.sorted(by: { $0.name < $1.name }) {
            try db.execute(
                sql: """
                    INSERT INTO replicasets (namespace, name, stream_id, deployment, uid, revision, replicas, ready, available,
                      images, created_at, object) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    rs.metadata.namespace ?? "default", rs.name, id, rs.metadata.controllerRef?.name, rs.metadata.uid ?? "",
                    rs.revision, rs.replicas, rs.status.readyReplicas ?? 0, rs.availableReplicas,
                    images(rs.spec.template), rs.metadata.creationTimestamp?.description ?? "", try StoredJSON.encode(rs),
                ])
        }
        for pod in stream.pods.values.sorted(by: { $0.name < $1.name }) {
            try db.execute(
                sql: """
                    INSERT INTO pods (namespace, name, stream_id, replicaset, uid, phase, ready, created_at, object)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    pod.metadata.namespace ?? "default", pod.name, id, pod.metadata.controllerRef?.name,
                    pod.metadata.uid ?? "", pod.status.phase ?? "", pod.isReady,
                    pod.metadata.creationTimestamp?.description ?? "", try StoredJSON.encode(pod),
                ])
        }
        for event in stream.events.values.sorted(by: { $0.name < $1.name }) {
            let o = event.involvedObject
            try db.execute(
                sql: """
                    INSERT INTO k8s_events (namespace, name, stream_id, involved_kind, involved_name, involved_uid, type, reason,
                      message, source, count, first_timestamp, last_timestamp, object)
                    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    event.namespace, event.name, id, o.kind, o.name, o.uid, event.type, event.reason, event.message,
                    event.source, event.count, event.firstTimestamp.description, event.lastTimestamp.description,
                    try StoredJSON.encode(event),
                ])
        }
        for record in stream.revisions {
            try db.execute(
                sql: """
                    INSERT INTO revisions (stream_id, namespace, deployment, revision, replicaset, images, change_cause, template,
                      seq, occurred_at, object) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                    """,
                arguments: [
                    id, stream.namespace, stream.name, record.revision, record.replicaSet, record.images, record.changeCause,
                    try StoredJSON.encode(record.template), record.sequence, record.time.description,
                    try StoredJSON.encode(record),
                ])
        }
    }

    static func save(_ node: NodeState, in db: Database) throws {
        try db.execute(sql: "DELETE FROM images")
        try db.execute(sql: "DELETE FROM blocked_images")
        for image in node.blocked.sorted() {
            try db.execute(sql: "INSERT INTO blocked_images (image) VALUES (?)", arguments: [image])
        }
        try db.execute(
            sql: "INSERT OR REPLACE INTO streams (stream_id, version, pod_sequence, event_sequence, aggregates) VALUES (?, ?, 0, 0, '{}')",
            arguments: [StreamID.node.rawValue, node.version])
        for image in node.images.values.sorted(by: { $0.image < $1.image }) {
            try db.execute(
                sql: "INSERT INTO images (image, loaded_at, startup_seconds, behaviour) VALUES (?, ?, ?, ?)",
                arguments: [image.image, image.loadedAt.description, image.startupSeconds, image.behaviour.rawValue])
        }
    }

    private static func images(_ template: PodTemplateSpec) -> String {
        template.spec.containers.map(\.image).joined(separator: ",")
    }
}
