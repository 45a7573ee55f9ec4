extension JSONPath {
    /// A port of client-go's jsonpath `Parser` (parser.go), rune by rune, so that templates parse, and fail to
    /// parse, exactly as in kubectl.
    ///
    /// Like the Go parser it reads text up to `{`, then the action's tokens up to the `}` that is not inside a
    /// quoted string, and so on to the end; the brackets re-parse their inside as small templates of their own.
    struct Parser {
        /// Why a template does not parse (client-go's error text).
        struct Failure: Error {
            var reason: String
        }

        let input: [Unicode.Scalar]
        /// The next scalar to read, and the start of the token being read.
        var position = 0
        var start = 0
        var root: [Node] = []

        private init(_ text: String) {
            input = Array(text.unicodeScalars)
        }

        /// `Parse`: the top-level nodes of a template.
        static func parse(_ text: String) throws(Failure) -> [Node] {
            var parser = Parser(text)
            try parser.parseText()
            return parser.root
        }

        /// `parseAction`: the nodes of `{text}`, for a bracket's inside. Whatever follows the first action's `}` is
        /// dropped, as in Go.
        static func parseAction(_ text: String) throws(Failure) -> [Node] {
            guard case .list(let nodes)? = try parse("{" + text + "}").first else { return [] }
            return nodes
        }

        // MARK: - Reading

        mutating func next() -> Unicode.Scalar? {
            guard position < input.count else { return nil }
            position += 1
            return input[position - 1]
        }

        func peek() -> Unicode.Scalar? {
            position < input.count ? input[position] : nil
        }

        /// Steps back over the scalar `next()` returned, if it returned one.
        mutating func backup(_ scalar: Unicode.Scalar?) {
            if scalar != nil { position -= 1 }
        }

        func hasPrefix(_ prefix: String) -> Bool {
            input[position...].starts(with: prefix.unicodeScalars)
        }

        /// `consumeText`: the text since the last call.
        mutating func consumeText() -> String {
            var text = String.UnicodeScalarView()
            text.append(contentsOf: input[start..<position])
            start = position
            return String(text)
        }

        /// Whether the scalar two before the position is a backslash (Go's `p.input[p.pos-2] != '\\'`, which looks
        /// at bytes; a backslash byte is only ever a backslash scalar).
        var afterBackslash: Bool { position >= 2 && input[position - 2] == "\\" }

        // MARK: - Text and actions

        /// `parseText`: text up to each `{`, then the action.
        private mutating func parseText() throws(Failure) {
            while true {
                if hasPrefix("{") {
                    if position > start { root.append(.text(consumeText())) }
                    position += 1
                    _ = consumeText()
                    root.append(.list(try parseInsideAction()))
                    continue
                }
                if next() == nil { break }
            }
            if position > start { root.append(.text(consumeText())) }
        }

        /// `parseInsideAction`, looped: the nodes of one action, up to and including its `}`.
        private mutating func parseInsideAction() throws(Failure) -> [Node] {
            var nodes: [Node] = []
            while true {
                if hasPrefix("}") {
                    position += 1
                    _ = consumeText()
                    return nodes
                }
                if hasPrefix("[?(") {
                    nodes.append(try parseFilter())
                    continue
                }
                if hasPrefix("..") {
                    try parseRecursive(&nodes)
                    continue
                }
                let scalar = next()
                switch scalar {
                case nil, "\r", "\n":
                    throw Failure(reason: "unclosed action")
                case " ", "@", "$":
                    _ = consumeText()
                case "[":
                    nodes += try parseArray()
                case let quote? where quote == "\"" || quote == "'":
                    nodes.append(try parseQuote(ending: quote))
                case ".":
                    nodes.append(parseField())
                case let scalar? where scalar == "+" || scalar == "-" || Self.isDigit(scalar):
                    backup(scalar)
                    nodes.append(try parseNumber())
                case let scalar? where Self.isAlphaNumeric(scalar):
                    backup(scalar)
                    nodes.append(parseIdentifier())
                case let scalar?:
                    throw Failure(reason: "unrecognized character in action: \(Self.goUnicode(scalar))")
                }
            }
        }

        /// `parseIdentifier`: `true`, `false`, or a keyword (`range`, `end`) checked only when the template runs.
        private mutating func parseIdentifier() -> Node {
            while true {
                let scalar = next()
                if Self.isTerminator(scalar) {
                    backup(scalar)
                    break
                }
            }
            let value = consumeText()
            if value == "true" || value == "false" { return .bool(value == "true") }
            return .identifier(value)
        }

        /// `parseRecursive`: `..`, and the field it names right away.
        private mutating func parseRecursive(_ nodes: inout [Node]) throws(Failure) {
            if case .recursive? = nodes.last { throw Failure(reason: "invalid multiple recursive descent") }
            position += 2
            _ = consumeText()
            nodes.append(.recursive)
            if let scalar = peek(), Self.isAlphaNumeric(scalar) { nodes.append(parseField()) }
        }

        /// `parseNumber`: an optional sign, then digits and dots, read as an int or else a float.
        private mutating func parseNumber() throws(Failure) -> Node {
            if peek() == "+" || peek() == "-" { _ = next() }
            while true {
                let scalar = next()
                if let scalar, scalar == "." || Self.isDigit(scalar) { continue }
                backup(scalar)
                break
            }
            let value = consumeText()
            if let number = Int(value) { return .int(number) }
            if value.unicodeScalars.allSatisfy(\.isASCII), let number = Double(value) { return .float(number) }
            throw Failure(reason: "cannot parse number \(value)")
        }

        /// `parseQuote`: a literal up to its closing quote (one not right after a backslash), unquoted.
        private mutating func parseQuote(ending quote: Unicode.Scalar) throws(Failure) -> Node {
            scan: while true {
                switch next() {
                case nil, "\n": throw Failure(reason: "unterminated quoted string")
                case let scalar? where scalar == quote && !afterBackslash: break scan
                default: continue
                }
            }
            let value = consumeText()
            guard let text = Self.unquoteExtend(value) else {
                throw Failure(reason: "unquote string \(value) error invalid syntax")
            }
            return .text(text)
        }

        /// `parseField`: a name up to the next unescaped terminator, backslashes dropped; `*` is every value.
        private mutating func parseField() -> Node {
            _ = consumeText()
            while advance() {}
            let value = consumeText()
            return value == "*" ? .wildcard : .field(value.replacingOccurrences(of: "\\", with: ""))
        }

        /// `advance`: one scalar of a field name (two for an escape); false at a terminator.
        private mutating func advance() -> Bool {
            let scalar = next()
            if scalar == "\\" {
                _ = next()
            } else if Self.isTerminator(scalar) {
                backup(scalar)
                return false
            }
            return true
        }
    }
}
