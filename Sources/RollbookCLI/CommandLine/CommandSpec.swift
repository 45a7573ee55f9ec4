/// A command that has been given its flags and arguments and can run.
protocol RunnableCommand {
    /// Checks combinations of flags that no single flag can; a thrown ``ValidationError`` is a usage error.
    func validate() throws
    mutating func run() throws
}

extension RunnableCommand {
    func validate() throws {}
}

/// The positional arguments of a command, as one list (kubectl's commands read them as `args []string`).
struct PositionalArguments<C>: Sendable {
    /// How usage lines show them: `deployment/NAME...`.
    let usage: String
    let maximum: Int?
    let apply: @Sendable (inout C, [String]) throws -> Void

    static func list(_ path: any Field<C, [String]>, _ usage: String) -> Self {
        Self(usage: usage, maximum: nil, apply: { $0[keyPath: path] = $1 })
    }

    static func optional(_ path: any Field<C, String?>, _ usage: String) -> Self {
        Self(usage: "[\(usage)]", maximum: 1, apply: { $0[keyPath: path] = $1.first })
    }

    /// Exactly one NAME, counted as kubectl's `NameFromCommandArgs` counts it (`got 2`).
    static func name(_ path: any Field<C, String>) -> Self {
        Self(usage: "NAME", maximum: nil, apply: { command, values in
            guard values.count == 1 else { throw UsageError.invalid("exactly one NAME is required, got \(values.count)") }
            command[keyPath: path] = values[0]
        })
    }

    /// Exactly one, as cobra's `ExactArgs(1)`.
    static func one(_ path: any Field<C, String>, _ usage: String) -> Self {
        Self(usage: usage, maximum: 1, apply: { command, values in
            guard let value = values.first else { throw UsageError.missingArgument(usage) }
            command[keyPath: path] = value
        })
    }
}

/// Everything the parser and the help need to know about one command, declared next to the command's struct.
struct CommandSpec<C: RunnableCommand>: Sendable {
    let name: String
    let abstract: String
    let discussion: String
    let options: [CommandOption<C>]
    let arguments: PositionalArguments<C>?
    /// Where the words after `--` go (`create deployment NAME --image=I -- CMD ARGS`); without it they are
    /// positional arguments, as cobra passes them.
    let afterTerminator: (any Field<C, [String]>)?
    let make: @Sendable () -> C

    init(
        _ name: String, abstract: String, discussion: String = "", options: [CommandOption<C>],
        arguments: PositionalArguments<C>? = nil, afterTerminator: (any Field<C, [String]>)? = nil,
        make: @escaping @Sendable () -> C
    ) {
        self.name = name
        self.abstract = abstract
        self.discussion = discussion
        self.options = options
        self.arguments = arguments
        self.afterTerminator = afterTerminator
        self.make = make
    }

    /// The type-erased node the parser walks.
    var node: CommandNode {
        let spec = self
        return CommandNode(
            name: name, abstract: abstract, discussion: discussion, options: options.map(\.info),
            argumentsUsage: arguments?.usage, subcommands: [],
            defaults: { let instance = spec.make(); return spec.options.map { $0.defaultText(instance) } },
            build: { line in try spec.build(line) })
    }

    private func build(_ line: ParsedLine) throws -> any RunnableCommand {
        var command = make()
        for (index, value) in line.values { try options[index].apply(&command, value) }
        let given = Set(line.values.map(\.0))
        if let missing = options.indices.first(where: { options[$0].info.required && !given.contains($0) }).map({ options[$0] }) {
            throw UsageError.requiredFlag(missing.info.long)
        }
        var positionals = line.positionals
        if let afterTerminator {
            command[keyPath: afterTerminator] = line.afterTerminator
        } else {
            positionals += line.afterTerminator
        }
        if let arguments {
            if let maximum = arguments.maximum, positionals.count > maximum {
                throw UsageError.unexpectedArgument(positionals[maximum])
            }
            try arguments.apply(&command, positionals)
        } else if let first = positionals.first {
            throw UsageError.unexpectedArgument(first)
        }
        return command
    }
}

/// A command in the tree: a group with subcommands (`rollout`) or a leaf that builds a runnable command.
struct CommandNode {
    let name: String
    let abstract: String
    let discussion: String
    let options: [OptionInfo]
    let argumentsUsage: String?
    var subcommands: [Subcommand]
    /// Each option's default, as help prints it (computed only for help).
    let defaults: () -> [String]
    let build: ((ParsedLine) throws -> any RunnableCommand)?

    /// A group: only the global flags, given before its subcommand.
    static func group(_ name: String, abstract: String, subcommands: [Subcommand]) -> CommandNode {
        CommandNode(
            name: name, abstract: abstract, discussion: "", options: GlobalOptions.options.map(\.info),
            argumentsUsage: nil, subcommands: subcommands,
            defaults: { GlobalOptions.options.map { $0.defaultText(GlobalOptions()) } }, build: nil)
    }

    /// This command under another name, with subcommands: `create` runs `create files` unless a subcommand
    /// is named.
    func named(_ name: String, abstract: String, subcommands: [Subcommand]) -> CommandNode {
        CommandNode(
            name: name, abstract: abstract, discussion: discussion, options: options, argumentsUsage: argumentsUsage,
            subcommands: subcommands, defaults: defaults, build: build)
    }

    func option(long: String) -> Int? { options.firstIndex { $0.long == long } }
    func option(short: Character) -> Int? { options.firstIndex { $0.short == short } }
    func subcommand(_ name: String) -> CommandNode? {
        subcommands.first { $0.name == name || $0.aliases.contains(name) }?.load()
    }
}

/// A subcommand by name, built only when a command line names it: building every command's flags up front
/// instantiated ~200 key paths and their generic types, 0.8 ms of every process.
struct Subcommand: Sendable {
    let name: String
    /// Other names the command answers to (cobra's `Aliases`: `set sa`, `create deploy`); help lists the name.
    let aliases: [String]
    let load: @Sendable () -> CommandNode

    init(_ name: String, aliases: [String] = [], _ load: @escaping @Sendable () -> CommandNode) {
        self.name = name
        self.aliases = aliases
        self.load = load
    }
}
