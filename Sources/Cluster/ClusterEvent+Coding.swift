import Foundation
import KubeModel

/// The stored form of an event: a type name, a payload schema version and a JSON payload.
public struct EncodedEvent: Sendable, Hashable {
    public var type: String
    public var schemaVersion: Int
    public var payload: String

    public init(type: String, schemaVersion: Int, payload: String) {
        self.type = type
        self.schemaVersion = schemaVersion
        self.payload = payload
    }
}

public struct EventDecodingError: Error, CustomStringConvertible {
    public var description: String
}

extension ClusterEvent {
    /// The payload schema version written today. Older versions go through ``Upcaster``.
    public static let currentSchemaVersion = 1

    public var typeName: String {
        switch self {
        case .imageLoaded: "ImageLoaded"
        case .imageRemoved: "ImageRemoved"
        case .imageBlocked: "ImageBlocked"
        case .imageUnblocked: "ImageUnblocked"
        case .deploymentCreated: "DeploymentCreated"
        case .deploymentConfigured: "DeploymentConfigured"
        case .imageSet: "DeploymentImageSet"
        case .deploymentScaled: "DeploymentScaled"
        case .deploymentPaused: "DeploymentPaused"
        case .deploymentResumed: "DeploymentResumed"
        case .deploymentRolledBack: "DeploymentRolledBack"
        case .deploymentAnnotated: "DeploymentAnnotated"
        case .deploymentRestarted: "DeploymentRestarted"
        case .deploymentDeleted: "DeploymentDeleted"
        case .podDeleteRequested: "PodDeleteRequested"
        case .replicaSetDeleteRequested: "ReplicaSetDeleteRequested"
        case .replicaSetConfigured: "ReplicaSetConfigured"
        case .deploymentStatusUpdated: "DeploymentStatusUpdated"
        case .deploymentRevisionSet: "DeploymentRevisionSet"
        case .replicaSetCreated: "ReplicaSetCreated"
        case .replicaSetScaled: "ReplicaSetScaled"
        case .replicaSetAnnotated: "ReplicaSetAnnotated"
        case .replicaSetStatusUpdated: "ReplicaSetStatusUpdated"
        case .replicaSetOrphaned: "ReplicaSetOrphaned"
        case .replicaSetAdopted: "ReplicaSetAdopted"
        case .replicaSetReleased: "ReplicaSetReleased"
        case .replicaSetTransferred: "ReplicaSetTransferred"
        case .podsReleased: "PodsReleased"
        case .podsTransferred: "PodsTransferred"
        case .replicaSetDeleted: "ReplicaSetDeleted"
        case .podCreated: "PodCreated"
        case .podStatusUpdated: "PodStatusUpdated"
        case .podAdopted: "PodAdopted"
        case .podConfigured: "PodConfigured"
        case .podOrphaned: "PodOrphaned"
        case .podBound: "PodBound"
        case .podDeleted: "PodDeleted"
        case .kubeEventRecorded: "EventRecorded"
        case .resourceQuotaWritten: "ResourceQuotaWritten"
        case .resourceQuotaStatusUpdated: "ResourceQuotaStatusUpdated"
        case .resourceQuotaStatusWritten: "ResourceQuotaStatusWritten"
        case .resourceQuotaDeleted: "ResourceQuotaDeleted"
        }
    }

    public func encoded() throws -> EncodedEvent {
        EncodedEvent(type: typeName, schemaVersion: ClusterEvent.currentSchemaVersion, payload: try encodedPayload())
    }

