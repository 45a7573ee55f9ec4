public import KubeModel

extension GoTemplate {
    /// Writes the template's text for `root` (one object, or the `List` of a listing) to `out`; on a failure what
    /// was written so far stays there, as kubectl prints it.
    public func execute(_ root: JSONValue, into out: inout String) throws(Failure) {
        var run = Run(root: root, template: Array(source.utf8))
        try run.render(nodes, dot: root, into: &out)
    }

    /// What kubectl prints after the partial output when executing fails: the error, the template, the raw JSON and
    /// the decoded value.
    public func failureReport(_ failure: Failure, root: JSONValue, raw: String) -> String {
        "Error executing template: \(failure.message). Printing more information for debugging the template:\n"
            + "\ttemplate was:\n\t\t\(source)\n\traw data was:\n\t\t\(raw)\n"
            + "\tobject given to template engine was:\n\t\t\(JSONPath.goValueText(root))\n\n"
    }

    /// A call with the wrong number of arguments, which Go reports before calling (no "error calling").
    struct Arity: Error {
        var message: String
    }

    /// One execution: the variables in scope (`$` is the root).
    struct Run {
        /// nil: no value (a missing map key), which prints `<no value>`.
        typealias Value = JSONValue?

        var variables: [(String, Value)]
        let template: [UInt8]

        init(root: JSONValue, template: [UInt8]) {
            variables = [("$", root)]
            self.template = template
        }

        mutating func render(_ nodes: [Node], dot: Value, into out: inout String) throws(Failure) {
            for node in nodes {
                switch node {
                case .text(let text):
                    out += text
                case .action(let pipeline):
                    let value = try evaluate(pipeline, dot: dot)
                    // A declaration prints nothing.
                    if pipeline.variables.isEmpty { out += Self.text(value) }
                case .conditional(let kind, let pipeline, let then, let otherwise):
                    let scope = variables.count
                    defer { variables.removeLast(variables.count - scope) }
                    try conditional(kind, pipeline, then: then, otherwise: otherwise, dot: dot, into: &out)
                }
            }
        }

        private mutating func conditional(
            _ kind: Block, _ pipeline: Pipeline, then: [Node], otherwise: [Node], dot: Value, into out: inout String
        ) throws(Failure) {
            var condition = pipeline
            let names = condition.variables
            if kind == .range { condition.variables = [] }
            let value = try evaluate(condition, dot: dot)
            switch kind {
            case .if:
                try render(Self.truth(value) ? then : otherwise, dot: dot, into: &out)
            case .with:
                try render(Self.truth(value) ? then : otherwise, dot: Self.truth(value) ? value : dot, into: &out)
            case .range:
                let items: [(JSONValue, JSONValue)]
                switch value {
                case .array(let list)?: items = list.enumerated().map { (.int($0.offset), $0.element) }
                case .object(let map)?: items = GoJSONWriter.sortedKeys(map).map { (.string($0), map[$0]!) }
                case nil, .null?: items = []
                case let other?:
                    let first = pipeline.commands[0][0]
                    throw failure(at: first, "range can't iterate over \(Self.text(other))")
                }
                guard !items.isEmpty else { return try render(otherwise, dot: dot, into: &out) }
                for (key, element) in items {
                    let scope = variables.count
                    if names.count == 1 { variables.append((names[0], element)) }
                    if names.count == 2 { variables += [(names[0], key), (names[1], element)] }
                    try render(then, dot: element, into: &out)
                    variables.removeLast(variables.count - scope)
                }
            }
        }

        mutating func evaluate(_ pipeline: Pipeline, dot: Value) throws(Failure) -> Value {
            var result: Value?
            for command in pipeline.commands {
                result = try call(command, dot: dot, piped: result)
            }
            let value = result ?? nil
            if let name = pipeline.variables.last { variables.append((name, value)) }
            return value
        }

