/// The fast `Encoder` behind ``JSONCodec/encode(_:)``: every value appends UTF-8 to one shared buffer. An object
/// writes its fields as they come (`"key":value`, no commas) and, once its `encode(to:)` returns, rewrites its
/// own region with the fields sorted by key and joined by commas, so nothing is built per field but bytes.
///
/// Nested containers (`nestedContainer`, `superEncoder`) can interleave writes to two objects, which one
/// buffer cannot hold; no Rollbook type uses them, so the encoder notes it and ``JSONCodec`` encodes that value
/// again with ``JSONTextEncoder``.
final class JSONBufferEncoder: Encoder {
    /// The bytes written so far, shared by every encoder of one document.
    final class Sink {
        var bytes: [UInt8] = []
        var needsFallback = false
        /// Reused by every object's close, so sorting fields allocates nothing per object.
        var scratch: [UInt8] = []

        init() { bytes.reserveCapacity(1024) }
    }

    private enum Shape {
        case empty, single, object, array
    }

    let sink: Sink
    /// The coding path is kept as a parent link and a key, and built only when asked for (errors): building
    /// an array for every nested value was a tenth of encoding.
    private let parent: JSONBufferEncoder?
    private let key: (any CodingKey)?
    private let basePath: [any CodingKey]
    var codingPath: [any CodingKey] {
        var keys: [any CodingKey] = []
        var node: JSONBufferEncoder? = self
        while let current = node {
            if let key = current.key { keys.append(key) }
            if current.parent == nil { return current.basePath + keys.reversed() }
            node = current.parent
        }
        return keys.reversed()
    }
    var userInfo: [CodingUserInfoKey: Any] { [:] }
    private var shape = Shape.empty
    /// Where this object's `{` or this array's `[` was written.
    private var start = 0
    /// The object's fields as written: key, and the offset of the `"key":value` segment.
    fileprivate var fields: [(key: String, offset: Int)] = []
    fileprivate var elements = 0

    init(sink: Sink, codingPath: [any CodingKey]) {
        self.sink = sink
        parent = nil
        key = nil
        basePath = codingPath
    }

