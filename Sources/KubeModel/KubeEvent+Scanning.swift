extension KubeEvent {
    /// Reads an Event straight from JSON bytes, for the common case: plain strings, plain integers, canonical
    /// times. Nil for anything else (an escape, a `null` where a value is required, an unusual time…), and
    /// the caller decodes with ``JSONCodec``, which gives the same value whenever this one answers.
    ///
    /// Kubernetes Events are the most frequent stored events, and building a ``JSONValue`` tree for each
    /// was most of the cost of a full replay.
    public init?(scanning bytes: UnsafeBufferPointer<UInt8>) {
        var scanner = JSONScanner(bytes)
        guard let event = KubeEvent(scanning: &scanner), scanner.atEnd() else { return nil }
        self = event
    }

    /// ``init(scanning:)`` of the Event object at `scanner`'s position, leaving the scanner after it (nil as
    /// there, with the scanner somewhere inside the object).
    public init?(scanning scanner: inout JSONScanner) {
        var name: String?, namespace: String?, type: String?, reason: String?, message: String?, source: String?
        var count: Int?, first: Timestamp?, last: Timestamp?
        var involved: InvolvedObject?
        let read: Void? = scanner.members { key, scanner in
            switch key.count {
            case 4 where key.equals("name"): name = scanner.string(); return name != nil
            case 4 where key.equals("type"): type = scanner.string(); return type != nil
            case 5 where key.equals("count"): count = scanner.int(); return count != nil
            case 6 where key.equals("reason"): reason = scanner.string(); return reason != nil
            case 6 where key.equals("source"): source = scanner.string(); return source != nil
            case 7 where key.equals("message"): message = scanner.string(); return message != nil
            case 9 where key.equals("namespace"): namespace = scanner.string(); return namespace != nil
            case 13 where key.equals("lastTimestamp"): last = scanner.timestamp(); return last != nil
            case 14 where key.equals("firstTimestamp"): first = scanner.timestamp(); return first != nil
            case 14 where key.equals("involvedObject"): involved = InvolvedObject(scanning: &scanner); return involved != nil
            default: return scanner.skipValue()
            }
        }
        guard read != nil, let name, let namespace, let involved, let type, let reason, let message,
            let source, let count, let first, let last
        else { return nil }
        self.init(name: name, namespace: namespace, involvedObject: involved, type: type, reason: reason,
                  message: message, source: source, count: count, firstTimestamp: first, lastTimestamp: last)
    }
}

extension KubeEvent.InvolvedObject {
    init?(scanning scanner: inout JSONScanner) {
        var kind: String?, namespace: String?, name: String?, uid: String?, apiVersion: String?
        var fieldPath: String??
        let read: Void? = scanner.members { key, scanner in
            switch key.count {
            case 3 where key.equals("uid"): uid = scanner.string(); return uid != nil
            case 4 where key.equals("kind"): kind = scanner.string(); return kind != nil
            case 4 where key.equals("name"): name = scanner.string(); return name != nil
            case 9 where key.equals("namespace"): namespace = scanner.string(); return namespace != nil
            case 9 where key.equals("fieldPath"):
                // `decodeIfPresent`: null reads as absent.
                if scanner.takeNull() { fieldPath = .some(nil); return true }
                fieldPath = scanner.string().map { .some($0) }
                return fieldPath != nil
            case 10 where key.equals("apiVersion"): apiVersion = scanner.string(); return apiVersion != nil
            default: return scanner.skipValue()
            }
        }
        guard read != nil, let kind, let namespace, let name, let uid, let apiVersion else { return nil }
        self.init(kind: kind, namespace: namespace, name: name, uid: uid, apiVersion: apiVersion,
                  fieldPath: fieldPath ?? nil)
    }
}

extension JSONScanner {
    /// A time in Rollbook's canonical form (`2026-11-26T15:08:07Z`); nil for any other.
    public mutating func timestamp() -> Timestamp? {
        rawString().flatMap(Timestamp.canonicalSeconds).map(Timestamp.init(seconds:))
    }
}