        private mutating func call(_ command: [Operand], dot: Value, piped: Value?) throws(Failure) -> Value {
            guard case .function(let name) = command[0].kind else {
                guard command.count == 1, piped == nil else {
                    throw failure(at: command[0], "can't give argument to non-function \(command[0].text)")
                }
                if case .literal(.null) = command[0].kind { throw failure(at: command[0], "nil is not a command") }
                return try operand(command[0], dot: dot)
            }
            let whole = Operand(
                kind: command[0].kind, position: command[0].position, text: command.map(\.text).joined(separator: " "))
            if name == "and" || name == "or" {
                // Since Go 1.18 they stop at the argument that decides, leaving the rest unevaluated.
                let count = command.count - 1 + (piped == nil ? 0 : 1)
                guard count > 0 else { throw failure(at: whole, "wrong number of args for \(name): want at least 1 got 0") }
                var last: Value = nil
                for argument in command.dropFirst() {
                    last = try operand(argument, dot: dot)
                    if Self.truth(last) == (name == "or") { return last }
                }
                return piped ?? last
            }
            var arguments: [Value] = []
            for argument in command.dropFirst() { arguments.append(try operand(argument, dot: dot)) }
            if let piped { arguments.append(piped) }
            return try call(name, arguments, at: whole)
        }

        /// A built-in function; its errors placed at `node`, arity errors without Go's "error calling".
        private func call(_ name: String, _ arguments: [Value], at node: Operand) throws(Failure) -> Value {
            do {
                return try Self.function(name, arguments)
            } catch let error as Arity {
                throw failure(at: node, error.message)
            } catch let error as Failure {
                throw failure(at: node, "error calling \(name): \(error.message)")
            } catch {
                throw failure(at: node, "error calling \(name): \(error)")
            }
        }

        private mutating func operand(_ operand: Operand, dot: Value) throws(Failure) -> Value {
            switch operand.kind {
            case .dot(let chain): return try fields(chain, of: dot, at: operand)
            case .variable(let name, let chain):
                guard let bound = variables.last(where: { $0.0 == name }) else {
                    throw GoTemplate.parseError("undefined variable \"\(name)\"")
                }
                return try fields(chain, of: bound.1, at: operand)
            case .literal(let value): return value
            case .function(let name):
                // A function as an argument is called with no arguments of its own.
                return try call(name, [], at: operand)
            case .nested(let inner, let chain): return try fields(chain, of: try evaluate(inner, dot: dot), at: operand)
            }
        }

        private func fields(_ chain: [String], of value: Value, at operand: Operand) throws(Failure) -> Value {
            var current = value
            for name in chain {
                switch current {
                case .object(let map)?: current = map[name]
                // A missing key yields no value, and a field of no value is no value again.
                case nil: return nil
                case .null?: throw failure(at: operand, "nil pointer evaluating interface {}.\(name)")
                // Values decoded from JSON sit in `interface {}` slots, the type text/template names.
                case .some:
                    throw failure(at: operand, "can't evaluate field \(name) in type interface {}")
                }
            }
            return current
        }

        /// text/template's `ErrorContext`: the line and byte column of the node, and the node as text.
        private func failure(at operand: Operand, _ detail: String) -> Failure {
            let before = template[..<min(operand.position, template.count)]
            let line = 1 + before.count(where: { $0 == 0x0A })
            let column = before.lastIndex(of: 0x0A).map { operand.position - ($0 + 1) } ?? operand.position
            return Failure(
                message: "template: output:\(line):\(column): executing \"output\" at <\(operand.text)>: \(detail)")
        }

        /// text/template's truth: false, 0, nil, and empty strings, lists and maps are false.
        static func truth(_ value: Value) -> Bool {
            switch value {
            case nil, .null?: false
            case .bool(let flag)?: flag
            case .int(let number)?: number != 0
            case .double(let number)?: number != 0
            case .string(let text)?: !text.isEmpty
            case .array(let items)?: !items.isEmpty
            case .object(let map)?: !map.isEmpty
            }
        }

        /// What `{{VALUE}}` prints: Go's `fmt.Fprint` of the decoded JSON. A JSON null is a nil interface, which the
        /// pipeline turns into no value.
        static func text(_ value: Value) -> String {
            switch value {
            case nil, .null?: "<no value>"
            case .double(let number)?: goFloat(number)
            case let value?: JSONPath.goValueText(value)
            }
        }

        /// `%v` of a float64 (strconv's `'g'` with the shortest digits).
        static func goFloat(_ number: Double) -> String {
            guard number.isFinite else { return number.isNaN ? "NaN" : (number < 0 ? "-Inf" : "+Inf") }
            return GoFloat(number).generalForm
        }

        static func goType(_ value: JSONValue) -> String {
            switch value {
            case .null: "interface {}"
            case .bool: "bool"
            case .int: "int64"
            case .double: "float64"
            case .string: "string"
            case .array: "[]interface {}"
            case .object: "map[string]interface {}"
            }
        }
    }
}
