import Foundation
import KubeModel

extension GoTemplate.Run {
    /// text/template's built-in functions that make sense over JSON, and kubectl's `base64decode`.
    static func function(_ name: String, _ arguments: [Value]) throws(GoTemplate.Failure) -> Value {
        func failure(_ message: String) -> GoTemplate.Failure { GoTemplate.Failure(message: message) }
        func count(_ expected: Int) throws(GoTemplate.Failure) {
            guard arguments.count == expected else {
                throw failure("wrong number of args for \(name): want \(expected) got \(arguments.count)")
            }
        }
        switch name {
        case "index":
            guard var item = arguments.first else { throw failure("wrong number of args for index: want at least 1 got 0") }
            for key in arguments.dropFirst() {
                switch (item, key) {
                case (.object(let map)?, .string(let name)?): item = map[name]
                case (.array(let list)?, .int(let position)?):
                    guard list.indices.contains(position) else { throw failure("index out of range: \(position)") }
                    item = list[position]
                case (nil, _), (.null?, _): throw failure("index of untyped nil")
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
        case "and", "or":
            guard !arguments.isEmpty else { throw failure("wrong number of args for \(name): want at least 1 got 0") }
            for argument in arguments.dropLast() where truth(argument) == (name == "or") { return argument }
            return arguments[arguments.count - 1]
        case "eq":
            guard arguments.count >= 2 else { throw failure("missing argument for comparison") }
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

    /// `fmt.Sprintf` for the verbs templates use (`%s %v %d %q %t %%`), with the `-` and `0` flags and a width.
    private static func sprintf(_ format: String, _ arguments: [Value]) -> String {
        var out = ""
        var remaining = arguments[...]
        let characters = Array(format)
        var index = 0
        while index < characters.count {
            let character = characters[index]
            index += 1
            guard character == "%" else {
                out.append(character)
                continue
            }
            var leftAlign = false, zeroPad = false, width = 0
            while index < characters.count, characters[index] == "-" || characters[index] == "0" {
                if characters[index] == "-" { leftAlign = true } else { zeroPad = true }
                index += 1
            }
            while index < characters.count, let digit = characters[index].wholeNumberValue {
                width = width * 10 + digit
                index += 1
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
            var text = verb == "q" ? GoJSONWriter.compact(.string(printed(argument))) : printed(argument)
            if text.count < width {
                let padding = String(repeating: zeroPad && !leftAlign ? "0" : " ", count: width - text.count)
                text = leftAlign ? text + padding : padding + text
            }
            out += text
        }
        if !remaining.isEmpty { out += "%!(EXTRA " + remaining.map(printed).joined(separator: ", ") + ")" }
        return out
    }

    /// text/template's comparison: numbers with numbers, strings with strings, bools (equality only).
    private static func compare(_ a: Value, _ b: Value, ordered: Bool = false) throws(GoTemplate.Failure) -> Int {
        switch (a, b) {
        case (.int(let x)?, .int(let y)?): return x < y ? -1 : (x == y ? 0 : 1)
        case (.int(let x)?, .double(let y)?): return Double(x) < y ? -1 : (Double(x) == y ? 0 : 1)
        case (.double(let x)?, .int(let y)?): return x < Double(y) ? -1 : (x == Double(y) ? 0 : 1)
        case (.double(let x)?, .double(let y)?): return x < y ? -1 : (x == y ? 0 : 1)
        case (.string(let x)?, .string(let y)?): return x < y ? -1 : (x == y ? 0 : 1)
        case (.bool(let x)?, .bool(let y)?) where !ordered: return x == y ? 0 : 1
        case (nil, _), (_, nil), (.null?, _), (_, .null?): throw GoTemplate.Failure(message: "invalid type for comparison")
        default: throw GoTemplate.Failure(message: "incompatible types for comparison")
        }
    }
}
