/// A type that writes its canonical JSON by hand: exactly the text ``JSONCodec/encode(_:)`` makes of its
/// `Encodable` form, without the `Encoder` protocol's per-field boxing and key sorting, which was most of a
/// commit's time (every Pod, ReplicaSet and Deployment a command touches is written to its projection row,
/// and the event payloads carry them too). `CanonicalJSONTests` holds each type's text to `JSONEncoder`'s.
public protocol CanonicalJSONWritable: Encodable {
    /// Appends this value's JSON. An object's fields must be written in ascending key order, as the
    /// encoder sorts them; debug builds check it.
    func write(to json: inout CanonicalJSON)
}

/// The bytes of a canonical JSON document being written, and whether the current object needs a comma.
public struct CanonicalJSON {
    public var bytes: [UInt8]
    private var needsComma = false
    #if DEBUG
        private var lastKey: String?
    #endif

    public init(bytes: [UInt8] = []) { self.bytes = bytes }

    /// `{...}` around `body`'s fields.
    public mutating func object(_ body: (inout CanonicalJSON) -> Void) {
        bytes.append(UInt8(ascii: "{"))
        let outer = needsComma
        needsComma = false
        #if DEBUG
            let outerKey = lastKey
            lastKey = nil
        #endif
        body(&self)
        needsComma = outer
        #if DEBUG
            lastKey = outerKey
        #endif
        bytes.append(UInt8(ascii: "}"))
    }

    /// `"key":value`, or nothing for nil (as `encodeIfPresent` and synthesized `Encodable` do).
    public mutating func field<T: CanonicalJSONWritable>(_ key: StaticString, _ value: T?) {
        guard let value else { return }
        self.key(key)
        value.write(to: &self)
    }

    /// A Kubernetes object: its five top-level fields, in key order.
    public mutating func resource<Spec: CanonicalJSONWritable, Status: CanonicalJSONWritable>(
        apiVersion: String, kind: String, metadata: ObjectMeta, spec: Spec, status: Status
    ) {
        object { json in
            json.field("apiVersion", apiVersion)
            json.field("kind", kind)
            json.field("metadata", metadata)
            json.field("spec", spec)
            json.field("status", status)
        }
    }

    /// `"key":null`, for the fields Kubernetes shows as null.
    public mutating func null(_ key: StaticString) {
        self.key(key)
        JSONBytes.append("null", into: &bytes)
    }

    private mutating func key(_ key: StaticString) {
        #if DEBUG
            let name = key.description
            if let lastKey { assert(lastKey < name, "canonical JSON keys out of order: \(lastKey), \(name)") }
            lastKey = name
        #endif
        if needsComma { bytes.append(UInt8(ascii: ",")) }
        needsComma = true
        bytes.append(UInt8(ascii: "\""))
        JSONBytes.append(key, into: &bytes)
        bytes.append(UInt8(ascii: "\""))
        bytes.append(UInt8(ascii: ":"))
    }
}

extension CanonicalJSONWritable {
    /// This value's canonical JSON text.
    public var canonicalJSONText: String {
        var json = CanonicalJSON()
        write(to: &json)
        return String(decoding: json.bytes, as: UTF8.self)
    }
}

extension String: CanonicalJSONWritable {
    public func write(to json: inout CanonicalJSON) { JSONBytes.quote(self, into: &json.bytes) }
}

extension Int: CanonicalJSONWritable {
    public func write(to json: inout CanonicalJSON) { JSONBytes.append(self, into: &json.bytes) }
}

extension Bool: CanonicalJSONWritable {
    public func write(to json: inout CanonicalJSON) { JSONBytes.append(self ? "true" : "false", into: &json.bytes) }
}

extension JSONValue: CanonicalJSONWritable {
    public func write(to json: inout CanonicalJSON) { JSONBytes.write(self, into: &json.bytes) }
}

extension Dictionary: CanonicalJSONWritable where Key == String, Value == String {
    public func write(to json: inout CanonicalJSON) { JSONBytes.write(strings: self, into: &json.bytes) }
}

extension Array: CanonicalJSONWritable where Element: CanonicalJSONWritable {
    public func write(to json: inout CanonicalJSON) {
        json.bytes.append(UInt8(ascii: "["))
        for (index, element) in enumerated() {
            if index > 0 { json.bytes.append(UInt8(ascii: ",")) }
            element.write(to: &json)
        }
        json.bytes.append(UInt8(ascii: "]"))
    }
}

extension Timestamp: CanonicalJSONWritable {
    public func write(to json: inout CanonicalJSON) { JSONBytes.quote(description, into: &json.bytes) }
}

extension IntOrString: CanonicalJSONWritable {
    public func write(to json: inout CanonicalJSON) {
        switch self {
        case .int(let value): value.write(to: &json)
        case .string(let value): value.write(to: &json)
        }
    }
}
