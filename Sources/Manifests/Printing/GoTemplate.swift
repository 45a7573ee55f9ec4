public import KubeModel

/// `-o go-template=TEMPLATE`: the part of Go's text/template that kubectl users write, over the decoded JSON.
///
/// Actions print fields (`{{.metadata.name}}`), variables (`$`, `$x`), literals and function calls (`index`, `len`,
/// `eq`, `ne`, `lt`, `le`, `gt`, `ge`, `and`, `or`, `not`, `print`, `printf`, `println`, kubectl's
/// `base64decode`), chained with `|`; `if`/`else if`/`else`, `range` (with `$i, $v :=`, over lists and maps in
/// key order) and `with` take a body up to `{{end}}`; `{{-`/`-}}` trim spaces and comments are skipped. A missing
/// map key prints `<no value>`, as with kubectl's default `--allow-missing-template-keys`.
public struct GoTemplate: Sendable {
    indirect enum Node: Sendable {
        case text(String)
        case action(Pipeline)
        case conditional(kind: Block, Pipeline, then: [Node], otherwise: [Node])
    }

    enum Block: Sendable { case `if`, range, with }

    struct Pipeline: Sendable {
        var variables: [String] = []
        var commands: [[Operand]]
    }

    struct Operand: Sendable {
        var kind: OperandKind
        /// Where Go's errors place it: its first byte, or for a field chain of several names the second one.
        var position: Int
        /// Its text as Go's parse tree prints it.
        var text: String
    }

    indirect enum OperandKind: Sendable {
        case dot([String])
        case variable(String, [String])
        case literal(JSONValue)
        case function(String)
        case nested(Pipeline, [String])
    }

    public struct Failure: Error, Sendable {
        public var message: String
    }

    public let source: String
    let nodes: [Node]

    public init(_ source: String) throws(Failure) {
        self.source = source
        var parser = Parser(text: Array(source.utf8))
        nodes = try parser.parseTemplate()
    }

    /// kubectl's parse error: `error parsing template TEMPLATE, template: output:1: ...`.
    static func parseError(_ detail: String) -> Failure { Failure(message: "template: output:1: \(detail)") }
}

extension GoTemplate {
    /// Reads the template: text, actions, and the blocks they open up to `{{end}}`.
    struct Parser {
        let text: [UInt8]
        var offset = 0
        /// Set when the last action ended with `-}}`: the next text starts after its leading spaces.
        var trimNext = false
        /// The variables in scope: a declaration lasts to the `{{end}}` of the block it is in.
        var declared = ["$"]

        private enum Item {
            case node(Node)
            case end
            /// `{{else}}`, or `{{else if PIPELINE}}` / `{{else with PIPELINE}}`.
            case otherwise(Block?, Pipeline?)
        }

        mutating func parseTemplate() throws(Failure) -> [Node] {
            let (nodes, stop) = try parseList()
            switch stop {
            case nil: return nodes
            case .end?: throw GoTemplate.parseError("unexpected {{end}}")
            case .otherwise?: throw GoTemplate.parseError("unexpected {{else}}")
            }
        }

        private enum Stop { case end, otherwise(Block?, Pipeline?) }

        /// Nodes up to the end of input, an `{{end}}` or an `{{else}}`.
        private mutating func parseList() throws(Failure) -> ([Node], Stop?) {
            var nodes: [Node] = []
            while let item = try nextItem() {
                switch item {
                case .node(let node): nodes.append(node)
                case .end: return (nodes, .end)
                case .otherwise(let kind, let condition): return (nodes, .otherwise(kind, condition))
                }
            }
            return (nodes, nil)
        }

        private mutating func nextItem() throws(Failure) -> Item? {
            guard offset < text.count else { return nil }
            let open = Array("{{".utf8)
            var end = offset
            while end < text.count, !(text[end] == open[0] && end + 1 < text.count && text[end + 1] == open[1]) { end += 1 }
            if end > offset {
                var chunk = Array(text[offset..<end])
                if trimNext { chunk = Array(chunk.drop(while: Self.isSpace)) }
                trimNext = false
                // `{{- ` trims the text before it.
                if end + 3 < text.count, text[end + 2] == UInt8(ascii: "-"), Self.isSpace(text[end + 3]) {
                    while let last = chunk.last, Self.isSpace(last) { chunk.removeLast() }
                }
                offset = end
                if !chunk.isEmpty { return .node(.text(String(decoding: chunk, as: UTF8.self))) }
                return try nextItem()
            }
            return try parseAction()
        }

        private mutating func parseAction() throws(Failure) -> Item? {
            let start = offset
            do {
                return try parseAction(at: start)
            } catch {
                // Go names the line of the action in parse errors.
                let line = 1 + text[..<start].count(where: { $0 == 0x0A })
                throw Failure(message: error.message.replacingOccurrences(of: "output:1: ", with: "output:\(line): "))
            }
        }

        private mutating func parseAction(at start: Int) throws(Failure) -> Item? {
            offset += 2
            trimNext = false
            if offset + 1 < text.count, text[offset] == UInt8(ascii: "-"), Self.isSpace(text[offset + 1]) { offset += 1 }
            var lexer = Lexer(text: text, offset: offset)
            let tokens = try lexer.tokens()
            offset = lexer.offset
            trimNext = lexer.trimmedRight
            guard let first = tokens.first?.token else {
                if lexer.wasComment { return try nextItem() }
                throw GoTemplate.parseError("missing value for command")
            }
            var rest = Array(tokens.dropFirst())
            switch first {
            case .word("end"):
                guard rest.isEmpty else { throw GoTemplate.parseError("unexpected \(rest[0].token) in end") }
                return .end
            case .word("else"):
                if case .word(let word)? = rest.first?.token, word == "if" || word == "with" {
                    rest.removeFirst()
                    return .otherwise(word == "if" ? .if : .with, try pipeline(rest, kind: nil))
                }
                guard rest.isEmpty else { throw GoTemplate.parseError("unexpected \(rest[0].token) in else") }
                return .otherwise(nil, nil)
            case .word("if"), .word("range"), .word("with"):
                let kind: Block = first == .word("if") ? .if : first == .word("range") ? .range : .with
                let scope = declared.count
                defer { declared.removeLast(declared.count - scope) }
                return .node(try parseBlock(kind, pipeline(rest, kind: kind)))
            default:
                return .node(.action(try pipeline(tokens, kind: nil)))
            }
        }

