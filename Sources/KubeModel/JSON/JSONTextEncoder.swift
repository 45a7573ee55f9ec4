/// An `Encoder` that writes JSON text directly, in `JSONEncoder`'s `[.sortedKeys, .withoutEscapingSlashes]`
/// form. Each value encodes into its own fragment; an object sorts its fields when its parent asks for it.
final class JSONTextEncoder: Encoder {
    /// What one field or element holds: finished text, or a nested encoder still open (nested containers and
    /// super encoders may be written to after they are created).
    enum Fragment {
        case text(String)
        case nested(JSONTextEncoder)

        var resolved: String {
            switch self {
            case .text(let text): text
            case .nested(let encoder): encoder.finish()
            }
        }
    }

    enum Shape {
        case empty
        case single(String)
        case object
        case array
    }

    let codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    private(set) var shape = Shape.empty
    fileprivate var fields: [(key: String, value: Fragment)] = []
    fileprivate var items: [Fragment] = []

    init(codingPath: [any CodingKey]) { self.codingPath = codingPath }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .empty = shape { shape = .object }
        return KeyedEncodingContainer(KeyedContainer(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .empty = shape { shape = .array }
        return UnkeyedContainer(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleContainer(encoder: self) }

    fileprivate func setSingle(_ text: String) { shape = .single(text) }

    /// The finished text. An object's fields are sorted by key (the last write of a key wins).
    func finish() -> String {
        switch shape {
        case .empty: return "{}"
        case .single(let text): return text
        case .array:
            var out = "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += "," }
                out += item.resolved
            }
            return out + "]"
        case .object:
            var sorted = fields
            sorted.sort { $0.key < $1.key }
            var out = "{"
            var index = 0
            var first = true
            while index < sorted.count {
                // Several writes of one key: keep the last, as JSONEncoder's dictionary does.
                var last = index
                while last + 1 < sorted.count, sorted[last + 1].key == sorted[index].key { last += 1 }
                if !first { out += "," }
                first = false
                JSONWriter.quote(sorted[last].key, into: &out)
                out += ":"
                out += sorted[last].value.resolved
                index = last + 1
            }
            return out + "}"
        }
    }

    /// Text for one value: primitives and `JSONValue` trees directly, anything else through a child encoder.
    static func fragment<T: Encodable>(_ value: T, path: @autoclosure () -> [any CodingKey]) throws -> String {
        if T.self == String.self { return JSONWriter.quoted(value as! String) }
        if T.self == Int.self { return String(value as! Int) }
        if T.self == Bool.self { return (value as! Bool) ? "true" : "false" }
        if T.self == JSONValue.self { return JSONCodec.write(value as! JSONValue) }
        if T.self == [String: JSONValue].self { return JSONCodec.write(.object(value as! [String: JSONValue])) }
        if T.self == [JSONValue].self { return JSONCodec.write(.array(value as! [JSONValue])) }
        if T.self == [String: String].self {
            let object = value as! [String: String]
            var out = "{"
            var first = true
            for key in object.keys.sorted() {
                if !first { out += "," }
                first = false
                JSONWriter.quote(key, into: &out)
                out += ":"
                JSONWriter.quote(object[key]!, into: &out)
            }
            return out + "}"
        }
        let child = JSONTextEncoder(codingPath: path())
        try value.encode(to: child)
        return child.finish()
    }
}

extension JSONTextEncoder {
    struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: JSONTextEncoder
        var codingPath: [any CodingKey] { encoder.codingPath }

        private func add(_ key: Key, _ text: String) { encoder.fields.append((key.stringValue, .text(text))) }

