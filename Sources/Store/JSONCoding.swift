import Cluster
import KubeModel

/// Canonical JSON for stored objects: sorted keys, so identical state gives identical bytes. The text is
/// `JSONEncoder`'s (`[.sortedKeys, .withoutEscapingSlashes]`), written and read by ``JSONCodec``.
enum StoredJSON {
    static func encode(_ value: some Encodable) throws -> String {
        try JSONCodec.encode(value)
    }

    /// Events are most of a store's objects; their hand-written form is the same text, much faster.
    static func encode(_ event: KubeEvent) -> String {
        event.canonicalJSON
    }

    /// A revision record around its template's JSON (which a replay writes in its own column too): the
    /// same text as encoding the record, without encoding the template twice.
    static func encode(_ record: RevisionRecord, template: String) -> String {
        var out = "{"
        if let cause = record.changeCause { out += #""changeCause":"# + JSONCodec.quoted(cause) + "," }
        out += #""replicaSet":"# + JSONCodec.quoted(record.replicaSet)
        out += #","revision":"# + String(record.revision) + #","sequence":"# + String(record.sequence)
        out += #","template":"# + template + #","time":"# + JSONCodec.quoted(record.time.description) + "}"
        return out
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONCodec.decode(T.self, from: text)
    }

    /// ``decode(_:_:)`` of UTF-8 bytes.
    static func decode<T: Decodable>(_ type: T.Type, _ bytes: [UInt8]) throws -> T {
        try JSONCodec.decode(T.self, from: bytes.withUnsafeBufferPointer { try JSONCodec.parse($0) })
    }
}
