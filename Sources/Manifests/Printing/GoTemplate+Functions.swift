import Foundation
import KubeModel

extension GoTemplate.Run {
    /// text/template's built-in functions that make sense over JSON, and kubectl's `base64decode`.
    static func function(_ name: String, _ arguments: [Value]) throws -> Value {
        func failure(_ message: String) -> GoTemplate.Failure { GoTemplate.Failure(message: message) }
        func count(_ expected: Int) throws {
            guard arguments.count == expected else {
                throw GoTemplate.Arity(message: "wrong number of args for \(name): want \(expected) got \(arguments.count)")
            }
        }
        switch name {
        case "index":
            guard var item = arguments.first else {
                throw GoTemplate.Arity(message: "wrong number of args for index: want at least 1 got 0")
            }
            for key in arguments.dropFirst() {
                switch (item, key) {
                case (.object(let map)?, .string(let name)?): item = map[name]
                case (.array(let list)?, .int(let position)?):
                    guard list.indices.contains(position) else { throw failure("index out of range: \(position)") }
                    item = list[position]
                case (nil, _), (.null?, _): throw failure("index of untyped nil")
                case (.array?, let other): throw failure("cannot index slice/array with type \(literalType(other))")
                case (.object?, let other): throw failure("value has type \(literalType(other)); should be string")
                case (let collection?, _): throw failure("can't index item of type \(goType(collection))")
                }
            }
            return item
        case "len":
            try count(1)
            switch arguments[0] {
            case .array(let list)?: return .int(list.count)
            case .object(let map)?: return .int(map.count)
            case .string(let text)?: return .int(text.utf8.count)
            case nil: throw failure("reflect: call of reflect.Value.Type on zero Value")  // Go's words for no value
            case .null?: throw failure("len of nil pointer")
            case let other?: throw failure("len of type \(goType(other))")
            }
        case "not":
            try count(1)
            return .bool(!truth(arguments[0]))
        case "eq":
            guard arguments.count >= 2 else { throw GoTemplate.Arity(message: "missing argument for comparison") }
            for other in arguments.dropFirst() where try compare(arguments[0], other) == 0 { return .bool(true) }
            return .bool(false)
        case "ne", "lt", "le", "gt", "ge":
            try count(2)
            let order = try compare(arguments[0], arguments[1], ordered: name != "ne")
            switch name {
            case "ne": return .bool(order != 0)
            case "lt": return .bool(order < 0)
            case "le": return .bool(order <= 0)
            case "gt": return .bool(order > 0)
            default: return .bool(order >= 0)
            }
        case "print": return .string(sprint(arguments))
        case "println": return .string(arguments.map(printed).joined(separator: " ") + "\n")
        case "printf":
            guard case .string(let format)? = arguments.first else { throw failure("printf needs a format string") }
            return .string(sprintf(format, Array(arguments.dropFirst())))
        case "base64decode":
            try count(1)
            guard case .string(let text)? = arguments[0], let data = Data(base64Encoded: text) else {
                throw failure("base64decode: illegal base64 data")
            }
            return .string(String(decoding: data, as: UTF8.self))
        default:
            throw failure("function \"\(name)\" not defined")
        }
    }

    /// `fmt.Sprint`: a space between operands when neither is a string.
    private static func sprint(_ arguments: [Value]) -> String {
        var out = ""
        for (index, argument) in arguments.enumerated() {
            if index > 0, !isString(arguments[index - 1]), !isString(argument) { out += " " }
            out += printed(argument)
        }
        return out
    }

    private static func isString(_ value: Value) -> Bool {
        if case .string? = value { return true }
        return false
    }

    /// An operand as fmt prints it with `%v`.
    private static func printed(_ value: Value) -> String {
        switch value {
        case nil: "<nil>"
        case .double(let number)?: goFloat(number)
        case let value?: JSONPath.goValueText(value)
        }
    }