    /// The payload as `JSONEncoder` with sorted keys writes it (through ``JSONCodec``, which is faster).
    private func encodedPayload() throws -> String {
        switch self {
        case .imageLoaded(let p): try JSONCodec.encode(p)
        case .imageRemoved(let p), .imageBlocked(let p), .imageUnblocked(let p): try JSONCodec.encode(p)
        case .deploymentCreated(let p), .deploymentConfigured(let p): try JSONCodec.encode(p)
        case .imageSet(let p): try JSONCodec.encode(p)
        case .deploymentScaled(let p): try JSONCodec.encode(p)
        case .deploymentPaused(let p), .deploymentResumed(let p): try JSONCodec.encode(p)
        case .deploymentRolledBack(let p): try JSONCodec.encode(p)
        case .deploymentAnnotated(let p): try JSONCodec.encode(p)
        case .deploymentRestarted(let p): try JSONCodec.encode(p)
        case .deploymentDeleted(let p): try JSONCodec.encode(p)
        case .deploymentStatusUpdated(let p): try JSONCodec.encode(p)
        case .deploymentRevisionSet(let p): try JSONCodec.encode(p)
        case .replicaSetCreated(let p), .replicaSetConfigured(let p): try JSONCodec.encode(p)
        case .replicaSetScaled(let p): try JSONCodec.encode(p)
        case .replicaSetAnnotated(let p): try JSONCodec.encode(p)
        case .replicaSetStatusUpdated(let p): try JSONCodec.encode(p)
        case .replicaSetOrphaned(let p), .replicaSetDeleted(let p), .podDeleted(let p), .podDeleteRequested(let p),
            .podOrphaned(let p):
            try JSONCodec.encode(p)
        case .replicaSetDeleteRequested(let p): try JSONCodec.encode(p)
        case .replicaSetAdopted(let p), .podAdopted(let p): try JSONCodec.encode(p)
        case .replicaSetReleased(let p): try JSONCodec.encode(p)
        case .replicaSetTransferred(let p): try JSONCodec.encode(p)
        case .podsReleased(let p): try JSONCodec.encode(p)
        case .podsTransferred(let p): try JSONCodec.encode(p)
        case .podCreated(let p), .podConfigured(let p): try JSONCodec.encode(p)
        case .podStatusUpdated(let p): try JSONCodec.encode(p)
        case .podBound(let p): try JSONCodec.encode(p)
        // The most frequent payload; its hand-written form is the same text (KubeEventJSONTests).
        case .kubeEventRecorded(let p): p.canonicalJSON
        case .resourceQuotaWritten(let p): try JSONCodec.encode(p)
        case .resourceQuotaStatusUpdated(let p), .resourceQuotaStatusWritten(let p): try JSONCodec.encode(p)
        case .resourceQuotaDeleted(let p): try JSONCodec.encode(p)
        }
    }

    /// Decodes a stored event, first upcasting its payload to the current schema version.
    public init(decoding stored: EncodedEvent, upcaster: Upcaster = .production) throws {
        let upcasted = try upcaster.upcast(stored)
        try self.init(type: upcasted.type) { try JSONCodec.parse(upcasted.payload) }
    }

    /// Decodes a payload of the current schema version from its UTF-8 bytes (a replay reads them straight
    /// from SQLite). Kubernetes Events, the most frequent payloads, skip the ``JSONValue`` tree when they can.
    public init(type: String, currentPayload bytes: UnsafeBufferPointer<UInt8>) throws {
        if type == "EventRecorded", let event = KubeEvent(scanning: bytes) {
            self = .kubeEventRecorded(event)
            return
        }
        try self.init(type: type) { try JSONCodec.parse(bytes) }
    }