        mutating func encodeNil(forKey key: Key) { add(key, "null") }
        mutating func encode(_ value: Bool, forKey key: Key) { add(key, value ? "true" : "false") }
        mutating func encode(_ value: String, forKey key: Key) { add(key, JSONWriter.quoted(value)) }
        mutating func encode(_ value: Double, forKey key: Key) { add(key, JSONWriter.number(value)) }
        mutating func encode(_ value: Float, forKey key: Key) { add(key, JSONWriter.number(value)) }
        mutating func encode(_ value: Int, forKey key: Key) { add(key, String(value)) }
        mutating func encode(_ value: Int8, forKey key: Key) { add(key, String(value)) }
        mutating func encode(_ value: Int16, forKey key: Key) { add(key, String(value)) }
        mutating func encode(_ value: Int32, forKey key: Key) { add(key, String(value)) }
        mutating func encode(_ value: Int64, forKey key: Key) { add(key, String(value)) }
        mutating func encode(_ value: UInt, forKey key: Key) { add(key, String(value)) }
        mutating func encode(_ value: UInt8, forKey key: Key) { add(key, String(value)) }
        mutating func encode(_ value: UInt16, forKey key: Key) { add(key, String(value)) }
        mutating func encode(_ value: UInt32, forKey key: Key) { add(key, String(value)) }
        mutating func encode(_ value: UInt64, forKey key: Key) { add(key, String(value)) }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            add(key, try JSONTextEncoder.fragment(value, path: encoder.codingPath + [key]))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey>
        {
            let child = JSONTextEncoder(codingPath: encoder.codingPath + [key])
            encoder.fields.append((key.stringValue, .nested(child)))
            return child.container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            let child = JSONTextEncoder(codingPath: encoder.codingPath + [key])
            encoder.fields.append((key.stringValue, .nested(child)))
            return child.unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            let child = JSONTextEncoder(codingPath: encoder.codingPath + [JSONKey(stringValue: "super")])
            encoder.fields.append(("super", .nested(child)))
            return child
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            let child = JSONTextEncoder(codingPath: encoder.codingPath + [key])
            encoder.fields.append((key.stringValue, .nested(child)))
            return child
        }
    }

    struct UnkeyedContainer: UnkeyedEncodingContainer {
        let encoder: JSONTextEncoder
        var codingPath: [any CodingKey] { encoder.codingPath }
        var count: Int { encoder.items.count }

        private func add(_ text: String) { encoder.items.append(.text(text)) }
        private var nextPath: [any CodingKey] { encoder.codingPath + [JSONKey(intValue: encoder.items.count)] }

        mutating func encodeNil() { add("null") }
        mutating func encode(_ value: Bool) { add(value ? "true" : "false") }
        mutating func encode(_ value: String) { add(JSONWriter.quoted(value)) }
        mutating func encode(_ value: Double) { add(JSONWriter.number(value)) }
        mutating func encode(_ value: Float) { add(JSONWriter.number(value)) }
        mutating func encode(_ value: Int) { add(String(value)) }
        mutating func encode(_ value: Int8) { add(String(value)) }
        mutating func encode(_ value: Int16) { add(String(value)) }
        mutating func encode(_ value: Int32) { add(String(value)) }
        mutating func encode(_ value: Int64) { add(String(value)) }
        mutating func encode(_ value: UInt) { add(String(value)) }
        mutating func encode(_ value: UInt8) { add(String(value)) }
        mutating func encode(_ value: UInt16) { add(String(value)) }
        mutating func encode(_ value: UInt32) { add(String(value)) }
        mutating func encode(_ value: UInt64) { add(String(value)) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            add(try JSONTextEncoder.fragment(value, path: nextPath))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
            -> KeyedEncodingContainer<NestedKey>
        {
            let child = JSONTextEncoder(codingPath: nextPath)
            encoder.items.append(.nested(child))
            return child.container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            let child = JSONTextEncoder(codingPath: nextPath)
            encoder.items.append(.nested(child))
            return child.unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            let child = JSONTextEncoder(codingPath: nextPath)
            encoder.items.append(.nested(child))
            return child
        }
    }

    struct SingleContainer: SingleValueEncodingContainer {
        let encoder: JSONTextEncoder
        var codingPath: [any CodingKey] { encoder.codingPath }

        mutating func encodeNil() { encoder.setSingle("null") }
        mutating func encode(_ value: Bool) { encoder.setSingle(value ? "true" : "false") }
        mutating func encode(_ value: String) { encoder.setSingle(JSONWriter.quoted(value)) }
        mutating func encode(_ value: Double) { encoder.setSingle(JSONWriter.number(value)) }
        mutating func encode(_ value: Float) { encoder.setSingle(JSONWriter.number(value)) }
        mutating func encode(_ value: Int) { encoder.setSingle(String(value)) }
        mutating func encode(_ value: Int8) { encoder.setSingle(String(value)) }
        mutating func encode(_ value: Int16) { encoder.setSingle(String(value)) }
        mutating func encode(_ value: Int32) { encoder.setSingle(String(value)) }
        mutating func encode(_ value: Int64) { encoder.setSingle(String(value)) }
        mutating func encode(_ value: UInt) { encoder.setSingle(String(value)) }
        mutating func encode(_ value: UInt8) { encoder.setSingle(String(value)) }
        mutating func encode(_ value: UInt16) { encoder.setSingle(String(value)) }
        mutating func encode(_ value: UInt32) { encoder.setSingle(String(value)) }
        mutating func encode(_ value: UInt64) { encoder.setSingle(String(value)) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            encoder.setSingle(try JSONTextEncoder.fragment(value, path: encoder.codingPath))
        }
    }
}
