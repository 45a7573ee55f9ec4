import KubeModel

extension GoTemplate {
    enum Token: Equatable, CustomStringConvertible {
        case word(String)
        /// `.` or `.a.b`.
        case dot([String])
        /// `.a.b` straight after a `)`.
        case fields([String])
        case variable(String, [String])
        case literal(JSONValue)
        case pipe, open, close, declare, comma

        var description: String {
            switch self {
            case .word(let name): name
            case .dot(let chain), .fields(let chain): "." + chain.joined(separator: ".")
            case .variable(let name, let chain): ([name] + chain).joined(separator: ".")
            case .literal(let value): GoJSONWriter.compact(value)
            case .pipe: "|"
            case .open: "("
            case .close: ")"
            case .declare: ":="
            case .comma: ","
            }
        }
    }

    /// A token and where it sits in the template: `start` is a byte offset, as Go's error positions count.
    struct Lexeme {
        var token: Token
        var start: Int
        var text: String
    }

    /// The tokens of one action, from after its `{{` to its `}}`.
    struct Lexer {
        let text: [UInt8]
        var offset: Int
        private(set) var trimmedRight = false
        private(set) var wasComment = false

        init(text: [UInt8], offset: Int) {
            self.text = text
            self.offset = offset
        }

        mutating func tokens() throws(Failure) -> [Lexeme] {
            var tokens: [Lexeme] = []
            while true {
                skipSpaces()
                guard offset < text.count else { throw GoTemplate.parseError("unclosed action") }
                if starts(with: "-}}") && offset > 0 && Parser.isSpace(text[offset - 1]) {
                    offset += 3
                    trimmedRight = true
                    return tokens
                }
                if starts(with: "}}") {
                    offset += 2
                    return tokens
                }
                if tokens.isEmpty, starts(with: "/*") {
                    guard let close = find("*/") else { throw GoTemplate.parseError("unclosed comment") }
                    offset = close + 2
                    wasComment = true
                    skipSpaces()
                    guard starts(with: "}}") || starts(with: "-}}") else {
                        throw GoTemplate.parseError("comment ends before closing delimiter")
                    }
                    continue
                }
                let start = offset
                let token = try token(after: tokens.last?.token)
                tokens.append(Lexeme(token: token, start: start, text: String(decoding: text[start..<offset], as: UTF8.self)))
            }
        }

        private mutating func token(after previous: Token?) throws(Failure) -> Token {
            let byte = text[offset]
            if let punctuation = Self.punctuation[byte] {
                offset += 1
                return punctuation
            }
            switch byte {
            case UInt8(ascii: ":"):
                guard starts(with: ":=") else { throw GoTemplate.parseError("expected :=") }
                offset += 2
                return .declare
            case UInt8(ascii: "."):
                let adjoining = previous == .close && offset > 0 && text[offset - 1] == UInt8(ascii: ")")
                let chain = fieldChain()
                return adjoining ? .fields(chain) : .dot(chain)
            case UInt8(ascii: "$"):
                offset += 1
                let name = "$" + identifier()
                return .variable(name, fieldChain())
            case UInt8(ascii: "\""), UInt8(ascii: "`"):
                return .literal(.string(try quoted()))
            case UInt8(ascii: "'"):
                // A character constant is its code point, an integer.
                let character = try quoted()
                guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else {
                    throw GoTemplate.parseError("malformed character constant: '\(character)'")
                }
                return .literal(.int(Int(scalar.value)))
            case UInt8(ascii: "-"), UInt8(ascii: "+"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                return .literal(try number())
            default:
                let word = identifier()
                guard !word.isEmpty else {
                    throw GoTemplate.parseError("unexpected \"\(String(decoding: [byte], as: UTF8.self))\" in command")
                }
                switch word {
                case "true": return .literal(.bool(true))
                case "false": return .literal(.bool(false))
                case "nil": return .literal(.null)
                default: return .word(word)
                }
            }
        }

        private static let punctuation: [UInt8: Token] = [
            UInt8(ascii: "|"): .pipe, UInt8(ascii: "("): .open, UInt8(ascii: ")"): .close, UInt8(ascii: ","): .comma,
        ]

        /// `.a.b.c` (a lone `.` is the empty chain).
        private mutating func fieldChain() -> [String] {
            var chain: [String] = []
            while offset < text.count, text[offset] == UInt8(ascii: ".") {
                offset += 1
                let name = identifier()
                if name.isEmpty { break }
                chain.append(name)
            }
            return chain
        }

        private mutating func identifier() -> String {
            let start = offset
            while offset < text.count, Self.isIdentifier(text[offset]) { offset += 1 }
            return String(decoding: text[start..<offset], as: UTF8.self)
        }

        /// Go's integer literals: decimal, `0x`, `0o` or a leading `0` (octal), `0b`, with `_` between digits.
        private static func integer(_ literal: String) -> Int? {
            var text = literal.replacingOccurrences(of: "_", with: "")
            var sign = 1
            if let first = text.first, first == "-" || first == "+" {
                sign = first == "-" ? -1 : 1
                text.removeFirst()
            }
            let lower = text.lowercased()
            let parsed: Int?
            if lower.hasPrefix("0x") {
                parsed = Int(lower.dropFirst(2), radix: 16)
            } else if lower.hasPrefix("0o") {
                parsed = Int(lower.dropFirst(2), radix: 8)
            } else if lower.hasPrefix("0b") {
                parsed = Int(lower.dropFirst(2), radix: 2)
            } else if lower.count > 1, lower.hasPrefix("0") {
                parsed = Int(lower.dropFirst(), radix: 8)
            } else {
                parsed = Int(lower)
            }
            return parsed.map { $0 * sign }
        }

        private static func isIdentifier(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "_") || byte >= 0x80
        }

