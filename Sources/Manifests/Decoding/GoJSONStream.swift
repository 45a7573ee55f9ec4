import KubeModel

/// A stream of JSON values read the way Go's `json.Decoder` reads them, with its syntax error messages.
///
/// Offsets count bytes from the start of the stream up to and including the offending byte, as Go's
/// `SyntaxError.Offset` does. Unlike Go, duplicate object keys are refused, and nesting is capped at
/// ``ManifestDecoder/maxDepth``.
struct GoJSONStream {
    enum Failure: Error {
        case syntax(offset: Int, message: String)
        case unexpectedEOF
        case tooDeep(offset: Int)
        case duplicateKey(offset: Int, key: String)
    }

    let bytes: [UInt8]
    private(set) var position: Int
    private var depth = 0

    init(bytes: [UInt8], position: Int = 0) {
        self.bytes = bytes
        self.position = position
    }

    /// The next value and the bytes it spans, or nil when only white space is left.
    mutating func next() throws(Failure) -> (value: JSONValue, range: Range<Int>)? {
        skipSpace()
        guard position < bytes.count else { return nil }
        let start = position
        let value = try parseValue(context: "looking for beginning of value")
        return (value, start..<position)
    }

    private var current: UInt8? { position < bytes.count ? bytes[position] : nil }

    private mutating func skipSpace() {
        while let byte = current,
            byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t") || byte == UInt8(ascii: "\n")
                || byte == UInt8(ascii: "\r")
        {
            position += 1
        }
    }

    private func invalid(_ context: String) -> Failure {
        let character = GoJSONStream.quoteChar(bytes[position])
        return .syntax(offset: position + 1, message: "invalid character \(character) \(context)")
    }

    private mutating func expectByte() throws(Failure) -> UInt8 {
        guard let byte = current else { throw .unexpectedEOF }
        return byte
    }

    private mutating func parseValue(context: String) throws(Failure) -> JSONValue {
        skipSpace()
        switch try expectByte() {
        case UInt8(ascii: "{"): return try parseObject()
        case UInt8(ascii: "["): return try parseArray()
        case UInt8(ascii: "\""): return .string(try parseString())
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try parseNumber()
        case UInt8(ascii: "t"): return try parseLiteral("true", .bool(true))
        case UInt8(ascii: "f"): return try parseLiteral("false", .bool(false))
        case UInt8(ascii: "n"): return try parseLiteral("null", .null)
        default: throw invalid(context)
        }
    }

    private mutating func enter() throws(Failure) {
        depth += 1
        if depth > ManifestDecoder.maxDepth { throw .tooDeep(offset: position + 1) }
        position += 1
    }

