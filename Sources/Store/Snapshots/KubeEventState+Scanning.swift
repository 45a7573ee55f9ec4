import Cluster
import KubeModel

extension KubeEventState {
    /// The Kubernetes Events part of a snapshot, read as `StoredJSON.decode(KubeEventState.self, text)` reads
    /// it: each Event by ``KubeEvent/init(scanning:)`` instead of through a ``JSONValue`` tree, which was a third
    /// of a point-in-time read of one Deployment. Anything the scanner is unsure of goes the ordinary way.
    static func decode(_ text: String) throws -> KubeEventState {
        try decode(Array(text.utf8))
    }

    /// ``decode(_:)`` of UTF-8 bytes (what a snapshot read inflates).
    ///
    /// - Parameter correlator: False to step over the correlator's records, leaving `aggregates` empty.
    static func decode(_ bytes: [UInt8], correlator: Bool = true) throws -> KubeEventState {
        if let scanned = bytes.withUnsafeBufferPointer({ scan($0, correlator: correlator) }) { return scanned }
        var state = try StoredJSON.decode(KubeEventState.self, String(decoding: bytes, as: UTF8.self))
        if !correlator { state.aggregates = [:] }
        return state
    }

    private static func scan(_ bytes: UnsafeBufferPointer<UInt8>, correlator: Bool) -> KubeEventState? {
        var scanner = JSONScanner(bytes)
        var events: [String: KubeEvent]?, aggregates: [String: AggregateRecord]?, sequence: Int?
        let read: Void? = scanner.members { key, scanner in
            if key.equals("eventSequence") {
                sequence = scanner.int()
                return sequence != nil
            }
            if key.equals("aggregates") {
                guard correlator else {
                    aggregates = [:]
                    return scanner.skipValue()
                }
                aggregates = AggregatesJSON.scan(&scanner)
                return aggregates != nil
            }
            if key.equals("events") {
                var read: [String: KubeEvent] = [:]
                let members: Void? = scanner.members { name, scanner in
                    // Scanned in place (stepping over each Event first to hand its bytes on was a second pass
                    // over most of the part); what the scanner declines is read again through the codec.
                    let start = scanner.index
                    if let event = KubeEvent(scanning: &scanner) {
                        read[String(decoding: name, as: UTF8.self)] = event
                        return true
                    }
                    scanner.rewind(to: start)
                    guard let raw = scanner.rawValue(), let event = try? KubeEvent(stored: raw) else { return false }
                    read[String(decoding: name, as: UTF8.self)] = event
                    return true
                }
                events = read
                return members != nil
            }
            return scanner.skipValue()
        }
        guard read != nil, scanner.atEnd(), let events, let aggregates, let sequence else { return nil }
        return KubeEventState(events: events, aggregates: aggregates, eventSequence: sequence)
    }
}
