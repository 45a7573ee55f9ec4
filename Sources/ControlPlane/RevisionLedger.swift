import Cluster
import KubeModel
import Store

/// One line of `rollout history --all`: a revision number as it was assigned, and what became of it.
public struct RevisionLedgerEntry: Sendable, Hashable {
    /// What became of a revision since it was assigned.
    public enum Fate: Sendable, Hashable {
        /// The Deployment runs this revision now.
        case current
        /// Its ReplicaSet still holds the number: plain `rollout history` lists it.
        case kept
        /// A rollback to this template re-adopted the ReplicaSet under a higher number.
        case renumbered(to: Int)
        /// Deleted by the Deployment controller's `revisionHistoryLimit` clean-up.
        case collected
        /// Deleted with its Deployment (cascade), or by hand.
        case deleted
        /// Orphaned, then claimed by another Deployment (named here), whose stream it moved to.
        case claimed(by: String)
    }

    public var revision: Int
    public var replicaSet: String
    public var images: String
    public var time: Timestamp
    /// The actor of the command that caused the revision (the user, not the controller that wrote it).
    public var actor: String
    /// How the command changed the Deployment: `apply`, `set image`, `undo`, `restart`, ...
    public var how: String
    /// The last change-cause the ReplicaSet carried while it held this number.
    public var changeCause: String?
    public var fate: Fate
    public var template: PodTemplateSpec
}

/// `rollout history --all`: every revision a Deployment stream ever assigned, oldest first, with who
/// caused it, how, and what became of it.
///
/// kubectl lists only the ReplicaSets that still exist, keyed by their current number. The ledger lists
/// the stream's ``RevisionRecord``s instead, so numbers lost to `revisionHistoryLimit` and to rollback
/// renumbering stay visible, as do the revisions of an earlier Deployment of the same name.
public enum RevisionLedger {
    public static func entries(of stream: DeploymentStream, reader: any StateReading) throws -> [RevisionLedgerEntry] {
        let records = stream.revisions
        let provenance = try reader.provenance(of: records.map(\.sequence))
        let changes = try reader.replicaSetChanges(in: stream.id)
        let currentRevision = stream.deployment?.revision
        return records.enumerated().map { index, record in
            let later = changes.filter { $0.name == record.replicaSet && $0.sequence > record.sequence }
            // Leaving the stream, deleted or claimed, ends the ReplicaSet's story here.
            let deletion = later.first { change in
                if case .annotated = change.kind { return false }
                return true
            }
            let renumbered = records[(index + 1)...].first { next in
                next.replicaSet == record.replicaSet && next.sequence < (deletion?.sequence ?? Int64.max)
            }
            // `annotate` labels the current revision: the cause is the last one the ReplicaSet carried
            // while it held this number.
            let tenureEnd = min(renumbered?.sequence ?? Int64.max, deletion?.sequence ?? Int64.max)
            var changeCause = record.changeCause
            for change in later where change.sequence < tenureEnd {
                if case .annotated(let cause) = change.kind { changeCause = cause }
            }
            let fate: RevisionLedgerEntry.Fate
            if let renumbered {
                fate = .renumbered(to: renumbered.revision)
            } else if let deletion, case .claimed(let claimer) = deletion.kind {
                fate = .claimed(by: claimer.deploymentKey?.name ?? claimer.rawValue)
            } else if let deletion {
                fate = deletion.actor == Actor.deploymentController ? .collected : .deleted
            } else if stream.replicaSets[record.replicaSet] == nil {
                fate = .deleted
            } else {
                fate = record.revision == currentRevision ? .current : .kept
            }
            let origin = provenance[record.sequence]
            return RevisionLedgerEntry(
                revision: record.revision, replicaSet: record.replicaSet, images: record.images, time: record.time,
                actor: origin?.actor ?? "<unknown>", how: how(origin), changeCause: changeCause, fate: fate,
                template: record.template)
        }
    }

    /// The verb of the command behind a revision, from the user event it appended.
    static func how(_ origin: EventProvenance?) -> String {
        guard let origin else { return "<unknown>" }
        let words = CommandWords.verbs(origin.argv)
        if words.first == "rewind" { return "rewind" }
        switch origin.userEventType {
        case "DeploymentConfigured" where words.first == "set" && words.count > 1:
            return "set \(words[1])"
        case "DeploymentConfigured" where words.first == "patch" || words.first == "edit": return words[0]
        case "DeploymentCreated", "DeploymentConfigured": return "apply"
        case "DeploymentImageSet": return "set image"
        case "DeploymentRolledBack": return "undo"
        case "DeploymentRestarted": return "restart"
        case "DeploymentScaled": return "scale"
        case "DeploymentResumed": return "resume"
        case "DeploymentPaused": return "pause"
        case "DeploymentAnnotated": return "annotate"
        case "DeploymentDeleted": return "delete"
        // A user's write of a ReplicaSet: the verb that sent it (annotate, patch, …).
        case "ReplicaSetConfigured": return words.first ?? "write"
        case .some(let other): return other
        case nil: return "controller"
        }
    }

    /// The template a revision number last stood for, kept even after its ReplicaSet is gone.
    public static func template(of revision: Int, in stream: DeploymentStream) -> RevisionRecord? {
        stream.revisions.last { $0.revision == revision }
    }
}
