public import KubeModel

/// kubectl's `-o jsonpath=TEMPLATE` (client-go util/jsonpath), for the subset scripts use: text, `{.a.b}`,
/// `{..name}`, `[n]`, `[*]`, `[a:b]`, `['key']`, `[?(@.path == "v")]`, `{"literal"}` and
/// `{range EXPR}...{end}`. Missing keys print nothing, as `get` allows missing template keys.
///
/// ```swift
/// try JSONPath("{.items[*].metadata.name}").render(list)   // "web api"
/// ```
public struct JSONPath: Sendable {
    indirect enum Node: Sendable {
        case text(String)
        case path([Step])
        case range([Step], [Node])
    }

    enum Step: Sendable {
        case field(String)  // "*" is every value of an object
        case recursive(String)
        case index(Int)
        case slice(Int?, Int?)
        case all
        case filter(path: [Step], op: String?, value: JSONValue?)
    }

    let nodes: [Node]

    /// Parses a template; throws kubectl's `error parsing jsonpath TEMPLATE, REASON`.
    public init(_ template: String) throws(JSONPathError) {
        var parser = Parser(template: template)
        nodes = try parser.parseNodes(untilEnd: false)
    }
}

public struct JSONPathError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
}

extension JSONPath {
    struct Parser {
        let template: String
        var rest: Substring

        init(template: String) {
            self.template = template
            rest = Substring(template)
        }

        func failure(_ reason: String) -> JSONPathError {
            JSONPathError(description: "error parsing jsonpath \(template), \(reason)")
        }

        mutating func parseNodes(untilEnd: Bool) throws(JSONPathError) -> [Node] {
            var nodes: [Node] = []
            while !rest.isEmpty {
                guard let open = rest.firstIndex(of: "{") else {
                    nodes.append(.text(String(rest)))
                    rest = ""
                    break
                }
                if open > rest.startIndex { nodes.append(.text(String(rest[..<open]))) }
                guard let close = rest[open...].firstIndex(of: "}") else { throw failure("unclosed action") }
                let action = rest[rest.index(after: open)..<close].trimmingCharacters(in: .whitespaces)
                rest = rest[rest.index(after: close)...]
                if action == "end" {
                    if untilEnd { return nodes }
                    throw failure("not in range, nothing to end")
                }
                if action.hasPrefix("range ") {
                    let steps = try parsePath(String(action.dropFirst(6)))
                    nodes.append(.range(steps, try parseNodes(untilEnd: true)))
                } else if let literal = Self.quoted(action) {
                    nodes.append(.text(literal))
                } else {
                    nodes.append(.path(try parsePath(action)))
                }
            }
            if untilEnd { throw failure("unclosed range") }
            return nodes
        }

        /// `"..."` with Go's escapes for newline and tab; nil if the action is not a quoted literal.
        static func quoted(_ action: String) -> String? {
            guard action.count >= 2, action.first == "\"", action.last == "\"" else { return nil }
            return String(action.dropFirst().dropLast())
                .replacingOccurrences(of: "\\n", with: "\n").replacingOccurrences(of: "\\t", with: "\t")
        }

        func parsePath(_ text: String) throws(JSONPathError) -> [Step] {
            var steps: [Step] = []
            var s = Substring(text.trimmingCharacters(in: .whitespaces))
            if s.first == "$" || s.first == "@" { s = s.dropFirst() }
            while let first = s.first {
                if s.hasPrefix("..") {
                    s = s.dropFirst(2)
                    steps.append(.recursive(Self.identifier(&s)))
                } else if first == "." {
                    s = s.dropFirst()
                    if s.first == "*" {
                        s = s.dropFirst()
                        steps.append(.field("*"))
                    } else if !s.isEmpty && s.first != "[" {
                        steps.append(.field(Self.identifier(&s)))
                    }
                } else if first == "[" {
                    guard let close = Self.closingBracket(s) else { throw failure("unterminated array") }
                    steps.append(try bracket(String(s[s.index(after: s.startIndex)..<close])))
                    s = s[s.index(after: close)...]
                } else {
                    steps.append(.field(Self.identifier(&s)))
                }
            }
            return steps
        }

        /// A field name up to the next unescaped `.` or `[`; `\.` is a dot inside the name.
        static func identifier(_ s: inout Substring) -> String {
            var name = ""
            while let character = s.first, character != ".", character != "[" {
                s = s.dropFirst()
                if character == "\\", s.first == "." {
                    s = s.dropFirst()
                    name.append(".")
                } else {
                    name.append(character)
                }
            }
            return name
        }

        static func closingBracket(_ s: Substring) -> Substring.Index? {
            var depth = 0
            for index in s.indices {
                if s[index] == "[" { depth += 1 }
                if s[index] == "]" { depth -= 1 }
                if depth == 0 { return index }
            }
            return nil
        }

        func bracket(_ body: String) throws(JSONPathError) -> Step {
            let inner = body.trimmingCharacters(in: .whitespaces)
            if inner == "*" { return .all }
            if let number = Int(inner) { return .index(number) }
            if let key = Self.quoted(inner.replacingOccurrences(of: "'", with: "\"")) {
                return .field(key.replacingOccurrences(of: "\\.", with: "."))
            }
            if inner.hasPrefix("?(") && inner.hasSuffix(")") { return try filter(String(inner.dropFirst(2).dropLast())) }
            let bounds = inner.split(separator: ":", omittingEmptySubsequences: false)
            if bounds.count == 2 || bounds.count == 3 {
                return .slice(Int(bounds[0].trimmingCharacters(in: .whitespaces)),
                              Int(bounds[1].trimmingCharacters(in: .whitespaces)))
            }
            throw failure("invalid array index \(inner)")
        }

        func filter(_ expression: String) throws(JSONPathError) -> Step {
            for op in ["==", "!=", "<=", ">=", "<", ">"] {
                guard let range = expression.range(of: op) else { continue }
                let lhs = try parsePath(String(expression[..<range.lowerBound]))
                let rhs = expression[range.upperBound...].trimmingCharacters(in: .whitespaces)
                let value: JSONValue = Self.quoted(rhs.replacingOccurrences(of: "'", with: "\"")).map(JSONValue.string)
                    ?? Int(rhs).map(JSONValue.int) ?? Double(rhs).map(JSONValue.double) ?? .string(rhs)
                return .filter(path: lhs, op: op, value: value)
            }
            return .filter(path: try parsePath(expression), op: nil, value: nil)
        }
    }
}