    /// The event of `type` whose payload `parse` reads (only called for types that have one).
    private init(type: String, parse: () throws -> JSONValue) throws {
        func d<T: Decodable>(_ type: T.Type) throws -> T { try JSONCodec.decode(T.self, from: parse()) }
        switch type {
        case "ImageLoaded": self = .imageLoaded(try d(ImageLoaded.self))
        case "ImageRemoved": self = .imageRemoved(try d(ImageRef.self))
        case "ImageBlocked": self = .imageBlocked(try d(ImageRef.self))
        case "ImageUnblocked": self = .imageUnblocked(try d(ImageRef.self))
        case "DeploymentCreated": self = .deploymentCreated(try d(DeploymentObject.self))
        case "DeploymentConfigured": self = .deploymentConfigured(try d(DeploymentObject.self))
        case "DeploymentImageSet": self = .imageSet(try d(ImageSet.self))
        case "DeploymentScaled": self = .deploymentScaled(try d(Scaled.self))
        case "DeploymentPaused": self = .deploymentPaused(Empty())
        case "DeploymentResumed": self = .deploymentResumed(Empty())
        case "DeploymentRolledBack": self = .deploymentRolledBack(try d(RolledBack.self))
        case "DeploymentAnnotated": self = .deploymentAnnotated(try d(Annotated.self))
        case "DeploymentRestarted": self = .deploymentRestarted(try d(Restarted.self))
        case "DeploymentDeleted": self = .deploymentDeleted(try d(Deleted.self))
        case "PodDeleteRequested": self = .podDeleteRequested(try d(ObjectName.self))
        case "ReplicaSetDeleteRequested": self = .replicaSetDeleteRequested(try d(ReplicaSetDeletion.self))
        case "DeploymentStatusUpdated": self = .deploymentStatusUpdated(try d(StatusUpdated.self))
        case "DeploymentRevisionSet": self = .deploymentRevisionSet(try d(RevisionSet.self))
        case "ReplicaSetCreated": self = .replicaSetCreated(try d(ReplicaSetObject.self))
        case "ReplicaSetConfigured": self = .replicaSetConfigured(try d(ReplicaSetObject.self))
        case "ReplicaSetScaled": self = .replicaSetScaled(try d(ReplicaSetScaled.self))
        case "ReplicaSetAnnotated": self = .replicaSetAnnotated(try d(ReplicaSetAnnotated.self))
        case "ReplicaSetStatusUpdated": self = .replicaSetStatusUpdated(try d(ReplicaSetStatusUpdated.self))
        case "ReplicaSetOrphaned": self = .replicaSetOrphaned(try d(ObjectName.self))
        case "ReplicaSetAdopted": self = .replicaSetAdopted(try d(Adoption.self))
        case "ReplicaSetReleased": self = .replicaSetReleased(try d(ReplicaSetRelease.self))
        case "ReplicaSetTransferred": self = .replicaSetTransferred(try d(ReplicaSetTransfer.self))
        case "PodsReleased": self = .podsReleased(try d(PodsRelease.self))
        case "PodsTransferred": self = .podsTransferred(try d(PodsTransfer.self))
        case "PodAdopted": self = .podAdopted(try d(Adoption.self))
        case "PodConfigured": self = .podConfigured(try d(PodObject.self))
        case "PodOrphaned": self = .podOrphaned(try d(ObjectName.self))
        case "PodBound": self = .podBound(try d(PodBinding.self))
        case "ReplicaSetDeleted": self = .replicaSetDeleted(try d(ObjectName.self))
        case "PodCreated": self = .podCreated(try d(PodObject.self))
        case "PodStatusUpdated": self = .podStatusUpdated(try d(PodStatusUpdated.self))
        case "PodDeleted": self = .podDeleted(try d(ObjectName.self))
        case "EventRecorded": self = .kubeEventRecorded(try d(KubeEvent.self))
        case "ResourceQuotaWritten": self = .resourceQuotaWritten(try d(ResourceQuota.self))
        case "ResourceQuotaStatusUpdated": self = .resourceQuotaStatusUpdated(try d(QuotaStatusUpdated.self))
        case "ResourceQuotaStatusWritten": self = .resourceQuotaStatusWritten(try d(QuotaStatusUpdated.self))
        case "ResourceQuotaDeleted": self = .resourceQuotaDeleted(try d(NamespacedName.self))
        default: throw EventDecodingError(description: "unknown event type \(type)")
        }
    }
}
