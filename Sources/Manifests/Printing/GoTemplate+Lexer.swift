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

        private static func isIdentifier(_ byte: UInt8) -> Bool {
            (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
                || byte == UInt8(ascii: "_") || byte >= 0x80
        }

        private mutating func quoted() throws(Failure) -> String {
            let quote = text[offset]
            offset += 1
            var bytes: [UInt8] = []
            while offset < text.count, text[offset] != quote {
                var byte = text[offset]
                if quote == UInt8(ascii: "\""), byte == UInt8(ascii: "\\"), offset + 1 < text.count {
                    offset += 1
                    switch text[offset] {
                    case UInt8(ascii: "n"): byte = 0x0A
                    case UInt8(ascii: "t"): byte = 0x09
                    case UInt8(ascii: "r"): byte = 0x0D
                    default: byte = text[offset]
                    }
                } else if quote == UInt8(ascii: "\""), byte == 0x0A {
                    throw GoTemplate.parseError("unterminated quoted string")
                }
                bytes.append(byte)
                offset += 1
            }
            guard offset < text.count else {
                throw GoTemplate.parseError(quote == UInt8(ascii: "`") ? "unterminated raw quoted string" : "unterminated quoted string")
            }
            offset += 1
            return String(decoding: bytes, as: UTF8.self)
        }

        private mutating func number() throws(Failure) -> JSONValue {
            let start = offset
            offset += 1
            while offset < text.count, Self.isIdentifier(text[offset]) || text[offset] == UInt8(ascii: ".") { offset += 1 }
            let literal = String(decoding: text[start..<offset], as: UTF8.self)
            if let number = Int(literal) { return .int(number) }
            if let number = Double(literal) { return .double(number) }
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
