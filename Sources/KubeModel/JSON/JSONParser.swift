/// A byte-level recursive-descent JSON parser producing ``JSONValue`` trees.
struct JSONParser {
    private let bytes: UnsafeBufferPointer<UInt8>
    private var index = 0
    private var depth = 0
    /// The members of the objects being parsed, innermost last: an object's dictionary is made once at its
    /// final size, because growing it member by member re-hashes every key at each doubling.
    private var members: [(key: String, value: JSONValue)] = []
    /// Deeper nesting is refused, as `JSONDecoder` refuses it, rather than overflowing the stack.
    static let maxDepth = 512

    private init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    static func parse(_ bytes: UnsafeBufferPointer<UInt8>) throws -> JSONValue {
        var parser = JSONParser(bytes)
        parser.skipWhitespace()
        let value = try parser.value()
        parser.skipWhitespace()
        guard parser.index == bytes.count else { throw parser.error("unexpected text after the document") }
        return value
    }

    /// The string whose opening quote is at `offset`, and the offset after its closing quote: how
    /// ``JSONScanner`` reads a string with escapes exactly as a full parse would.
    static func string(in bytes: UnsafeBufferPointer<UInt8>, at offset: Int) throws -> (text: String, end: Int) {
        var parser = JSONParser(bytes)
        parser.index = offset
        let text = try parser.string()
        return (text, parser.index)
    }