    private init(sink: Sink, parent: JSONBufferEncoder?, key: (any CodingKey)?) {
        self.sink = sink
        self.parent = parent
        self.key = key
        basePath = []
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        switch shape {
        case .empty:
            shape = .object
            start = sink.bytes.count
            sink.bytes.append(UInt8(ascii: "{"))
        case .object:
            break
        case .single, .array:
            sink.needsFallback = true
        }
        return KeyedEncodingContainer(KeyedContainer(encoder: self))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        switch shape {
        case .empty:
            shape = .array
            start = sink.bytes.count
            sink.bytes.append(UInt8(ascii: "["))
        case .array:
            break
        case .single, .object:
            sink.needsFallback = true
        }
        return UnkeyedContainer(encoder: self)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer { SingleContainer(encoder: self) }

    /// Marks a single value about to be written; a second one would be a second value in the same place.
    fileprivate func beginSingle() {
        if case .empty = shape { shape = .single } else { sink.needsFallback = true }
    }

    /// Finishes this value: closes an array, sorts and closes an object, writes `{}` for nothing.
    func close() {
        switch shape {
        case .empty:
            sink.bytes.append(UInt8(ascii: "{"))
            sink.bytes.append(UInt8(ascii: "}"))
        case .single:
            break
        case .array:
            sink.bytes.append(UInt8(ascii: "]"))
        case .object:
            closeObject()
        }
    }

    private func closeObject() {
        let end = sink.bytes.count
        guard !fields.isEmpty else {
            sink.bytes.append(UInt8(ascii: "}"))
            return
        }
        var sorted = true
        for index in 1..<fields.count where !(fields[index - 1].key < fields[index].key) {
            sorted = false
            break
        }
        // Segment i runs from fields[i].offset to the next segment's offset (or the end), in writing order.
        var segments: [(key: String, range: Range<Int>)] = []
        segments.reserveCapacity(fields.count)
        for (index, field) in fields.enumerated() {
            let upper = index + 1 < fields.count ? fields[index + 1].offset : end
            segments.append((field.key, field.offset..<upper))
        }
        if !sorted {
            // Stable, so the last write of a repeated key stays last.
            segments = segments.enumerated().sorted { lhs, rhs in
                lhs.element.key == rhs.element.key ? lhs.offset < rhs.offset : lhs.element.key < rhs.element.key
            }.map(\.element)
        }
        let base = start + 1
        sink.scratch.removeAll(keepingCapacity: true)
        sink.scratch.append(contentsOf: sink.bytes[base..<end])
        sink.bytes.removeSubrange(base...)
        var first = true
        for (index, segment) in segments.enumerated() {
            // Several writes of one key: keep the last, as JSONEncoder's dictionary does.
            if index + 1 < segments.count, segments[index + 1].key == segment.key { continue }
            if !first { sink.bytes.append(UInt8(ascii: ",")) }
            first = false
            sink.bytes.append(
                contentsOf: sink.scratch[(segment.range.lowerBound - base)..<(segment.range.upperBound - base)])
        }
        sink.bytes.append(UInt8(ascii: "}"))
    }

    /// Appends one value: primitives, `JSONValue` trees and ``CanonicalJSONWritable`` types directly, anything
    /// else through a child encoder.
    static func write<T: Encodable>(_ value: T, sink: Sink, parent: JSONBufferEncoder?, key: (any CodingKey)?) throws {
        if T.self == String.self { return JSONBytes.quote(value as! String, into: &sink.bytes) }
        if T.self == Int.self { return JSONBytes.append(value as! Int, into: &sink.bytes) }
        if T.self == Bool.self { return JSONBytes.append((value as! Bool) ? "true" : "false", into: &sink.bytes) }
        if T.self == JSONValue.self { return JSONBytes.write(value as! JSONValue, into: &sink.bytes) }
        if T.self == [String: JSONValue].self { return JSONBytes.write(object: value as! [String: JSONValue], into: &sink.bytes) }
        if T.self == [String: String].self { return JSONBytes.write(strings: value as! [String: String], into: &sink.bytes) }
        if let writer = canonicalWriters[ObjectIdentifier(T.self)] {
            var json = CanonicalJSON()
            swap(&json.bytes, &sink.bytes)
            withUnsafePointer(to: value) { writer(UnsafeRawPointer($0), &json) }
            swap(&json.bytes, &sink.bytes)
            return
        }
        let child = JSONBufferEncoder(sink: sink, parent: parent, key: key)
        try value.encode(to: child)
        child.close()
    }
}

extension JSONBufferEncoder {
    /// Writes the value at a pointer to a known ``CanonicalJSONWritable`` type.
    typealias CanonicalWriter = @Sendable (UnsafeRawPointer, inout CanonicalJSON) -> Void

    /// The ``CanonicalJSONWritable`` types that reach the encoder as fields of `Encodable` values (event
    /// payloads, stream states), by type. Asking the runtime instead (`value as? any CanonicalJSONWritable`)
    /// searched the binary's whole conformance table the first time for each type, hit or miss: ~110k
    /// instructions a type, 6 M of a 46 M-instruction `rollbook scale`. A type left out is encoded through
    /// `Encodable`, to the same text (`CanonicalJSONTests`), only slower.
    static let canonicalWriters: [ObjectIdentifier: CanonicalWriter] = {
        func entry<W: CanonicalJSONWritable>(_: W.Type) -> (ObjectIdentifier, CanonicalWriter) {
            (ObjectIdentifier(W.self), { pointer, json in pointer.assumingMemoryBound(to: W.self).pointee.write(to: &json) })
        }
        return Dictionary(uniqueKeysWithValues: [
            entry(Deployment.self), entry(DeploymentSpec.self), entry(DeploymentStrategy.self),
            entry(RollingUpdateDeployment.self), entry(DeploymentStatus.self), entry(DeploymentCondition.self),
            entry(ReplicaSet.self), entry(ReplicaSetSpec.self), entry(ReplicaSetStatus.self),
            entry(ReplicaSetCondition.self), entry(Pod.self), entry(PodStatus.self), entry(PodIP.self),
            entry(PodCondition.self), entry(ContainerStatus.self), entry(ContainerState.self),
            entry(ContainerState.Waiting.self), entry(ContainerState.Running.self), entry(ContainerState.Terminated.self),
            entry(ObjectMeta.self), entry(OwnerReference.self), entry(LabelSelector.self),
            entry(LabelSelector.Requirement.self), entry(PodTemplateSpec.self), entry(TemplateMetadata.self),
            entry(PodSpec.self), entry(Timestamp.self), entry(IntOrString.self),
            entry([String].self), entry([OwnerReference].self), entry([PodCondition].self),
            entry([DeploymentCondition].self), entry([ReplicaSetCondition].self), entry([ContainerStatus].self),
        ])
    }()

