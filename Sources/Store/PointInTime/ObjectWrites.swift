import Cluster
import GRDB
import KubeModel

/// An event that wrote an object of a stream, with the command line behind it: what field tracking
/// (`metadata.managedFields`) is rebuilt from.
public struct ObjectWrite: Sendable {
    public var sequence: Int64
    public var event: ClusterEvent
    public var time: Timestamp
    /// The command line as recorded (``EventProvenance/argv``); empty if unknown.
    public var argv: [String]
    /// Who appended the event: the user, or the controller that took the step.
    public var actor: String

    public init(sequence: Int64, event: ClusterEvent, time: Timestamp, argv: [String], actor: String) {
        self.sequence = sequence
        self.event = event
        self.time = time
        self.argv = argv
        self.actor = actor
    }
}

/// The kind of object whose writes ``StateReading/writes(to:in:)`` reads.
public enum WrittenKind: Sendable {
    case deployment
    case replicaSet

    /// The event types that change such an object (user mutations and controller steps). A ReplicaSet's include
    /// the Deployment's: a Deployment deleted with `--cascade=orphan` strips its ReplicaSets' owner references.
    public var eventTypes: [String] {
        let deployment = [
            "DeploymentCreated", "DeploymentConfigured", "DeploymentImageSet", "DeploymentScaled", "DeploymentPaused",
            "DeploymentResumed", "DeploymentRolledBack", "DeploymentAnnotated", "DeploymentRestarted",
            "DeploymentDeleted", "DeploymentStatusUpdated", "DeploymentRevisionSet",
        ]
        switch self {
        case .deployment: return deployment
        case .replicaSet:
            return deployment + [
                "ReplicaSetCreated", "ReplicaSetScaled", "ReplicaSetAnnotated", "ReplicaSetStatusUpdated",
                "ReplicaSetOrphaned", "ReplicaSetAdopted", "ReplicaSetDeleted", "ReplicaSetDeleteRequested",
                // A ReplicaSet claimed from another stream arrives whole (its earlier writes are that stream's).
                "ReplicaSetReleased", "ReplicaSetTransferred",
                // A user's own write.
                "ReplicaSetConfigured",
            ]
        }
    }
}

extension AuditQueries {
    func writes(to kind: WrittenKind, in stream: StreamID) throws -> [ObjectWrite] {
        let types = kind.eventTypes.map { "'\($0)'" }.joined(separator: ", ")
        return try Row.fetchAll(
            db,
            sql: """
                SELECT e.seq, e.stream_id, e.type, e.schema_version, e.occurred_at, e.payload, e.actor, c.argv
                FROM events e LEFT JOIN commands c ON c.command_id = e.command_id
                WHERE e.stream_id = ? AND e.type IN (\(types)) AND e.seq <= ?
                ORDER BY e.seq
                """,
            arguments: [stream.rawValue, upTo ?? Int64.max]
        ).map { row in
            let decoded = try EventFold.decode(row)
            return ObjectWrite(
                sequence: decoded.sequence, event: decoded.event, time: decoded.time, argv: AuditQueries.argv(row),
                actor: row["actor"])
        }
    }
}