    private func error(_ reason: String) -> JSONSyntaxError { JSONSyntaxError(offset: index, reason: reason) }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    private mutating func value() throws -> JSONValue {
        guard index < bytes.count else { throw error("unexpected end of document") }
        switch bytes[index] {
        case UInt8(ascii: "{"): return try object()
        case UInt8(ascii: "["): return try array()
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): try literal("true"); return .bool(true)
        case UInt8(ascii: "f"): try literal("false"); return .bool(false)
        case UInt8(ascii: "n"): try literal("null"); return .null
        default: return try number()
        }
    }

    private mutating func literal(_ word: StaticString) throws {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count else { throw error("unexpected end of document") }
        let start = word.utf8Start
        for offset in 0..<count where bytes[index + offset] != start[offset] { throw error("invalid literal") }
        index += count
    }

    private mutating func object() throws -> JSONValue {
        depth += 1
        guard depth <= JSONParser.maxDepth else { throw error("nesting too deep") }
        defer { depth -= 1 }
        index += 1
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "}") {
            index += 1
            return .object([:])
        }
        let first = members.count
        while true {
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else { throw error("expected a key") }
            let key = try string()
            skipWhitespace()
            guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else { throw error("expected ':'") }
            index += 1
            skipWhitespace()
            let member = try value()
            members.append((key, member))
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of document") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "}") {
                index += 1
                var object = [String: JSONValue](minimumCapacity: members.count - first)
                // A repeated key keeps its last value, as `JSONDecoder` does.
                for (key, value) in members[first...] { object[key] = value }
                members.removeSubrange(first...)
                return .object(object)
            } else {
                throw error("expected ',' or '}'")
            }
        }
    }

    private mutating func array() throws -> JSONValue {
        depth += 1
        guard depth <= JSONParser.maxDepth else { throw error("nesting too deep") }
        defer { depth -= 1 }
        index += 1
        var array: [JSONValue] = []
        skipWhitespace()
        if index < bytes.count, bytes[index] == UInt8(ascii: "]") {
            index += 1
            return .array(array)
        }
        while true {
            skipWhitespace()
            array.append(try value())
            skipWhitespace()
            guard index < bytes.count else { throw error("unexpected end of document") }
            if bytes[index] == UInt8(ascii: ",") {
                index += 1
            } else if bytes[index] == UInt8(ascii: "]") {
                index += 1
                return .array(array)
            } else {
                throw error("expected ',' or ']'")
            }
        }
    }

    /// A string starting at the opening quote; the fast path copies the bytes when nothing is escaped.
    private mutating func string() throws -> String {
        index += 1
        let start = index
        index = JSONBytes.firstSpecial(in: bytes, from: start)
        guard index < bytes.count else { throw error("unterminated string") }
        let byte = bytes[index]
        if byte == UInt8(ascii: "\"") {
            let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
            index += 1
            return text
        }
        if byte == UInt8(ascii: "\\") { return try escapedString(from: start) }
        throw error("unescaped control character in string")
    }

    private mutating func escapedString(from start: Int) throws -> String {
        var out: [UInt8] = []
        out.reserveCapacity(2 * (index - start) + 16)
        out += UnsafeBufferPointer(rebasing: bytes[start..<index])
        while index < bytes.count {
            let byte = bytes[index]
            switch byte {
            case UInt8(ascii: "\""):
                index += 1
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                index += 1
                guard index < bytes.count else { throw error("unterminated escape") }
                let escape = bytes[index]
                index += 1
                switch escape {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escape)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar) {
                        guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                            bytes[index + 1] == UInt8(ascii: "u")
                        else { throw error("unpaired surrogate") }
                        index += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw error("unpaired surrogate") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    } else if (0xDC00..<0xE000).contains(scalar) {
                        throw error("unpaired surrogate")
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw error("invalid unicode escape") }
                    // Encoded in place: through a `String` it was two allocations per escape, and the
                    // correlator's keys carry seven `\u001f` each.
                    UTF8.encode(unicode) { out.append($0) }
                default:
                    throw error("invalid escape")
                }
            default:
                if byte < 0x20 { throw error("unescaped control character in string") }
                // The plain run up to the next escape or quote, in one append.
                let end = JSONBytes.firstSpecial(in: bytes, from: index + 1)
                out += UnsafeBufferPointer(rebasing: bytes[index..<end])
                index = end
            }
        }
        throw error("unterminated string")
    }

    private mutating func hex4() throws -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("short unicode escape") }
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = bytes[index]
            let digit: UInt8
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): digit = byte - UInt8(ascii: "0")
            case UInt8(ascii: "a")...UInt8(ascii: "f"): digit = byte - UInt8(ascii: "a") + 10
            case UInt8(ascii: "A")...UInt8(ascii: "F"): digit = byte - UInt8(ascii: "A") + 10
            default: throw error("invalid unicode escape")
            }
            value = value << 4 | UInt32(digit)
            index += 1
        }
        return value
    }

    /// A number: an integer that fits `Int` stays exact; anything else goes through `Double`, and an
    /// integral double that fits `Int` becomes `.int`, the way `JSONValue` always read numbers.
    private mutating func number() throws -> JSONValue {
        let start = index
        while index < bytes.count, JSONParser.isNumberByte(bytes[index]) { index += 1 }
        guard index > start else { throw error("invalid value") }
        // Fast path: a plain integer of up to 18 digits (no leading zero), which cannot overflow.
        var cursor = start
        let negative = bytes[cursor] == UInt8(ascii: "-")
        if negative { cursor += 1 }
        let digits = index - cursor
        if digits > 0, digits <= 18, bytes[cursor] != UInt8(ascii: "0") || digits == 1 {
            var value = 0
            var plain = true
            for position in cursor..<index {
                let digit = bytes[position] &- UInt8(ascii: "0")
                if digit > 9 { plain = false; break }
                value = value * 10 + Int(digit)
            }
            if plain { return .int(negative ? -value : value) }
        }
        let text = String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<index]), as: UTF8.self)
        guard JSONParser.isValidNumber(text.utf8) else { index = start; throw error("invalid number") }
        if let value = Int(text) { return .int(value) }
        guard let double = Double(text) else { index = start; throw error("invalid number") }
        if double.rounded() == double, double >= -9.223_372_036_854_775_808e18, double < 9.223_372_036_854_775_808e18 {
            return .int(Int(double))
        }
        return .double(double)
    }

    private static func isNumberByte(_ byte: UInt8) -> Bool {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"),
            UInt8(ascii: "+"), UInt8(ascii: "-"):
            return true
        default:
            return false
        }
    }

    /// RFC 8259's number grammar: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`.
    private static func isValidNumber(_ utf8: String.UTF8View) -> Bool {
        var bytes = utf8.makeIterator()
        var next = bytes.next()
        if next == UInt8(ascii: "-") { next = bytes.next() }
        guard let first = next, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(first) else { return false }
        next = bytes.next()
        if first != UInt8(ascii: "0") {
            while let byte = next, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { next = bytes.next() }
        }
        if next == UInt8(ascii: ".") {
            next = bytes.next()
            guard let byte = next, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return false }
            while let byte = next, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { next = bytes.next() }
        }
        if next == UInt8(ascii: "e") || next == UInt8(ascii: "E") {
            next = bytes.next()
            if next == UInt8(ascii: "+") || next == UInt8(ascii: "-") { next = bytes.next() }
            guard let byte = next, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) else { return false }
            while let byte = next, (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) { next = bytes.next() }
        }
        return next == nil
    }
}
