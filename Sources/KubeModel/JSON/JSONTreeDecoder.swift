/// A `Decoder` over a parsed ``JSONValue`` tree, with `JSONDecoder`'s rules: a missing key or `null` is nil
/// for `decodeIfPresent`, integers must be exact, a `JSONValue` (or `[String: JSONValue]`) takes its subtree
/// as it is.
struct JSONTreeDecoder: Decoder {
    let value: JSONValue
    let node: PathNode
    var codingPath: [any CodingKey] { node.path }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    init(value: JSONValue, node: PathNode) {
        self.value = value
        self.node = node
    }

    func container<Key: CodingKey>(keyedBy type: Key.Type) throws -> KeyedDecodingContainer<Key> {
        guard case .object(let object) = value else {
            throw DecodingError.typeMismatch(
                [String: JSONValue].self, .init(codingPath: node.path, debugDescription: "Expected an object"))
        }
        return KeyedDecodingContainer(KeyedContainer(object: object, node: node))
    }

    func unkeyedContainer() throws -> any UnkeyedDecodingContainer {
        guard case .array(let array) = value else {
            throw DecodingError.typeMismatch(
                [JSONValue].self, .init(codingPath: codingPath, debugDescription: "Expected an array"))
        }
        return UnkeyedContainer(array: array, node: node)
    }

    func singleValueContainer() throws -> any SingleValueDecodingContainer { SingleContainer(value: value, node: node) }

    static func unbox<T: Decodable>(_ value: JSONValue, as type: T.Type, node: @autoclosure () -> PathNode) throws -> T {
        if T.self == String.self {
            guard case .string(let string) = value else { throw mismatch(type, value, node()) }
            return string as! T
        }
        if T.self == Int.self { return try int(value, node()) as! T }
        if T.self == Bool.self {
            guard case .bool(let bool) = value else { throw mismatch(type, value, node()) }
            return bool as! T
        }
        if T.self == JSONValue.self { return value as! T }
        if T.self == [String: JSONValue].self {
            guard case .object(let object) = value else { throw mismatch(type, value, node()) }
            return object as! T
        }
        if T.self == [JSONValue].self {
            guard case .array(let array) = value else { throw mismatch(type, value, node()) }
            return array as! T
        }
        if T.self == [String: String].self {
            guard case .object(let object) = value else { throw mismatch(type, value, node()) }
            var strings: [String: String] = [:]
            strings.reserveCapacity(object.count)
            for (key, entry) in object {
                guard case .string(let string) = entry else { throw mismatch(String.self, entry, node()) }
                strings[key] = string
            }
            return strings as! T
        }
        if let read = read(value, as: type) { return read }
        return try T(from: JSONTreeDecoder(value: value, node: node()))
    }

    /// The value read by `T`'s ``JSONTreeReadable`` reader, if it has one and the reader takes `value`.
    static func read<T>(_ value: JSONValue, as type: T.Type) -> T? {
        guard let readable = type as? any JSONTreeReadable.Type else { return nil }
        return readable.readIfExact(value) as? T
    }

    static func int(_ value: JSONValue, _ codingPath: @autoclosure () -> PathNode) throws -> Int {
        switch value {
        case .int(let int): return int
        case .double(let double):
            guard let int = Int(exactly: double) else { throw mismatch(Int.self, value, codingPath()) }
            return int
        default: throw mismatch(Int.self, value, codingPath())
        }
    }

    static func double(_ value: JSONValue, _ codingPath: @autoclosure () -> PathNode) throws -> Double {
        switch value {
        case .int(let int): return Double(int)
        case .double(let double): return double
        default: throw mismatch(Double.self, value, codingPath())
        }
    }

    static func integer<T: FixedWidthInteger>(_ type: T.Type, _ value: JSONValue, _ codingPath: @autoclosure () -> PathNode) throws -> T {
        guard let exact = T(exactly: try int(value, codingPath())) else { throw mismatch(type, value, codingPath()) }
        return exact
    }

    static func mismatch(_ type: Any.Type, _ value: JSONValue, _ node: PathNode) -> DecodingError {
        let codingPath = node.path
        if case .null = value {
            return .valueNotFound(type, .init(codingPath: codingPath, debugDescription: "Expected \(type) but found null"))
        }
        return .typeMismatch(type, .init(codingPath: codingPath, debugDescription: "Expected to decode \(type)"))
    }
}

/// Where a value sits in the document, built only as deep as decoding goes and turned into a coding path only
/// when one is asked for (an error, or a type reading `codingPath`).
final class PathNode: @unchecked Sendable {
    let key: (any CodingKey)?
    let parent: PathNode?

    static let root = PathNode(key: nil, parent: nil)

    init(key: (any CodingKey)?, parent: PathNode?) {
        self.key = key
        self.parent = parent
    }

    func appending(_ key: any CodingKey) -> PathNode { PathNode(key: key, parent: self) }