        /// A `"…"` string with Go's escapes, a raw `` `…` `` string, or a `'…'` character.
        private mutating func quoted() throws(Failure) -> String {
            let quote = text[offset]
            offset += 1
            var bytes: [UInt8] = []
            while offset < text.count, text[offset] != quote {
                let byte = text[offset]
                offset += 1
                guard quote != UInt8(ascii: "`") else {
                    bytes.append(byte)
                    continue
                }
                if byte == 0x0A { throw GoTemplate.parseError("unterminated quoted string") }
                guard byte == UInt8(ascii: "\\") else {
                    bytes.append(byte)
                    continue
                }
                bytes += try escape(in: quote)
            }
            guard offset < text.count else {
                throw GoTemplate.parseError(quote == UInt8(ascii: "`") ? "unterminated raw quoted string" : "unterminated quoted string")
            }
            offset += 1
            return String(decoding: bytes, as: UTF8.self)
        }

        /// strconv.Unquote's escapes after a backslash: `\a \b \f \n \r \t \v \\ \" \'`, `\xhh`, `\ooo`, `\uhhhh`
        /// and `\Uhhhhhhhh`; anything else is the parser's "invalid syntax".
        private mutating func escape(in quote: UInt8) throws(Failure) -> [UInt8] {
            guard offset < text.count else { throw GoTemplate.parseError("invalid syntax") }
            let byte = text[offset]
            offset += 1
            let simple: [UInt8: UInt8] = [
                UInt8(ascii: "a"): 0x07, UInt8(ascii: "b"): 0x08, UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A,
                UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09, UInt8(ascii: "v"): 0x0B, UInt8(ascii: "\\"): 0x5C,
            ]
            if let mapped = simple[byte] { return [mapped] }
            if byte == quote { return [byte] }
            func digits(_ count: Int, radix: Int) throws(Failure) -> UInt32 {
                guard offset + count <= text.count,
                    let value = UInt32(String(decoding: text[offset..<(offset + count)], as: UTF8.self), radix: radix)
                else { throw GoTemplate.parseError("invalid syntax") }
                offset += count
                return value
            }
            switch byte {
            case UInt8(ascii: "x"): return [UInt8(try digits(2, radix: 16))]
            case UInt8(ascii: "0")...UInt8(ascii: "7"):
                offset -= 1
                let value = try digits(3, radix: 8)
                guard value <= 255 else { throw GoTemplate.parseError("invalid syntax") }
                return [UInt8(value)]
            case UInt8(ascii: "u"), UInt8(ascii: "U"):
                guard let scalar = Unicode.Scalar(try digits(byte == UInt8(ascii: "u") ? 4 : 8, radix: 16)) else {
                    throw GoTemplate.parseError("invalid syntax")
                }
                return Array(String(scalar).utf8)
            default: throw GoTemplate.parseError("invalid syntax")
            }
        }

        private mutating func number() throws(Failure) -> JSONValue {
            let start = offset
            offset += 1
            while offset < text.count, Self.isIdentifier(text[offset]) || text[offset] == UInt8(ascii: ".") { offset += 1 }
            let literal = String(decoding: text[start..<offset], as: UTF8.self)
            if let number = Self.integer(literal) { return .int(number) }
            // Digits with at most a point and an exponent: Double() alone would also take "inf" and "nan".
            let digitsOnly = literal.allSatisfy { $0.isNumber || "+-.eE_".contains($0) }
            if digitsOnly, literal.contains(where: \.isNumber), let number = Double(literal.replacingOccurrences(of: "_", with: "")) {
                return .double(number)
            }
            throw GoTemplate.parseError("bad number syntax: \"\(literal)\"")
        }

        private mutating func skipSpaces() {
            while offset < text.count, Parser.isSpace(text[offset]) { offset += 1 }
        }

        private func starts(with prefix: String) -> Bool {
            let bytes = Array(prefix.utf8)
            return offset + bytes.count <= text.count && Array(text[offset..<(offset + bytes.count)]) == bytes
        }

        private func find(_ marker: String) -> Int? {
            let bytes = Array(marker.utf8)
            var index = offset
            while index + bytes.count <= text.count {
                if Array(text[index..<(index + bytes.count)]) == bytes { return index }
                index += 1
            }
            return nil
        }
    }
}
