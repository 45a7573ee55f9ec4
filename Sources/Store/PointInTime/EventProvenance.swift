import Cluster
import Foundation
import GRDB

/// Where an event came from: the user command that caused it, even when a controller wrote it.
public struct EventProvenance: Sendable, Hashable {
    /// The actor of the command (`alice`), not of the event (`deployment-controller`).
    public var actor: String
    public var commandID: String
    /// The command line as recorded (`["set", "image", "deployment/web", "web=web:2"]`); empty if unknown.
    public var argv: [String]
    /// The type of the first user event the command appended to the same stream (`DeploymentImageSet`),
    /// or nil for a command that only ran controllers.
    public var userEventType: String?

    public init(actor: String, commandID: String, argv: [String], userEventType: String?) {
        self.actor = actor
        self.commandID = commandID
        self.argv = argv
        self.userEventType = userEventType
    }
}

/// A `ReplicaSetDeleted` or `ReplicaSetAnnotated` event, reduced to what the revision ledger needs.
public struct ReplicaSetChange: Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        /// Deleted: by `deployment-controller` for revisionHistoryLimit clean-up, by `garbage-collector` in a
        /// cascade.
        case deleted
        /// Annotations replaced (the controller copying the Deployment's); the change-cause they now carry.
        case annotated(changeCause: String?)
        /// Claimed, an orphan, by the Deployment of another stream (`ReplicaSetReleased`), which it left for.
        case claimed(by: StreamID)
    }

    public var sequence: Int64
    public var name: String
    public var actor: String
    public var kind: Kind

    public init(sequence: Int64, name: String, actor: String, kind: Kind) {
        self.sequence = sequence
        self.name = name
        self.actor = actor
        self.kind = kind
    }
}

/// The audit joins over `events` and `commands`, optionally bounded to a point in the log.
struct AuditQueries {
    let db: Database
    /// Events after this sequence number are invisible; nil for the whole log.
    let upTo: Int64?

    /// Event types a user command appends, as `ClusterEvent.isUserMutation` lists them.
    static let userEventTypes = [
        "ImageLoaded", "ImageRemoved", "ImageBlocked", "ImageUnblocked", "DeploymentCreated", "DeploymentConfigured",
        "DeploymentImageSet",
        "DeploymentScaled", "DeploymentPaused", "DeploymentResumed", "DeploymentRolledBack", "DeploymentAnnotated",
        "DeploymentRestarted", "DeploymentDeleted", "ReplicaSetConfigured",
    ]

    private var bound: Int64 { upTo ?? Int64.max }

    func provenance(of sequences: [Int64]) throws -> [Int64: EventProvenance] {
        let types = AuditQueries.userEventTypes.map { "'\($0)'" }.joined(separator: ", ")
        let statement = try db.cachedStatement(sql: """
            SELECT e.actor AS event_actor, e.command_id, c.actor AS command_actor, c.argv,
              (SELECT u.type FROM events u
                WHERE u.command_id = e.command_id AND u.stream_id = e.stream_id AND u.seq <= ? AND u.type IN (\(types))
                ORDER BY u.seq LIMIT 1) AS user_type
            FROM events e LEFT JOIN commands c ON c.command_id = e.command_id
            WHERE e.seq = ? AND e.seq <= ?
            """)
        var answer: [Int64: EventProvenance] = [:]
        for sequence in Set(sequences) {
            guard let row = try Row.fetchOne(statement, arguments: [bound, sequence, bound]) else { continue }
            answer[sequence] = EventProvenance(
                actor: row["command_actor"] ?? row["event_actor"], commandID: row["command_id"], argv: Self.argv(row),
                userEventType: row["user_type"])
        }
        return answer
    }

    /// The `argv` column of a `commands` row (a JSON array), empty when the row or the column is missing.
    static func argv(_ row: Row) -> [String] {
        let text: String? = row["argv"]
        return text.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String] } ?? []
    }

    func replicaSetChanges(in stream: StreamID) throws -> [ReplicaSetChange] {
        try Row.fetchAll(
            db,
            sql: """
                SELECT seq, type, actor, payload ->> '$.name' AS name,
                  payload ->> '$.annotations."kubernetes.io/change-cause"' AS change_cause, payload ->> '$.to' AS claimer
                FROM events
                WHERE stream_id = ? AND type IN ('ReplicaSetDeleted', 'ReplicaSetAnnotated', 'ReplicaSetReleased')
                  AND seq <= ?
                ORDER BY seq
                """,
            arguments: [stream.rawValue, bound]
        ).map { row in
            let type: String = row["type"]
            let kind: ReplicaSetChange.Kind = switch type {
            case "ReplicaSetDeleted": .deleted
            case "ReplicaSetReleased": .claimed(by: StreamID(rawValue: row["claimer"] ?? ""))
            default: .annotated(changeCause: row["change_cause"])
            }
            return ReplicaSetChange(sequence: row["seq"], name: row["name"] ?? "", actor: row["actor"], kind: kind)
        }
    }
}