    var path: [any CodingKey] {
        var keys: [any CodingKey] = []
        var node: PathNode? = self
        while let current = node, let key = current.key {
            keys.append(key)
            node = current.parent
        }
        return keys.reversed()
    }
}

/// A plain string coding key, for paths.
struct JSONKey: CodingKey {
    var stringValue: String
    var intValue: Int?
    init(stringValue: String) { self.stringValue = stringValue }
    init(intValue: Int) {
        stringValue = "Index \(intValue)"
        self.intValue = intValue
    }
}

extension JSONTreeDecoder {
    struct KeyedContainer<Key: CodingKey>: KeyedDecodingContainerProtocol {
        let object: [String: JSONValue]
        let node: PathNode
        var codingPath: [any CodingKey] { node.path }

        var allKeys: [Key] { object.keys.compactMap { Key(stringValue: $0) } }

        func contains(_ key: Key) -> Bool { object[key.stringValue] != nil }

        private func entry(_ key: Key) throws -> JSONValue {
            guard let value = object[key.stringValue] else {
                throw DecodingError.keyNotFound(
                    key, .init(codingPath: codingPath, debugDescription: "No value for key \"\(key.stringValue)\""))
            }
            return value
        }

        private func path(_ key: Key) -> PathNode { node.appending(key) }

        func decodeNil(forKey key: Key) throws -> Bool {
            if case .null = try entry(key) { return true }
            return false
        }

        func decode(_ type: Bool.Type, forKey key: Key) throws -> Bool {
            try JSONTreeDecoder.unbox(try entry(key), as: Bool.self, node: path(key))
        }

        func decode(_ type: String.Type, forKey key: Key) throws -> String {
            let value = try entry(key)
            guard case .string(let string) = value else { throw JSONTreeDecoder.mismatch(type, value, path(key)) }
            return string
        }

        func decode(_ type: Double.Type, forKey key: Key) throws -> Double {
            try JSONTreeDecoder.double(try entry(key), path(key))
        }

        func decode(_ type: Float.Type, forKey key: Key) throws -> Float {
            Float(try JSONTreeDecoder.double(try entry(key), path(key)))
        }

        func decode(_ type: Int.Type, forKey key: Key) throws -> Int { try JSONTreeDecoder.int(try entry(key), path(key)) }
        func decode(_ type: Int8.Type, forKey key: Key) throws -> Int8 { try JSONTreeDecoder.integer(type, try entry(key), path(key)) }
        func decode(_ type: Int16.Type, forKey key: Key) throws -> Int16 { try JSONTreeDecoder.integer(type, try entry(key), path(key)) }
        func decode(_ type: Int32.Type, forKey key: Key) throws -> Int32 { try JSONTreeDecoder.integer(type, try entry(key), path(key)) }
        func decode(_ type: Int64.Type, forKey key: Key) throws -> Int64 { try JSONTreeDecoder.integer(type, try entry(key), path(key)) }
        func decode(_ type: UInt.Type, forKey key: Key) throws -> UInt { try JSONTreeDecoder.integer(type, try entry(key), path(key)) }
        func decode(_ type: UInt8.Type, forKey key: Key) throws -> UInt8 { try JSONTreeDecoder.integer(type, try entry(key), path(key)) }
        func decode(_ type: UInt16.Type, forKey key: Key) throws -> UInt16 { try JSONTreeDecoder.integer(type, try entry(key), path(key)) }
        func decode(_ type: UInt32.Type, forKey key: Key) throws -> UInt32 { try JSONTreeDecoder.integer(type, try entry(key), path(key)) }
        func decode(_ type: UInt64.Type, forKey key: Key) throws -> UInt64 { try JSONTreeDecoder.integer(type, try entry(key), path(key)) }

        func decode<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T {
            try JSONTreeDecoder.unbox(try entry(key), as: type, node: path(key))
        }

        func decodeIfPresent(_ type: String.Type, forKey key: Key) throws -> String? {
            switch object[key.stringValue] {
            case nil, .null?: return nil
            case .string(let string)?: return string
            case let value?: throw JSONTreeDecoder.mismatch(type, value, path(key))
            }
        }

        func decodeIfPresent(_ type: Int.Type, forKey key: Key) throws -> Int? {
            switch object[key.stringValue] {
            case nil, .null?: return nil
            case let value?: return try JSONTreeDecoder.int(value, path(key))
            }
        }

        func decodeIfPresent(_ type: Bool.Type, forKey key: Key) throws -> Bool? {
            switch object[key.stringValue] {
            case nil, .null?: return nil
            case .bool(let bool)?: return bool
            case let value?: throw JSONTreeDecoder.mismatch(type, value, path(key))
            }
        }

        func decodeIfPresent<T: Decodable>(_ type: T.Type, forKey key: Key) throws -> T? {
            switch object[key.stringValue] {
            case nil, .null?: return nil
            case let value?: return try JSONTreeDecoder.unbox(value, as: type, node: path(key))
            }
        }

