import KubeModel

/// Canonical JSON for stored objects: sorted keys, so identical state gives identical bytes. The text is
/// `JSONEncoder`'s (`[.sortedKeys, .withoutEscapingSlashes]`), written and read by ``JSONCodec``.
enum StoredJSON {
    static func encode(_ value: some Encodable) throws -> String {
        try JSONCodec.encode(value)
    }

    static func decode<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONCodec.decode(T.self, from: text)
    }
}
