extension JSONPath.Parser {
    typealias Node = JSONPath.Node

    /// `parseArray`: `[...]` up to the first `]`. A comma makes a union of bracketed parts; `'a.b'` is the path
    /// `.a.b` (so `['metadata.name']` reads two fields); anything else must be an index or a slice, `*` being `:`.
    mutating func parseArray() throws(Failure) -> [Node] {
        scan: while true {
            switch next() {
            case nil, "\n": throw Failure(reason: "unterminated array")
            case "]": break scan
            default: continue
            }
        }
        var text = String(consumeText().dropFirst().dropLast())
        if text == "*" { text = ":" }
        let members = text.split(separator: ",", omittingEmptySubsequences: false)
        if members.count > 1 {
            var union: [[Node]] = []
            for member in members {
                union.append(try Self.parseAction("[" + member.trimmingCharacters(in: [" "]) + "]"))
            }
            return [.union(union)]
        }
        // dictKeyRex: ^'([^']*)'$
        if text.count >= 2, text.first == "'", text.last == "'", !text.dropFirst().dropLast().contains("'") {
            return try Self.parseAction("." + text.dropFirst().dropLast())
        }
        return [.array(try Self.slice(text))]
    }

    /// The `[start:end:step]` parameters, as `sliceOperatorRex` (`^(-?\d*)(:-?\d*)?(:-?\d*)?$`) splits them.
    private static func slice(_ text: String) throws(Failure) -> JSONPath.Slice {
        var rest = Substring(text)
        func part() -> Substring {
            let sign = rest.first == "-" ? 1 : 0
            let digits = rest.dropFirst(sign).prefix { $0.isASCII && $0.isNumber }.count
            defer { rest = rest.dropFirst(sign + digits) }
            return rest.prefix(sign + digits)
        }
        let first = part()
        var second: Substring?
        var third: Substring?
        if rest.first == ":" {
            rest = rest.dropFirst()
            second = part()
        }
        if rest.first == ":" {
            rest = rest.dropFirst()
            third = part()
        }
        guard rest.isEmpty else { throw Failure(reason: "invalid array index \(text)") }
        func number(_ digits: Substring) throws(Failure) -> Int {
            guard let value = Int(digits) else { throw Failure(reason: "array index \(digits) is not a number") }
            return value
        }
        var slice = JSONPath.Slice()
        if !first.isEmpty { slice.start = try number(first) }
        if let second {
            if !second.isEmpty { slice.end = try number(second) }
        } else {
            slice.end = (slice.start ?? 0) &+ 1
            slice.endDerived = true
        }
        if let third, !third.isEmpty { slice.step = try number(third) }
        return slice
    }

    /// `parseFilter`: `[?(...)]` up to the `)` outside a quoted value, then `LEFT OP RIGHT` or a path that must exist.
    mutating func parseFilter() throws(Failure) -> Node {
        position += 3
        _ = consumeText()
        var begin = false, end = false
        var pair: Unicode.Scalar?
        scan: while true {
            let scalar = next()
            switch scalar {
            case nil, "\n":
                throw Failure(reason: "unterminated filter")
            case "\"", "'":
                if !begin {
                    begin = true
                    pair = scalar
                } else if !afterBackslash && scalar == pair {
                    end = true
                }
            case ")":
                if begin == end { break scan }
            default:
                continue
            }
        }
        if next() != "]" { throw Failure(reason: "unclosed array expect ]") }
        let text = String(consumeText().dropLast(2))
        guard let (left, op, right) = Self.comparison(text) else {
            return .filter(left: try Self.parseAction(text), op: "exists", right: [])
        }
        return .filter(left: try Self.parseAction(left), op: op, right: try Self.parseAction(right))
    }

    /// `^([^!<>=]+)([!<>=]+)(.+?)$`: the text before the first operator character, the run of operator characters
    /// (leaving at least one character after it), and the rest.
    private static func comparison(_ text: String) -> (String, String, String)? {
        let isOperator = { (character: Character) in "!<>=".contains(character) }
        guard let opStart = text.firstIndex(where: isOperator), opStart > text.startIndex else { return nil }
        var opEnd = text[opStart...].firstIndex { !isOperator($0) } ?? text.endIndex
        if opEnd == text.endIndex {
            opEnd = text.index(before: opEnd)
            guard opEnd > opStart else { return nil }
        }
        return (String(text[..<opStart]), String(text[opStart..<opEnd]), String(text[opEnd...]))
    }

    // MARK: - Characters

    static func isTerminator(_ scalar: Unicode.Scalar?) -> Bool {
        guard let scalar else { return true }
        return " \t\r\n.,[]$@{}".unicodeScalars.contains(scalar)
    }

    static func isDigit(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.generalCategory == .decimalNumber
    }

    /// Go's `isAlphaNumeric`: `_`, `unicode.IsLetter` or `unicode.IsDigit`.
    static func isAlphaNumeric(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter, .decimalNumber: true
        default: scalar == "_"
        }
    }

    /// Go's `%#U`: `U+0023 '#'`, the quoted character left off when `strconv.IsPrint` says it does not print.
    static func goUnicode(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator:
            return code
        case .spaceSeparator where scalar != " ":
            return code
        default:
            return code + " '\(Character(scalar))'"
        }
    }
}