    struct KeyedContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
        let encoder: JSONBufferEncoder
        var codingPath: [any CodingKey] { encoder.codingPath }
        private var sink: Sink { encoder.sink }

        private func key(_ key: Key) {
            let name = key.stringValue
            encoder.fields.append((name, sink.bytes.count))
            JSONBytes.quote(name, into: &sink.bytes)
            sink.bytes.append(UInt8(ascii: ":"))
        }

        private func add(_ key: Key, _ text: StaticString) {
            self.key(key)
            JSONBytes.append(text, into: &sink.bytes)
        }

        private func add<I: BinaryInteger>(_ key: Key, integer: I) {
            self.key(key)
            JSONBytes.append(contentsOf: String(integer), into: &sink.bytes)
        }

        mutating func encodeNil(forKey key: Key) { add(key, "null") }
        mutating func encode(_ value: Bool, forKey key: Key) { add(key, value ? "true" : "false") }
        mutating func encode(_ value: String, forKey key: Key) {
            self.key(key)
            JSONBytes.quote(value, into: &sink.bytes)
        }
        mutating func encode(_ value: Double, forKey key: Key) {
            self.key(key)
            JSONBytes.append(contentsOf: JSONWriter.number(value), into: &sink.bytes)
        }
        mutating func encode(_ value: Float, forKey key: Key) {
            self.key(key)
            JSONBytes.append(contentsOf: JSONWriter.number(value), into: &sink.bytes)
        }
        mutating func encode(_ value: Int, forKey key: Key) {
            self.key(key)
            JSONBytes.append(value, into: &sink.bytes)
        }
        mutating func encode(_ value: Int8, forKey key: Key) { add(key, integer: value) }
        mutating func encode(_ value: Int16, forKey key: Key) { add(key, integer: value) }
        mutating func encode(_ value: Int32, forKey key: Key) { add(key, integer: value) }
        mutating func encode(_ value: Int64, forKey key: Key) { add(key, integer: value) }
        mutating func encode(_ value: UInt, forKey key: Key) { add(key, integer: value) }
        mutating func encode(_ value: UInt8, forKey key: Key) { add(key, integer: value) }
        mutating func encode(_ value: UInt16, forKey key: Key) { add(key, integer: value) }
        mutating func encode(_ value: UInt32, forKey key: Key) { add(key, integer: value) }
        mutating func encode(_ value: UInt64, forKey key: Key) { add(key, integer: value) }

        mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
            self.key(key)
            try JSONBufferEncoder.write(value, sink: sink, parent: encoder, key: key)
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
            -> KeyedEncodingContainer<NestedKey>
        {
            sink.needsFallback = true
            return JSONBufferEncoder(sink: Sink(), codingPath: codingPath + [key]).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
            sink.needsFallback = true
            return JSONBufferEncoder(sink: Sink(), codingPath: codingPath + [key]).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            sink.needsFallback = true
            return JSONBufferEncoder(sink: Sink(), codingPath: codingPath)
        }

