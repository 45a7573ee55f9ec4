import Foundation

/// The exact text of each top-level member of a one-line JSON object.
///
/// An exported event embeds its payload as JSON, and the hash covers the payload's bytes. Decoding and
/// re-encoding would change them (key order, number forms, escapes), so import cuts the payload out of the
/// line as it is. The line as a whole is validated by a real JSON decoder first; this only finds spans.
enum RawJSONObject {
    struct SyntaxError: Error, CustomStringConvertible {
        var description: String
    }

    /// Member name → the member's value, byte for byte.
    static func members(of text: Substring) throws -> [String: String] {
        let bytes = Array(text.utf8)
        var index = 0
        var members: [String: String] = [:]

        func fail(_ message: String) -> SyntaxError { SyntaxError(description: "\(message) at byte \(index)") }
        func skipSpace() {
            while index < bytes.count, [0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) { index += 1 }
        }
        func expect(_ byte: UInt8) throws {
            guard index < bytes.count, bytes[index] == byte else {
                throw fail("expected \"\(Character(Unicode.Scalar(byte)))\"")
            }
            index += 1
        }
        func skipString() throws {
            try expect(0x22)
            while index < bytes.count {
                let byte = bytes[index]
                index += byte == 0x5C ? 2 : 1
                if byte == 0x22 { return }
            }
            throw fail("unterminated string")
        }
        func skipValue() throws {
            guard index < bytes.count else { throw fail("missing value") }
            switch bytes[index] {
            case 0x22:
                try skipString()
            case 0x7B, 0x5B:
                var depth = 0
                repeat {
                    guard index < bytes.count else { throw fail("unterminated object or array") }
                    switch bytes[index] {
                    case 0x22: try skipString(); continue
                    case 0x7B, 0x5B: depth += 1
                    case 0x7D, 0x5D: depth -= 1
                    default: break
                    }
                    index += 1
                } while depth > 0
            default:
                while index < bytes.count, ![0x2C, 0x7D, 0x5D, 0x20, 0x09, 0x0A, 0x0D].contains(bytes[index]) {
                    index += 1
                }
            }
        }

        skipSpace()
        try expect(0x7B)
        skipSpace()
        if index < bytes.count, bytes[index] == 0x7D { return members }
        while true {
            skipSpace()
            let keyStart = index
            try skipString()
            let key = try JSONDecoder().decode(String.self, from: Data(bytes[keyStart..<index]))
            skipSpace()
            try expect(0x3A)
            skipSpace()
            let valueStart = index
            try skipValue()
            members[key] = String(decoding: bytes[valueStart..<index], as: UTF8.self)
            skipSpace()
            guard index < bytes.count else { throw fail("unterminated object") }
            if bytes[index] == 0x2C {
                index += 1
                continue
            }
            try expect(0x7D)
            break
        }
        skipSpace()
        guard index == bytes.count else { throw fail("text after the object") }
        return members
    }
}
