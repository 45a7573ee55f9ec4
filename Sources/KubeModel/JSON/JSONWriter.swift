/// Writes JSON text the way Foundation's `JSONEncoder` does with `[.sortedKeys, .withoutEscapingSlashes]`:
/// no whitespace, keys in `String` order, `"` `\` and control characters escaped (`\b \f \n \r \t`, else
/// `\u00xx`), everything else (slashes, `<>&`, non-ASCII) as it is.
enum JSONWriter {
    static func write(_ value: JSONValue, into out: inout String) {
        switch value {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .int(let value): out += String(value)
        case .double(let value): out += number(value)
        case .string(let value): quote(value, into: &out)
        case .array(let values):
            out += "["
            var first = true
            for value in values {
                if !first { out += "," }
                first = false
                write(value, into: &out)
            }
            out += "]"
        case .object(let object):
            out += "{"
            var first = true
            for key in object.keys.sorted() {
                if !first { out += "," }
                first = false
                quote(key, into: &out)
                out += ":"
                write(object[key]!, into: &out)
            }
            out += "}"
        }
    }

    /// `JSONEncoder`'s number text: Swift's shortest round-trip form, without a trailing `.0`.
    static func number(_ value: Double) -> String {
        let text = value.description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    static func number(_ value: Float) -> String {
        let text = value.description
        return text.hasSuffix(".0") ? String(text.dropLast(2)) : text
    }

    static func quoted(_ string: String) -> String {
        var out = ""
        quote(string, into: &out)
        return out
    }

    static func quote(_ string: String, into out: inout String) {
        var needsEscape = false
        for byte in string.utf8 where byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") {
            needsEscape = true
            break
        }
        if !needsEscape {
            out += "\""
            out += string
            out += "\""
            return
        }
        var buffer: [UInt8] = []
        buffer.reserveCapacity(string.utf8.count + 16)
        buffer.append(UInt8(ascii: "\""))
        for byte in string.utf8 {
            switch byte {
            case UInt8(ascii: "\""): buffer.append(UInt8(ascii: "\\")); buffer.append(UInt8(ascii: "\""))
            case UInt8(ascii: "\\"): buffer.append(UInt8(ascii: "\\")); buffer.append(UInt8(ascii: "\\"))
            case 0x08: buffer.append(UInt8(ascii: "\\")); buffer.append(UInt8(ascii: "b"))
            case 0x0C: buffer.append(UInt8(ascii: "\\")); buffer.append(UInt8(ascii: "f"))
            case 0x0A: buffer.append(UInt8(ascii: "\\")); buffer.append(UInt8(ascii: "n"))
            case 0x0D: buffer.append(UInt8(ascii: "\\")); buffer.append(UInt8(ascii: "r"))
            case 0x09: buffer.append(UInt8(ascii: "\\")); buffer.append(UInt8(ascii: "t"))
            case 0..<0x20:
                buffer.append(contentsOf: Array("\\u00".utf8))
                buffer.append(hexDigits[Int(byte >> 4)])
                buffer.append(hexDigits[Int(byte & 0x0F)])
            default:
                buffer.append(byte)
            }
        }
        buffer.append(UInt8(ascii: "\""))
        out += String(decoding: buffer, as: UTF8.self)
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
