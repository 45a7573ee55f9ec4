/// A type read straight from a parsed ``JSONValue`` tree, without the `Decoder` machinery: stored objects are
/// read on every command and every point-in-time read, and through `Decodable` each one cost generic container
/// instantiations (whose first use makes the runtime scan every protocol conformance in the binary) and
/// thousands of dynamic calls.
///
/// A reader is strict: it accepts only what the type's `Decodable` conformance reads to the same value, and
/// throws for anything else (a fraction where an `Int` goes, a missing required key). ``JSONCodec`` and
/// `JSONTreeDecoder` then decode that value with `Decodable`, which accepts it or throws its precise error, so
/// what is decoded and every error message stay as they were.
public protocol JSONTreeReadable {
    init(reading json: JSONValue) throws
}

/// What a reader throws to hand the value back to `Decodable`.
public struct JSONTreeMismatch: Error {
    public init() {}
}

extension JSONTreeReadable {
    /// Reads `json`, or nil when the reader declines it.
    static func readIfExact(_ json: JSONValue) -> Self? { try? Self(reading: json) }
}

/// The fields of one JSON object, as `JSONTreeDecoder`'s keyed container gives them: a missing key or `null`
/// is nil for ``optional(_:)``; ``required(_:)`` wants the key.
public struct JSONFields {
    let object: [String: JSONValue]

    public init(_ json: JSONValue) throws {
        guard case .object(let object) = json else { throw JSONTreeMismatch() }
        self.object = object
    }

    public func optional<T: JSONTreeReadable>(_ key: String) throws -> T? {
        switch object[key] {
        case nil, .null?: return nil
        case let value?: return try T(reading: value)
        }
    }

    public func required<T: JSONTreeReadable>(_ key: String) throws -> T {
        guard let value = object[key] else { throw JSONTreeMismatch() }
        return try T(reading: value)
    }

    /// A required field of a type without a reader, through its `Decodable` conformance.
    public func decoded<T: Decodable>(_ key: String) throws -> T {
        guard let value = object[key] else { throw JSONTreeMismatch() }
        return try JSONCodec.decode(T.self, from: value)
    }

    /// The five fields of a top-level object (Deployment, ReplicaSet, Pod), all required as their synthesized
    /// `Decodable` conformances require them.
    func resource<Spec: JSONTreeReadable, Status: JSONTreeReadable>() throws
        -> (apiVersion: String, kind: String, metadata: ObjectMeta, spec: Spec, status: Status)
    {
        (try required("apiVersion"), try required("kind"), try required("metadata"), try required("spec"),
         try required("status"))
    }
}

extension String: JSONTreeReadable {
    public init(reading json: JSONValue) throws {
        guard case .string(let string) = json else { throw JSONTreeMismatch() }
        self = string
    }
}

extension Int: JSONTreeReadable {
    /// `.int` only: the parser makes every integral number that fits one an `.int`, so a `.double` here is a
    /// fraction or out of range, which `Decodable` rejects too (with its own error, through the fallback).
    public init(reading json: JSONValue) throws {
        guard case .int(let int) = json else { throw JSONTreeMismatch() }
        self = int
    }
}

extension Bool: JSONTreeReadable {
    public init(reading json: JSONValue) throws {
        guard case .bool(let bool) = json else { throw JSONTreeMismatch() }
        self = bool
    }
}

extension Array: JSONTreeReadable where Element: JSONTreeReadable {
    public init(reading json: JSONValue) throws {
        guard case .array(let array) = json else { throw JSONTreeMismatch() }
        self = try array.map { try Element(reading: $0) }
    }
}

extension Int64: JSONTreeReadable {
    /// `.int` only, as for `Int`.
    public init(reading json: JSONValue) throws {
        guard case .int(let int) = json else { throw JSONTreeMismatch() }
        self = Int64(int)
    }
}

extension Dictionary: JSONTreeReadable where Key == String, Value: JSONTreeReadable {
    public init(reading json: JSONValue) throws {
        guard case .object(let object) = json else { throw JSONTreeMismatch() }
        self = try object.mapValues { try Value(reading: $0) }
    }
}
