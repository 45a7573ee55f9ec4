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