        mutating func superEncoder(forKey key: Key) -> any Encoder {
            sink.needsFallback = true
            return JSONBufferEncoder(sink: Sink(), codingPath: codingPath + [key])
        }
    }

    struct UnkeyedContainer: UnkeyedEncodingContainer {
        let encoder: JSONBufferEncoder
        var codingPath: [any CodingKey] { encoder.codingPath }
        var count: Int { encoder.elements }
        private var sink: Sink { encoder.sink }

        private func next() {
            if encoder.elements > 0 { sink.bytes.append(UInt8(ascii: ",")) }
            encoder.elements += 1
        }

        private func add(_ text: StaticString) {
            next()
            JSONBytes.append(text, into: &sink.bytes)
        }

        private func add<I: BinaryInteger>(integer: I) {
            next()
            JSONBytes.append(contentsOf: String(integer), into: &sink.bytes)
        }

        mutating func encodeNil() { add("null") }
        mutating func encode(_ value: Bool) { add(value ? "true" : "false") }
        mutating func encode(_ value: String) {
            next()
            JSONBytes.quote(value, into: &sink.bytes)
        }
        mutating func encode(_ value: Double) {
            next()
            JSONBytes.append(contentsOf: JSONWriter.number(value), into: &sink.bytes)
        }
        mutating func encode(_ value: Float) {
            next()
            JSONBytes.append(contentsOf: JSONWriter.number(value), into: &sink.bytes)
        }
        mutating func encode(_ value: Int) {
            next()
            JSONBytes.append(value, into: &sink.bytes)
        }
        mutating func encode(_ value: Int8) { add(integer: value) }
        mutating func encode(_ value: Int16) { add(integer: value) }
        mutating func encode(_ value: Int32) { add(integer: value) }
        mutating func encode(_ value: Int64) { add(integer: value) }
        mutating func encode(_ value: UInt) { add(integer: value) }
        mutating func encode(_ value: UInt8) { add(integer: value) }
        mutating func encode(_ value: UInt16) { add(integer: value) }
        mutating func encode(_ value: UInt32) { add(integer: value) }
        mutating func encode(_ value: UInt64) { add(integer: value) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            next()
            try JSONBufferEncoder.write(value, sink: sink, parent: encoder, key: IndexKey(index: encoder.elements - 1))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type)
            -> KeyedEncodingContainer<NestedKey>
        {
            sink.needsFallback = true
            return JSONBufferEncoder(sink: Sink(), codingPath: codingPath).container(keyedBy: keyType)
        }

        mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
            sink.needsFallback = true
            return JSONBufferEncoder(sink: Sink(), codingPath: codingPath).unkeyedContainer()
        }

        mutating func superEncoder() -> any Encoder {
            sink.needsFallback = true
            return JSONBufferEncoder(sink: Sink(), codingPath: codingPath)
        }
    }

    struct SingleContainer: SingleValueEncodingContainer {
        let encoder: JSONBufferEncoder
        var codingPath: [any CodingKey] { encoder.codingPath }
        private var sink: Sink { encoder.sink }

        private func add(_ text: StaticString) {
            encoder.beginSingle()
            JSONBytes.append(text, into: &sink.bytes)
        }

        private func add<I: BinaryInteger>(integer: I) {
            encoder.beginSingle()
            JSONBytes.append(contentsOf: String(integer), into: &sink.bytes)
        }

        mutating func encodeNil() { add("null") }
        mutating func encode(_ value: Bool) { add(value ? "true" : "false") }
        mutating func encode(_ value: String) {
            encoder.beginSingle()
            JSONBytes.quote(value, into: &sink.bytes)
        }
        mutating func encode(_ value: Double) {
            encoder.beginSingle()
            JSONBytes.append(contentsOf: JSONWriter.number(value), into: &sink.bytes)
        }
        mutating func encode(_ value: Float) {
            encoder.beginSingle()
            JSONBytes.append(contentsOf: JSONWriter.number(value), into: &sink.bytes)
        }
        mutating func encode(_ value: Int) {
            encoder.beginSingle()
            JSONBytes.append(value, into: &sink.bytes)
        }
        mutating func encode(_ value: Int8) { add(integer: value) }
        mutating func encode(_ value: Int16) { add(integer: value) }
        mutating func encode(_ value: Int32) { add(integer: value) }
        mutating func encode(_ value: Int64) { add(integer: value) }
        mutating func encode(_ value: UInt) { add(integer: value) }
        mutating func encode(_ value: UInt8) { add(integer: value) }
        mutating func encode(_ value: UInt16) { add(integer: value) }
        mutating func encode(_ value: UInt32) { add(integer: value) }
        mutating func encode(_ value: UInt64) { add(integer: value) }

        mutating func encode<T: Encodable>(_ value: T) throws {
            encoder.beginSingle()
            try JSONBufferEncoder.write(value, sink: sink, parent: encoder.parent, key: encoder.key)
        }
    }
}