        func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type, forKey key: Key) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            try JSONTreeDecoder(value: try entry(key), node: path(key)).container(keyedBy: type)
        }

        func nestedUnkeyedContainer(forKey key: Key) throws -> any UnkeyedDecodingContainer {
            try JSONTreeDecoder(value: try entry(key), node: path(key)).unkeyedContainer()
        }

        func superDecoder() throws -> any Decoder {
            JSONTreeDecoder(value: object["super"] ?? .null, node: node.appending(JSONKey(stringValue: "super")))
        }

        func superDecoder(forKey key: Key) throws -> any Decoder {
            JSONTreeDecoder(value: object[key.stringValue] ?? .null, node: path(key))
        }
    }

    struct UnkeyedContainer: UnkeyedDecodingContainer {
        let array: [JSONValue]
        let node: PathNode
        var codingPath: [any CodingKey] { node.path }
        var currentIndex = 0

        init(array: [JSONValue], node: PathNode) {
            self.array = array
            self.node = node
        }

        var count: Int? { array.count }
        var isAtEnd: Bool { currentIndex >= array.count }

        private mutating func next(_ type: Any.Type) throws -> (JSONValue, Int) {
            guard !isAtEnd else {
                throw DecodingError.valueNotFound(
                    type, .init(codingPath: codingPath, debugDescription: "Unkeyed container is at end"))
            }
            let value = array[currentIndex]
            currentIndex += 1
            return (value, currentIndex - 1)
        }

        private func path(_ index: Int) -> PathNode { node.appending(JSONKey(intValue: index)) }

        mutating func decodeNil() throws -> Bool {
            guard !isAtEnd else { return false }
            if case .null = array[currentIndex] {
                currentIndex += 1
                return true
            }
            return false
        }

        mutating func decode<T: Decodable>(_ type: T.Type) throws -> T {
            let (value, index) = try next(type)
            return try JSONTreeDecoder.unbox(value, as: type, node: path(index))
        }

        mutating func nestedContainer<NestedKey: CodingKey>(keyedBy type: NestedKey.Type) throws
            -> KeyedDecodingContainer<NestedKey>
        {
            let (value, index) = try next([String: JSONValue].self)
            return try JSONTreeDecoder(value: value, node: path(index)).container(keyedBy: type)
        }

        mutating func nestedUnkeyedContainer() throws -> any UnkeyedDecodingContainer {
            let (value, index) = try next([JSONValue].self)
            return try JSONTreeDecoder(value: value, node: path(index)).unkeyedContainer()
        }

        mutating func superDecoder() throws -> any Decoder {
            let (value, index) = try next(JSONValue.self)
            return JSONTreeDecoder(value: value, node: path(index))
        }
    }

    struct SingleContainer: SingleValueDecodingContainer {
        let value: JSONValue
        let node: PathNode
        var codingPath: [any CodingKey] { node.path }

        func decodeNil() -> Bool {
            if case .null = value { return true }
            return false
        }

        func decode(_ type: Bool.Type) throws -> Bool { try JSONTreeDecoder.unbox(value, as: type, node: node) }
        func decode(_ type: String.Type) throws -> String { try JSONTreeDecoder.unbox(value, as: type, node: node) }
        func decode(_ type: Double.Type) throws -> Double { try JSONTreeDecoder.double(value, node) }
        func decode(_ type: Float.Type) throws -> Float { Float(try JSONTreeDecoder.double(value, node)) }
        func decode(_ type: Int.Type) throws -> Int { try JSONTreeDecoder.int(value, node) }
        func decode(_ type: Int8.Type) throws -> Int8 { try JSONTreeDecoder.integer(type, value, node) }
        func decode(_ type: Int16.Type) throws -> Int16 { try JSONTreeDecoder.integer(type, value, node) }
        func decode(_ type: Int32.Type) throws -> Int32 { try JSONTreeDecoder.integer(type, value, node) }
        func decode(_ type: Int64.Type) throws -> Int64 { try JSONTreeDecoder.integer(type, value, node) }
        func decode(_ type: UInt.Type) throws -> UInt { try JSONTreeDecoder.integer(type, value, node) }
        func decode(_ type: UInt8.Type) throws -> UInt8 { try JSONTreeDecoder.integer(type, value, node) }
        func decode(_ type: UInt16.Type) throws -> UInt16 { try JSONTreeDecoder.integer(type, value, node) }
        func decode(_ type: UInt32.Type) throws -> UInt32 { try JSONTreeDecoder.integer(type, value, node) }
        func decode(_ type: UInt64.Type) throws -> UInt64 { try JSONTreeDecoder.integer(type, value, node) }
        func decode<T: Decodable>(_ type: T.Type) throws -> T { try JSONTreeDecoder.unbox(value, as: type, node: node) }
    }
}
