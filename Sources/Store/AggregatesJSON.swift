import Cluster
import KubeModel

/// The correlator's records as text, by hand: each record's messages in its `stream_aggregates` row (a
/// snapshot's whole-state text is assembled from those rows, `StreamSnapshots.textsFromRows`), and the reading of
/// a snapshot's records without a `JSONValue` tree.
///
/// Through `Encodable` the state was a sixth of a commit's instructions when every commit wrote it whole. The
/// text written here has `StoredJSON.encode`'s escaping, byte for byte (a test holds the two together).
enum AggregatesJSON {
    /// A record's messages as the JSON array of its `stream_aggregates.messages` column.
    static func messagesText(_ messages: [String]) -> String {
        var out: [UInt8] = [UInt8(ascii: "[")]
        for (index, message) in messages.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            JSONCodec.quote(message, into: &out)
        }
        out.append(UInt8(ascii: "]"))
        return String(decoding: out, as: UTF8.self)
    }
}

extension AggregatesJSON {
    /// The messages of a `stream_aggregates.messages` array.
    static func messages(_ text: String) throws -> [String] {
        var text = text
        let scanned = text.withUTF8 { bytes -> [String]? in
            var scanner = JSONScanner(bytes)
            guard let messages = scanner.strings(), scanner.atEnd() else { return nil }
            return messages
        }
        return try scanned ?? StoredJSON.decode([String].self, text)
    }

    /// Reads a snapshot's records (canonical JSON, or any JSON `StoredJSON.decode` reads as the same records)
    /// without a ``JSONValue`` tree: nil for anything unusual, and the caller decodes it the ordinary way.
    ///
    /// A stream's correlator state is a third of its snapshot's Kubernetes Events part; parsed into a tree, it
    /// was a fifth of a point-in-time read of one Deployment.
    static func scan(_ scanner: inout JSONScanner) -> [String: AggregateRecord]? {
        var read: [String: AggregateRecord] = [:]
        let members: Void? = scanner.members { key, scanner in
            guard let record = AggregateRecord(scanning: &scanner) else { return false }
            read[String(decoding: key, as: UTF8.self)] = record
            return true
        }
        return members == nil ? nil : read
    }
}

extension AggregateRecord {
    fileprivate init?(scanning scanner: inout JSONScanner) {
        var messages: [String]?, last: Timestamp?
        let read: Void? = scanner.members { key, scanner in
            if key.equals("lastTimestamp") {
                last = scanner.timestamp()
                return last != nil
            }
            if key.equals("messages") {
                messages = scanner.strings()
                return messages != nil
            }
            return scanner.skipValue()
        }
        guard read != nil, let messages, let last else { return nil }
        self.init(messages: messages, lastTimestamp: last)
    }
}

extension JSONScanner {
    /// An array of strings, or nil (scanner position unspecified) for anything else.
    fileprivate mutating func strings() -> [String]? {
        var list: [String] = []
        let elements: Void? = self.elements { scanner in
            guard let message = scanner.string() else { return false }
            list.append(message)
            return true
        }
        return elements.map { list }
    }
}