    /// `fmt.Sprintf` for the verbs templates use (`%v %s %d %q %t %f %x %X`), with the `-` and `0` flags, a width and
    /// a precision; another verb, or one that does not fit its operand, prints Go's `%!verb(type=value)`.
    private static func sprintf(_ format: String, _ arguments: [Value]) -> String {
        var out = ""
        var remaining = arguments[...]
        let characters = Array(format)
        var index = 0
        func number() -> Int? {
            var value: Int?
            while index < characters.count, let digit = characters[index].wholeNumberValue {
                value = (value ?? 0) * 10 + digit
                index += 1
            }
            return value
        }
        while index < characters.count {
            let character = characters[index]
            index += 1
            guard character == "%" else {
                out.append(character)
                continue
            }
            var leftAlign = false, zeroPad = false
            while index < characters.count, characters[index] == "-" || characters[index] == "0" {
                if characters[index] == "-" { leftAlign = true } else { zeroPad = true }
                index += 1
            }
            let width = number() ?? 0
            var precision: Int?
            if index < characters.count, characters[index] == "." {
                index += 1
                precision = number() ?? 0
            }
            guard index < characters.count else {
                out += "%!(NOVERB)"
                break
            }
            let verb = characters[index]
            index += 1
            if verb == "%" {
                out += "%"
                continue
            }
            guard let argument = remaining.popFirst() else {
                out += "%!\(verb)(MISSING)"
                continue
            }
            var text = formatted(argument, verb: verb, precision: precision)
            if text.count < width {
                let numeric = ["d", "f", "x", "X"].contains(verb)
                let padding = String(repeating: zeroPad && !leftAlign && numeric ? "0" : " ", count: width - text.count)
                if leftAlign {
                    text += padding
                } else if padding.first == "0", text.first == "-" {
                    text = "-" + padding + text.dropFirst()
                } else {
                    text = padding + text
                }
            }
            out += text
        }
        if !remaining.isEmpty {
            out += "%!(EXTRA " + remaining.map { "\(literalType($0))=\(printed($0))" }.joined(separator: ", ") + ")"
        }
        return out
    }

    /// One operand under one verb.
    private static func formatted(_ value: Value, verb: Character, precision: Int?) -> String {
        let bad = "%!\(verb)(\(literalType(value))=\(printed(value)))"
        switch (verb, value) {
        case ("v", _): return printed(value)
        case ("s", .string(let text)?): return precision.map { String(text.prefix($0)) } ?? text
        case ("q", .string(let text)?): return goQuoted(text)
        case ("d", .int(let number)?): return String(number)
        case ("t", .bool(let flag)?): return flag ? "true" : "false"
        case ("f", .double(let number)?), ("F", .double(let number)?):
            return String(format: "%.\(precision ?? 6)f", number)
        case ("x", .int(let number)?): return String(number, radix: 16)
        case ("X", .int(let number)?): return String(number, radix: 16).uppercased()
        case ("x", .string(let text)?): return text.utf8.map { String(format: "%02x", $0) }.joined()
        case ("X", .string(let text)?): return text.utf8.map { String(format: "%02X", $0) }.joined()
        default: return bad
        }
    }

    /// The Go type fmt names in `%!verb(type=value)`: template literals are `int` and `float64`.
    private static func literalType(_ value: Value) -> String {
        switch value {
        case .int?: "int"
        case nil, .null?: "<nil>"
        case let value?: goType(value)
        }
    }

    /// text/template's comparison: numbers with numbers, strings with strings, bools (equality only).
    private static func compare(_ a: Value, _ b: Value, ordered: Bool = false) throws(GoTemplate.Failure) -> Int {
        switch (a, b) {
        case (.int(let x)?, .int(let y)?): return x < y ? -1 : (x == y ? 0 : 1)
        case (.double(let x)?, .double(let y)?): return x < y ? -1 : (x == y ? 0 : 1)
        case (.string(let x)?, .string(let y)?): return x < y ? -1 : (x == y ? 0 : 1)
        case (.bool(let x)?, .bool(let y)?) where !ordered: return x == y ? 0 : 1
        case (nil, _), (_, nil), (.null?, _), (_, .null?): throw GoTemplate.Failure(message: "invalid type for comparison")
        default: throw GoTemplate.Failure(message: "incompatible types for comparison")
        }
    }
}