/// An array position in a coding path; its text is built only if an error asks for it.
private struct IndexKey: CodingKey {
    let index: Int
    var stringValue: String { "Index \(index)" }
    var intValue: Int? { index }
    init(index: Int) { self.index = index }
    init?(stringValue: String) { nil }
    init?(intValue: Int) { index = intValue }
}

/// Byte-level writing helpers shared by ``JSONBufferEncoder``: the same text as ``JSONWriter``.
enum JSONBytes {
    static func append(_ text: StaticString, into out: inout [UInt8]) {
        out.append(contentsOf: UnsafeBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    static func append(contentsOf text: String, into out: inout [UInt8]) {
        out.append(contentsOf: text.utf8)
    }

    static func append(_ value: Int, into out: inout [UInt8]) {
        if value >= 0 && value < 10 {
            out.append(UInt8(ascii: "0") + UInt8(value))
            return
        }
        out.append(contentsOf: String(value).utf8)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    static func quote(_ string: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var string = string
        string.withUTF8 { bytes in
            var runStart = 0
            var index = firstSpecial(in: bytes, from: 0)
            while index < bytes.count {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                out.append(UInt8(ascii: "\\"))
                let byte = bytes[index]
                switch byte {
                case UInt8(ascii: "\""): out.append(UInt8(ascii: "\""))
                case UInt8(ascii: "\\"): out.append(UInt8(ascii: "\\"))
                case 0x08: out.append(UInt8(ascii: "b"))
                case 0x0C: out.append(UInt8(ascii: "f"))
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                default:
                    out.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                    out.append(hexDigits[Int(byte >> 4)])
                    out.append(hexDigits[Int(byte & 0x0F)])
                }
                runStart = index + 1
                index = firstSpecial(in: bytes, from: runStart)
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
        }
        out.append(UInt8(ascii: "\""))
    }

    static func write(_ value: JSONValue, into out: inout [UInt8]) {
        switch value {
        case .null: append("null", into: &out)
        case .bool(let value): append(value ? "true" : "false", into: &out)
        case .int(let value): append(value, into: &out)
        case .double(let value): append(contentsOf: JSONWriter.number(value), into: &out)
        case .string(let value): quote(value, into: &out)
        case .array(let values):
            out.append(UInt8(ascii: "["))
            for (index, value) in values.enumerated() {
                if index > 0 { out.append(UInt8(ascii: ",")) }
                write(value, into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let object): write(object: object, into: &out)
        }
    }

    static func write(object: [String: JSONValue], into out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        var first = true
        for key in object.keys.sorted() {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            quote(key, into: &out)
            out.append(UInt8(ascii: ":"))
            write(object[key]!, into: &out)
        }
        out.append(UInt8(ascii: "}"))
    }

    static func write(strings: [String: String], into out: inout [UInt8]) {
        out.append(UInt8(ascii: "{"))
        var first = true
        for key in strings.keys.sorted() {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            quote(key, into: &out)
            out.append(UInt8(ascii: ":"))
            quote(strings[key]!, into: &out)
        }
        out.append(UInt8(ascii: "}"))
    }
}
