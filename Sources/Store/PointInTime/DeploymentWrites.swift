import Cluster
import Foundation
import GRDB
import KubeModel

/// An event that wrote a stream's Deployment, with the command line behind it: what field tracking
/// (`metadata.managedFields`) is rebuilt from.
public struct DeploymentWrite: Sendable {
    public var sequence: Int64
    public var event: ClusterEvent
    public var time: Timestamp
    /// The command line as recorded (``EventProvenance/argv``); empty if unknown.
    public var argv: [String]
}

extension AuditQueries {
    /// The event types that change a Deployment object (user mutations, and the controller's status and revision).
    static let deploymentWriteTypes = [
        "DeploymentCreated", "DeploymentConfigured", "DeploymentImageSet", "DeploymentScaled", "DeploymentPaused",
        "DeploymentResumed", "DeploymentRolledBack", "DeploymentAnnotated", "DeploymentRestarted", "DeploymentDeleted",
        "DeploymentStatusUpdated", "DeploymentRevisionSet",
    ]

    func deploymentWrites(in stream: StreamID) throws -> [DeploymentWrite] {
        let types = AuditQueries.deploymentWriteTypes.map { "'\($0)'" }.joined(separator: ", ")
        return try Row.fetchAll(
            db,
            sql: """
                SELECT e.seq, e.stream_id, e.type, e.schema_version, e.occurred_at, e.payload, c.argv
                FROM events e LEFT JOIN commands c ON c.command_id = e.command_id
                WHERE e.stream_id = ? AND e.type IN (\(types)) AND e.seq <= ?
                ORDER BY e.seq
                """,
            arguments: [stream.rawValue, upTo ?? Int64.max]
        ).map { row in
            let decoded = try EventFold.decode(row)
            let argvText: String? = row["argv"]
            let argv = argvText.flatMap { try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String] } ?? []
            return DeploymentWrite(sequence: decoded.sequence, event: decoded.event, time: decoded.time, argv: argv)
        }
    }
}
