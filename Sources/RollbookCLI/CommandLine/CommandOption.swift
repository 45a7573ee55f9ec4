import KubeModel

/// One flag of a command, pflag-style: a long name, maybe a one-letter shorthand, and whether it takes a value.
struct OptionInfo: Sendable {
    let long: String
    let short: Character?
    /// False for a boolean flag (`--all`, `--all=false`).
    let takesValue: Bool
    /// What `--name` alone means for an option that takes a value (pflag's NoOptDefVal), e.g. `--cascade`.
    let valueWhenBare: String?
    let required: Bool
    let hidden: Bool
    let valueName: String
    let help: String

    /// kubectl's way of naming a flag in messages: `--revision`, or `-w, --watch` when it has a shorthand.
    var messageName: String { short.map { "-\($0), --\(long)" } ?? "--\(long)" }
}

/// A flag bound to the command struct `C` that stores its value. Built from key paths, so a command declares
/// each flag once, and nothing is discovered by reflection when a command line is parsed.
struct CommandOption<C>: Sendable {
    let info: OptionInfo
    /// Stores one occurrence's value text (for a boolean flag: already checked to be a Go boolean).
    let apply: @Sendable (inout C, String) throws -> Void
    /// The value of a default instance, as kubectl's help shows it (`=false`, `=[]`, `=''`).
    let defaultText: @Sendable (C) -> String

    /// The same flag on a command that holds `C` as one of its parts (the global options, `-f`, `--at`).
    func lifted<Whole>(_ part: any Field<Whole, C>) -> CommandOption<Whole> {
        let apply = self.apply, defaultText = self.defaultText
        return CommandOption<Whole>(
            info: info, apply: { whole, text in try apply(&whole[keyPath: part], text) },
            defaultText: { defaultText($0[keyPath: part]) })
    }

    private static func info(
        _ long: String, _ short: Character?, takesValue: Bool = true, valueWhenBare: String? = nil,
        required: Bool = false, hidden: Bool = false, valueName: String, help: String
    ) -> OptionInfo {
        OptionInfo(long: long, short: short, takesValue: takesValue, valueWhenBare: valueWhenBare,
                   required: required, hidden: hidden, valueName: valueName, help: help)
    }

    static func option(
        _ path: any Field<C, String?>, _ long: String, short: Character? = nil, valueName: String = "string",
        help: String
    ) -> Self {
        Self(info: info(long, short, valueName: valueName, help: help),
             apply: { $0[keyPath: path] = $1 }, defaultText: { "'\($0[keyPath: path] ?? "")'" })
    }

    static func option(
        _ path: any Field<C, String>, _ long: String, short: Character? = nil, valueName: String = "string",
        required: Bool = false, valueWhenBare: String? = nil, help: String
    ) -> Self {
        Self(info: info(long, short, valueWhenBare: valueWhenBare, required: required, valueName: valueName, help: help),
             apply: { $0[keyPath: path] = $1 }, defaultText: { "'\($0[keyPath: path])'" })
    }

    /// `--template`, folded into `-o` as cli-runtime's print flags fold it: alone it is a go-template; after a bare
    /// template or columns format it is that format's text; beside any other format it is ignored.
    static func template(_ output: any Field<C, String?>) -> Self {
        Self(info: info("template", nil, valueName: "string",
                        help: "The template for -o go-template or -o jsonpath (alone: go-template)."),
             apply: { command, text in
                 command[keyPath: output] = OutputTemplate.folded(command[keyPath: output], template: text)
             },
             defaultText: { _ in "''" })
    }

    /// Repeatable: each occurrence adds one value.
    static func option(
        _ path: any Field<C, [String]>, _ long: String, short: Character? = nil, valueName: String = "strings",
        help: String
    ) -> Self {
        Self(info: info(long, short, valueName: valueName, help: help),
             apply: { $0[keyPath: path].append($1) },
             defaultText: { "[\($0[keyPath: path].joined(separator: ","))]" })
    }

    static func option(
        _ path: any Field<C, Int>, _ long: String, short: Character? = nil, help: String
    ) -> Self {
        let info = info(long, short, valueName: "int", help: help)
        return Self(info: info, apply: { $0[keyPath: path] = try Self.integer($1, info) },
                    defaultText: { "\($0[keyPath: path])" })
    }

    static func option(
        _ path: any Field<C, Int?>, _ long: String, short: Character? = nil, help: String
    ) -> Self {
        let info = info(long, short, valueName: "int", help: help)
        return Self(info: info, apply: { $0[keyPath: path] = try Self.integer($1, info) },
                    defaultText: { $0[keyPath: path].map(String.init) ?? "-1" })
    }

    /// A Go `time.Duration` (`5s`, `2m30s`), checked as pflag parses it; stored as given.
    static func duration(_ path: any Field<C, String>, _ long: String, help: String) -> Self {
        let info = info(long, nil, valueName: "duration", help: help)
        return Self(info: info, apply: { command, text in
            guard Duration.parse(text) != nil else {
                throw UsageError.invalidValue(text, info, "time: invalid duration \(goQuoted(text))")
            }
            command[keyPath: path] = text
        }, defaultText: { "\($0[keyPath: path])" })
    }

    /// A boolean flag: `--name`, `--name=true|false` (any spelling Go's `strconv.ParseBool` takes).
    static func flag(
        _ path: any Field<C, Bool>, _ long: String, short: Character? = nil, hidden: Bool = false, help: String
    ) -> Self {
        let info = info(long, short, takesValue: false, hidden: hidden, valueName: "", help: help)
        return Self(info: info, apply: { $0[keyPath: path] = try Self.boolean($1, info) },
                    defaultText: { "\($0[keyPath: path])" })
    }

    private static func integer(_ text: String, _ info: OptionInfo) throws -> Int {
        guard let value = Int(text) else {
            throw UsageError.invalidValue(text, info, "strconv.ParseInt: parsing \"\(text)\": invalid syntax")
        }
        return value
    }

    static func boolean(_ text: String, _ info: OptionInfo) throws -> Bool {
        guard let value = goBool(text) else {
            throw UsageError.invalidValue(text, info, "strconv.ParseBool: parsing \"\(text)\": invalid syntax")
        }
        return value
    }

    /// kubectl's warning for a flag that once took a boolean (`--cascade`, `--dry-run`) given one.
    static func booleanDeprecation(_ flag: String, _ value: String, replacement: String) -> String {
        "--\(flag)=\(value) is deprecated (boolean value) and can be replaced with --\(flag)=\(replacement)."
    }

    /// Go's `strconv.ParseBool`.
    static func goBool(_ text: String) -> Bool? {
        switch text {
        case "1", "t", "T", "TRUE", "true", "True": true
        case "0", "f", "F", "FALSE", "false", "False": false
        default: nil
        }
    }
}

/// A stored property of a command struct; key path literals of stored properties are `Sendable`.
typealias Field<Root, Value> = WritableKeyPath<Root, Value> & Sendable

/// Flags several commands share, kept in a struct of their own (the global flags, `-f`, `--at`).
protocol OptionGroup {
    static var options: [CommandOption<Self>] { get }
}

extension OptionGroup {
    /// The group's flags on a command that stores the group at `path`.
    static func options<C>(in path: any Field<C, Self>) -> [CommandOption<C>] { options.map { $0.lifted(path) } }
}