    private mutating func parseObject() throws(Failure) -> JSONValue {
        try enter()
        var object: [String: JSONValue] = [:]
        skipSpace()
        if try expectByte() == UInt8(ascii: "}") {
            position += 1
            depth -= 1
            return .object(object)
        }
        while true {
            skipSpace()
            guard try expectByte() == UInt8(ascii: "\"") else {
                throw invalid("looking for beginning of object key string")
            }
            let keyOffset = position + 1
            let key = try parseString()
            skipSpace()
            guard try expectByte() == UInt8(ascii: ":") else { throw invalid("after object key") }
            position += 1
            let value = try parseValue(context: "looking for beginning of value")
            if object[key] != nil { throw .duplicateKey(offset: keyOffset, key: key) }
            object[key] = value
            skipSpace()
            switch try expectByte() {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "}"):
                position += 1
                depth -= 1
                return .object(object)
            default: throw invalid("after object key:value pair")
            }
        }
    }

    private mutating func parseArray() throws(Failure) -> JSONValue {
        try enter()
        var items: [JSONValue] = []
        skipSpace()
        if try expectByte() == UInt8(ascii: "]") {
            position += 1
            depth -= 1
            return .array(items)
        }
        while true {
            items.append(try parseValue(context: "looking for beginning of value"))
            skipSpace()
            switch try expectByte() {
            case UInt8(ascii: ","): position += 1
            case UInt8(ascii: "]"):
                position += 1
                depth -= 1
                return .array(items)
            default: throw invalid("after array element")
            }
        }
    }

    private mutating func parseLiteral(_ word: String, _ value: JSONValue) throws(Failure) -> JSONValue {
        position += 1
        for expected in word.utf8.dropFirst() {
            let byte = try expectByte()
            guard byte == expected else {
                throw invalid("in literal \(word) (expecting \(GoJSONStream.quoteChar(expected)))")
            }
            position += 1
        }
        return value
    }

    private mutating func parseNumber() throws(Failure) -> JSONValue {
        let start = position
        if current == UInt8(ascii: "-") {
            position += 1
            guard let byte = current else { throw .unexpectedEOF }
            guard byte.isASCIIDigit else { throw invalid("in numeric literal") }
        }
        if current == UInt8(ascii: "0") {
            position += 1
        } else {
            while let byte = current, byte.isASCIIDigit { position += 1 }
        }
        if current == UInt8(ascii: ".") {
            position += 1
            guard let byte = current else { throw .unexpectedEOF }
            guard byte.isASCIIDigit else { throw invalid("after decimal point in numeric literal") }
            while let byte = current, byte.isASCIIDigit { position += 1 }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            position += 1
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { position += 1 }
            guard let byte = current else { throw .unexpectedEOF }
            guard byte.isASCIIDigit else { throw invalid("in exponent of numeric literal") }
            while let byte = current, byte.isASCIIDigit { position += 1 }
        }
        let literal = String(decoding: bytes[start..<position], as: UTF8.self)
        if let integer = Int64(literal) { return .int(Int(integer)) }
        return JSONNumber.normalized(Double(literal) ?? 0)
    }

    private mutating func parseString() throws(Failure) -> String {
        position += 1
        var scalars = String.UnicodeScalarView()
        var runStart = position
        func flush(_ end: Int) {
            scalars.append(contentsOf: String(decoding: bytes[runStart..<end], as: UTF8.self).unicodeScalars)
        }
        while true {
            let byte = try expectByte()
            switch byte {
            case UInt8(ascii: "\""):
                flush(position)
                position += 1
                return String(scalars)
            case UInt8(ascii: "\\"):
                flush(position)
                position += 1
                scalars.append(try parseEscape())
                runStart = position
            case 0..<0x20:
                throw invalid("in string literal")
            default:
                position += 1
            }
        }
    }

    private mutating func parseEscape() throws(Failure) -> Unicode.Scalar {
        let byte = try expectByte()
        let simple: [UInt8: Unicode.Scalar] = [
            UInt8(ascii: "\""): "\"", UInt8(ascii: "\\"): "\\", UInt8(ascii: "/"): "/", UInt8(ascii: "b"): "\u{08}",
            UInt8(ascii: "f"): "\u{0C}", UInt8(ascii: "n"): "\n", UInt8(ascii: "r"): "\r", UInt8(ascii: "t"): "\t",
        ]
        if let scalar = simple[byte] {
            position += 1
            return scalar
        }
        guard byte == UInt8(ascii: "u") else { throw invalid("in string escape code") }
        position += 1
        let unit = try parseHex4()
        if (0xD800..<0xDC00).contains(unit), bytes.count - position >= 6, bytes[position] == UInt8(ascii: "\\"),
            bytes[position + 1] == UInt8(ascii: "u")
        {
            let saved = position
            position += 2
            let low = try parseHex4()
            if (0xDC00..<0xE000).contains(low) {
                return Unicode.Scalar(0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)) ?? "\u{FFFD}"
            }
            position = saved
        }
        return Unicode.Scalar(unit) ?? "\u{FFFD}"
    }

    private mutating func parseHex4() throws(Failure) -> UInt32 {
        var value: UInt32 = 0
        for _ in 0..<4 {
            let byte = try expectByte()
            guard let digit = Character(UnicodeScalar(byte)).hexDigitValue else {
                throw invalid("in \\u hexadecimal character escape")
            }
            value = value * 16 + UInt32(digit)
            position += 1
        }
        return value
    }

    /// Go's `quoteChar`: `'x'`, `'\''`, `'"'`, `'\n'`, `'\x01'`.
    static func quoteChar(_ byte: UInt8) -> String {
        switch byte {
        case UInt8(ascii: "'"): return "'\\''"
        case UInt8(ascii: "\""): return "'\"'"
        case UInt8(ascii: "\\"): return "'\\\\'"
        case 0x07: return "'\\a'"
        case 0x08: return "'\\b'"
        case 0x0C: return "'\\f'"
        case 0x0A: return "'\\n'"
        case 0x0D: return "'\\r'"
        case 0x09: return "'\\t'"
        case 0x0B: return "'\\v'"
        case 0x20...0x7E: return "'\(Character(UnicodeScalar(byte)))'"
        case 0xA1...0xAC, 0xAE...0xFF: return "'\(Character(UnicodeScalar(byte)))'"
        default:
            let hex = String(byte, radix: 16)
            return byte < 0x80 ? "'\\x\(hex.count < 2 ? "0" + hex : hex)'" : "'\\u00\(hex)'"
        }
    }
}

/// How a JSON number ends up after kubectl's round trip through Go's unstructured objects.
enum JSONNumber {
    /// Integral values become integers (Go re-marshals float64 2.0 as `2`, which the server reads as an int);
    /// the rest stay doubles.
    static func normalized(_ value: Double) -> JSONValue {
        if value.isFinite, value == value.rounded(), abs(value) < 9.2e18 { return .int(Int(value)) }
        return .double(value)
    }
}
