import Cluster
import Dispatch
import Foundation

/// What can be made of a stored event without the fold's state: its decoded form, or for the Pod events a
/// replay may never decode, the Pod it is about.
struct PreparedEvent: Sendable {
    var decoded: Result<ClusterEvent, any Error>?
    var podName: String?

    /// Decoding is pure, so a second thread does it for the next batch while the replay folds this one.
    /// Events of an older schema version are left to the fold (their upcast is rare).
    static func prepare(_ row: ReplayBatch.Row, in bytes: UnsafeBufferPointer<UInt8>) -> PreparedEvent {
        guard row.schemaVersion == ClusterEvent.currentSchemaVersion else { return PreparedEvent() }
        let payload = UnsafeBufferPointer(rebasing: bytes[row.payload])
        switch row.type {
        case "PodCreated", "PodStatusUpdated", "DeploymentStatusUpdated":
            return waiting(type: row.type, schemaVersion: row.schemaVersion, payload: payload)
        default:
            return PreparedEvent(decoded: Result { try ClusterEvent(type: row.type, currentPayload: payload) })
        }
    }

    /// What a fold needs before deciding whether to decode an event at all: nothing decoded, and for a Pod
    /// event of the current schema (the ones ``ReplayStream`` keeps waiting per Pod) the Pod's name.
    static func waiting(type: String, schemaVersion: Int, payload: UnsafeBufferPointer<UInt8>) -> PreparedEvent {
        guard schemaVersion == ClusterEvent.currentSchemaVersion, type == "PodCreated" || type == "PodStatusUpdated"
        else { return PreparedEvent() }
        return PreparedEvent(podName: ClusterEvent.podName(type: type, currentPayload: payload))
    }
}

/// The next batch of the log, read and prepared on the decoding thread while the replay folds the one before.
final class PreparedBatch: @unchecked Sendable {
    // Written once by the decoding thread before `ready` is signalled, read only after waiting on it.
    private var result: Result<(batch: ReplayBatch, events: [PreparedEvent])?, any Error> = .success(nil)
    private let ready = DispatchSemaphore(value: 0)

    /// - Parameter connection: Held while reading: the replay writes through the same SQLite connection.
    init(reading reader: ReplayRows.Reader, connection: NSLock, on queue: DispatchQueue) {
        queue.async { [self] in
            result = Result {
                connection.lock()
                let read = Result { try reader.next() }
                connection.unlock()
                guard let batch = try read.get() else { return nil }
                let events = batch.bytes.withUnsafeBufferPointer { bytes in
                    batch.rows.map { PreparedEvent.prepare($0, in: bytes) }
                }
                return (batch, events)
            }
            ready.signal()
        }
    }

    /// The batch and its prepared events in row order, or nil after the last, once the decoding thread is done.
    func wait() throws -> (batch: ReplayBatch, events: [PreparedEvent])? {
        ready.wait()
        return try result.get()
    }
}
