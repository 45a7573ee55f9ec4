/// Rollbook's JSON codec for stored payloads and objects: the same text as Foundation's `JSONEncoder` with
/// `[.sortedKeys, .withoutEscapingSlashes]`, and the same values as `JSONDecoder`, several times faster.
///
/// Foundation's coders dominated every path that touches the store: `JSONValue` subtrees (pod specs) can only
/// be decoded through `Decoder` by trial and error, each failed guess throwing. Here text is parsed once
/// into a ``JSONValue`` tree by a byte-level parser, typed values are decoded from that tree (a `JSONValue`
/// field takes its subtree as it is), and encoding writes text directly, sorting each object's keys.
///
/// ```swift
/// let text = try JSONCodec.encode(pod)                 // == JSONEncoder(sortedKeys, withoutEscapingSlashes)
/// let back = try JSONCodec.decode(Pod.self, from: text) // == JSONDecoder().decode(Pod.self, ...)
/// ```
///
/// Numbers keep `JSONDecoder`'s reading as `JSONValue` used it: an integral value that fits `Int` is
/// ``JSONValue/int(_:)`` (`1.0` and `1e3` included), anything else ``JSONValue/double(_:)``.
public enum JSONCodec {
    /// Parses one JSON document (RFC 8259; surrounding whitespace allowed).
    public static func parse(_ text: String) throws -> JSONValue {
        var text = text
        return try text.withUTF8 { try JSONParser.parse($0) }
    }

    /// Parses one JSON document from UTF-8 bytes.
    public static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws -> JSONValue {
        try JSONParser.parse(bytes)
    }

    /// Compact JSON with keys sorted, escaped as `JSONEncoder` escapes (slashes left alone).
    public static func write(_ value: JSONValue) -> String {
        var out: [UInt8] = []
        JSONBytes.write(value, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    /// Encodes a value exactly as `JSONEncoder` with `[.sortedKeys, .withoutEscapingSlashes]` would.
    public static func encode<T: Encodable>(_ value: T) throws -> String {
        let sink = JSONBufferEncoder.Sink()
        try JSONBufferEncoder.write(value, sink: sink, parent: nil, key: nil)
        if !sink.needsFallback { return String(decoding: sink.bytes, as: UTF8.self) }
        // A value that uses nested containers: the slower encoder that keeps every container open.
        let encoder = JSONTextEncoder(codingPath: [])
        try value.encode(to: encoder)
        return encoder.finish()
    }

    /// A JSON string literal for `string`, escaped as ``encode(_:)`` escapes it (for hand-written objects).
    public static func quoted(_ string: String) -> String {
        JSONWriter.quoted(string)
    }

    /// Appends ``quoted(_:)``'s literal to `out`, for objects written by hand as bytes.
    public static func quote(_ string: String, into out: inout [UInt8]) {
        JSONBytes.quote(string, into: &out)
    }

    /// Decodes a value from JSON text, as `JSONDecoder` would.
    public static func decode<T: Decodable>(_ type: T.Type, from text: String) throws -> T {
        try decode(type, from: parse(text))
    }

    /// Decodes a typed value from a parsed tree.
    public static func decode<T: Decodable>(_ type: T.Type, from value: JSONValue) throws -> T {
        if T.self == JSONValue.self { return value as! T }
        if let read = JSONTreeDecoder.read(value, as: T.self) { return read }
        return try T(from: JSONTreeDecoder(value: value, node: .root))
    }
}

/// A malformed document; `offset` is the byte where parsing stopped.
public struct JSONSyntaxError: Error, CustomStringConvertible {
    public var offset: Int
    public var reason: String

    public var description: String { "invalid JSON at byte \(offset): \(reason)" }
}