        private mutating func parseBlock(_ kind: Block, _ condition: Pipeline) throws(Failure) -> Node {
            let (body, stop) = try parseList()
            switch stop {
            case nil: throw GoTemplate.parseError("unexpected EOF")
            case .end?: return .conditional(kind: kind, condition, then: body, otherwise: [])
            case .otherwise(nil, _)?:
                let (alternative, after) = try parseList()
                guard case .end? = after else { throw GoTemplate.parseError("expected end; found {{else}}") }
                return .conditional(kind: kind, condition, then: body, otherwise: alternative)
            case .otherwise(let next?, let nextCondition?)?:
                // `{{else if X}}` is an `{{if X}}` inside the else branch sharing the outer `{{end}}`, and
                // `{{else with X}}` a `{{with X}}` the same way.
                guard next == kind, kind != .range else {
                    throw GoTemplate.parseError("expected end; found {{else \(next == .if ? "if" : "with")}}")
                }
                return .conditional(kind: kind, condition, then: body, otherwise: [try parseBlock(next, nextCondition)])
            case .otherwise(_?, nil)?:
                throw GoTemplate.parseError("missing value for command")
            }
        }

        /// A pipeline, declaring its variables and checking that the ones it uses are declared.
        private mutating func pipeline(_ lexemes: [Lexeme], kind: Block?) throws(Failure) -> Pipeline {
            let parsed = try Self.pipeline(lexemes)
            if parsed.variables.count > (kind == .range ? 2 : 1) {
                throw GoTemplate.parseError("too many declarations in command")
            }
            declared += parsed.variables
            for name in Self.variables(in: parsed) where !declared.contains(name) {
                throw GoTemplate.parseError("undefined variable \"\(name)\"")
            }
            return parsed
        }

        private static func variables(in pipeline: Pipeline) -> [String] {
            pipeline.commands.flatMap { $0 }.flatMap { operand -> [String] in
                switch operand.kind {
                case .variable(let name, _): [name]
                case .nested(let inner, _): variables(in: inner)
                default: []
                }
            }
        }

        static func isSpace(_ byte: UInt8) -> Bool { byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D }

        /// `[$a[, $b] :=] command [| command]...`
        static func pipeline(_ lexemes: [Lexeme]) throws(Failure) -> Pipeline {
            var lexemes = lexemes[...]
            var variables: [String] = []
            if let declare = lexemes.firstIndex(where: { $0.token == .declare }) {
                for lexeme in lexemes[..<declare] {
                    switch lexeme.token {
                    case .variable(let name, []): variables.append(name)
                    case .comma: continue
                    default: throw GoTemplate.parseError("unexpected \(lexeme.token) in declaration")
                    }
                }
                lexemes = lexemes[(declare + 1)...]
            }
            var commands: [[Operand]] = [[]]
            var index = lexemes.startIndex
            while index < lexemes.endIndex {
                let lexeme = lexemes[index]
                index += 1
                let kind: OperandKind
                var text = lexeme.text
                var position = lexeme.start
                switch lexeme.token {
                case .pipe:
                    guard !(commands.last?.isEmpty ?? true) else { throw GoTemplate.parseError("missing value for command") }
                    commands.append([])
                    continue
                case .open:
                    var depth = 1, close = index
                    while close < lexemes.endIndex, depth > 0 {
                        if lexemes[close].token == .open { depth += 1 }
                        if lexemes[close].token == .close { depth -= 1 }
                        close += 1
                    }
                    guard depth == 0 else { throw GoTemplate.parseError("unclosed left paren") }
                    let inner = Array(lexemes[index..<(close - 1)])
                    text = "(" + inner.map(\.text).joined(separator: " ") + ")"
                    var fields: [String] = []
                    if close < lexemes.endIndex, case .fields(let chain) = lexemes[close].token {
                        fields = chain
                        text += lexemes[close].text
                        close += 1
                    }
                    kind = .nested(try pipeline(inner), fields)
                    index = close
                case .close: throw GoTemplate.parseError("unexpected right paren")
                case .dot(let chain), .fields(let chain):
                    kind = .dot(chain)
                    if chain.count > 1 { position += chain[0].utf8.count + 1 }
                case .variable(let name, let chain): kind = .variable(name, chain)
                case .literal(let value): kind = .literal(value)
                case .word(let name):
                    guard functions.contains(name) else { throw GoTemplate.parseError("function \"\(name)\" not defined") }
                    kind = .function(name)
                case .declare, .comma: throw GoTemplate.parseError("unexpected \(lexeme.token) in command")
                }
                commands[commands.count - 1].append(Operand(kind: kind, position: position, text: text))
            }
            guard !(commands.last?.isEmpty ?? true) else { throw GoTemplate.parseError("missing value for command") }
            return Pipeline(variables: variables, commands: commands)
        }

        static let functions: Set<String> = [
            "index", "len", "eq", "ne", "lt", "le", "gt", "ge", "and", "or", "not", "print", "printf", "println",
            "base64decode",
        ]
    }
}
