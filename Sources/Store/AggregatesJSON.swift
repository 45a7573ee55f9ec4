import Cluster
import KubeModel

/// The `streams.aggregates` text, written by hand.
///
/// Nearly every command records a Kubernetes Event, so every commit rewrites its stream's correlator state
/// (a few KB); through `Encodable` that was a sixth of a commit's instructions, and through a `JSONValue` tree
/// still a tenth (a dictionary per record). It is written here with the same sorted keys and escaping, so the
/// text is byte-for-byte `StoredJSON.encode(aggregates)`'s (a test holds the two together).
enum AggregatesJSON {
    static func text(_ aggregates: [String: AggregateRecord]) -> String {
        var out: [UInt8] = []
        write(aggregates, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private static func write(_ aggregates: [String: AggregateRecord], into out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        var first = true
        for key in aggregates.keys.sorted() {
            let record = aggregates[key]!
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            JSONCodec.quote(key, into: &out)
            out += #":{"lastTimestamp":"#.utf8
            JSONCodec.quote(record.lastTimestamp.description, into: &out)
            out += #","messages":["#.utf8
            for (index, message) in record.messages.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                JSONCodec.quote(message, into: &out)
            }
            out += "]}".utf8
        }
        out.append(UInt8(ascii: "}"))
    }
}

extension AggregatesJSON {
    /// The records of a `streams.aggregates` text, as `StoredJSON.decode` reads them.
    static func read(_ text: String) throws -> [String: AggregateRecord] {
        var text = text
        let scanned = text.withUTF8 { bytes -> [String: AggregateRecord]? in
            var scanner = JSONScanner(bytes)
            guard let records = scan(&scanner), scanner.atEnd() else { return nil }
            return records
        }
        return try scanned ?? StoredJSON.decode([String: AggregateRecord].self, text)
    }

    /// Reads the text ``text(_:)`` writes (or any JSON `StoredJSON.decode` reads as the same records) without a
    /// ``JSONValue`` tree: nil for anything unusual, and the caller decodes it the ordinary way.
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
                var list: [String] = []
                let elements: Void? = scanner.elements { scanner in
                    guard let message = scanner.string() else { return false }
                    list.append(message)
                    return true
                }
                messages = elements.map { list }
                return messages != nil
            }
            return scanner.skipValue()
        }
        guard read != nil, let messages, let last else { return nil }
        self.init(messages: messages, lastTimestamp: last)
    }
}
