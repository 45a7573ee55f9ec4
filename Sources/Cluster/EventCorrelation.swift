import KubeModel

/// The part of client-go's EventCorrelator that must survive between commands: for each aggregate key
/// (source, object, type, reason), the distinct messages seen in the sliding 10-minute window.
public struct AggregateRecord: Sendable, Hashable, Codable {
    public var messages: [String]
    public var lastTimestamp: Timestamp

    public init(messages: [String], lastTimestamp: Timestamp) {
        self.messages = messages
        self.lastTimestamp = lastTimestamp
    }
}

public enum EventCorrelation {
    public static let combinedPrefix = "(combined from similar events): "
    public static let maxSimilarEvents = 10
    public static let aggregateWindowSeconds: Int64 = 600

    /// `EventAggregatorByReasonFunc`'s key: no message, no fieldPath.
    public static func aggregateKey(_ event: KubeEvent) -> String {
        let o = event.involvedObject
        // Joined as bytes: an array of the parts and `joined`, or appends to a String, cost a replay
        // 3,500-7,000 instructions per Kubernetes Event.
        let parts = [o.kind, o.namespace, o.name, o.uid, o.apiVersion, event.type, event.reason]
        var key: [UInt8] = []
        key.reserveCapacity(parts.reduce(event.source.utf8.count + parts.count) { $0 + $1.utf8.count })
        key += event.source.utf8
        for part in parts {
            key.append(0x1F)
            key += part.utf8
        }
        return String(decoding: key, as: UTF8.self)
    }

    /// Whether two events have the same ``aggregateKey(_:)``, compared field by field (no string building:
    /// the recorder asks this of every Event of a stream).
    public static func sameAggregate(_ a: KubeEvent, _ b: KubeEvent) -> Bool {
        let x = a.involvedObject, y = b.involvedObject
        return a.reason == b.reason && x.name == y.name && x.uid == y.uid && a.type == b.type && a.source == b.source
            && x.kind == y.kind && x.namespace == y.namespace && x.apiVersion == y.apiVersion
    }

    /// Whether two events have the same ``eventKey(_:)``.
    public static func sameEvent(_ a: KubeEvent, _ b: KubeEvent) -> Bool {
        a.message == b.message && sameAggregate(a, b)
            && (a.involvedObject.fieldPath ?? "") == (b.involvedObject.fieldPath ?? "")
    }

    /// `getEventKey`: everything that makes two events identical, message included.
    public static func eventKey(_ event: KubeEvent) -> String {
        let o = event.involvedObject
        return [event.source, o.kind, o.namespace, o.name, o.fieldPath ?? "", o.uid, o.apiVersion, event.type,
                event.reason, event.message].joined(separator: "\u{1F}")
    }
}

extension DeploymentStream {
    /// Updates the aggregator record the way `EventAggregate` does for an event that was just written.
    /// Upstream drops a random message once the set is full; we drop the newest, keeping the first nine.
    mutating func recordAggregate(_ event: KubeEvent, at time: Timestamp) {
        let expiry = aggregatesExpiry.value
        // In place: one lookup of the ~100-byte key instead of a read and a write.
        aggregates[EventCorrelation.aggregateKey(event), default: AggregateRecord(messages: [], lastTimestamp: time)]
            .note(event.message, at: time)
        // The noted record's idle time starts again now; the others' bound still holds.
        let known = expiry.map { min($0, time.seconds + Timestamp.eventTTLSeconds) }
        // Forget records idle for longer than the Event TTL, as client-go's correlator forgets them (its cache is
        // an LRU); one idle past the 10-minute window already counts as empty, so nothing behaves differently,
        // and the state (stored with the stream, loaded by every command) stops growing with the history.
        if aggregates.count <= 16 || known.map({ time.seconds <= $0 }) == true {
            aggregatesExpiry.value = known
            return
        }
        aggregatesExpiry.value = aggregates.removeExpired(before: time.seconds) {
            $0.lastTimestamp.seconds + Timestamp.eventTTLSeconds
        }
    }
}

extension AggregateRecord {
    /// The record after an event with `message` at `time`: messages of a window that closed are forgotten.
    fileprivate mutating func note(_ message: String, at time: Timestamp) {
        if time.seconds - lastTimestamp.seconds > EventCorrelation.aggregateWindowSeconds { messages = [] }
        if !message.hasPrefix(EventCorrelation.combinedPrefix), !messages.contains(message),
            messages.count < EventCorrelation.maxSimilarEvents - 1
        {
            messages.append(message)
        }
        lastTimestamp = time
    }
}
