/// What a command line asked for, before the leaf command's struct is built from it.
struct ParsedLine {
    /// (index into the leaf's options, value text), in the order given: a repeated option adds, a later
    /// single-valued one wins, as pflag does.
    var values: [(Int, String)] = []
    var positionals: [String] = []
    var afterTerminator: [String] = []
}

/// kubectl's command-line grammar (cobra and pflag) over Rollbook's command tree: flags anywhere between the
/// words, `--name=value`, `--name value`, `-n value`, `-nvalue`, `-n=value`, bundled boolean shorthands
/// (`-Aw`), `--flag=false`, and `--` ending the flags. Declared specs only: no reflection at start-up.
struct CommandLineParser {
    enum Outcome {
        case run(any RunnableCommand)
        case help(CommandNode, path: [String])
    }

    /// A usage error and the command path it belongs to, for the `See '…' ` line.
    struct Failure: Error {
        let error: UsageError
        let path: [String]
    }

    let root: CommandNode

    func parse(_ arguments: [String]) throws(Failure) -> Outcome {
        var nodes = [root]
        var arguments = arguments[...]
        if arguments.first == "help" {  // `rollbook help rollout history`
            for word in arguments.dropFirst() {
                guard let next = nodes.last!.subcommand(word) else { break }
                nodes.append(next)
            }
            return .help(nodes.last!, path: nodes.map(\.name))
        }
        var pending: [(long: String, value: String)] = []
        var line = ParsedLine()
        var helpRequested = false
        do throws(UsageError) {
            while let argument = arguments.popFirst() {
                let node = nodes.last!
                if argument == "--" {
                    line.afterTerminator = Array(arguments)
                    break
                } else if argument.hasPrefix("--") {
                    let body = argument.dropFirst(2)
                    let equals = body.firstIndex(of: "=")
                    let name = String(body[..<(equals ?? body.endIndex)])
                    let inline = equals.map { String(body[body.index(after: $0)...]) }
                    if name == "help", node.option(long: name) == nil { helpRequested = true; continue }
                    guard let index = node.option(long: name) else { throw UsageError.unknownFlag("--\(name)") }
                    let info = node.options[index]
                    let value: String
                    if !info.takesValue { value = inline ?? "true" }
                    else if let inline { value = inline }
                    else if let bare = info.valueWhenBare { value = bare }
                    else if let next = arguments.popFirst() { value = next }
                    else { throw UsageError.needsArgument("--\(name)") }
                    pending.append((info.long, value))
                } else if argument.hasPrefix("-"), argument.count > 1 {
                    try shorthands(argument, node: node, arguments: &arguments, pending: &pending, help: &helpRequested)
                } else if !node.subcommands.isEmpty, line.positionals.isEmpty,
                          node.build == nil || node.subcommand(argument) != nil {
                    guard let next = node.subcommand(argument) else {
                        if helpRequested { break }
                        throw UsageError.unknownCommand(argument)
                    }
                    nodes.append(next)
                } else {
                    line.positionals.append(argument)
                }
            }
        } catch {
            if helpRequested { return .help(nodes.last!, path: nodes.map(\.name)) }
            throw Failure(error: error, path: nodes.map(\.name))
        }
        let leaf = nodes.last!
        let path = nodes.map(\.name)
        guard !helpRequested, let build = leaf.build else { return .help(leaf, path: path) }
        do {
            for (long, value) in pending {
                guard let index = leaf.option(long: long) else { throw UsageError.unknownFlag("--\(long)") }
                line.values.append((index, value))
            }
            let command = try build(line)
            do { try command.validate() } catch let error as ValidationError { throw UsageError.invalid(error.message) }
            return .run(command)
        } catch let error as UsageError {
            throw Failure(error: error, path: path)
        } catch {
            throw Failure(error: .invalid("\(error)"), path: path)
        }
    }

    /// One `-…` word: pflag's shorthand rules.
    private func shorthands(
        _ argument: String, node: CommandNode, arguments: inout ArraySlice<String>,
        pending: inout [(long: String, value: String)], help: inout Bool
    ) throws(UsageError) {
        var letters = argument.dropFirst()
        while let letter = letters.first {
            let rest = letters.dropFirst()
            guard let index = node.option(short: letter) else {
                if letter == "h" { help = true; letters = rest; continue }
                throw UsageError.unknownShorthand(letter, in: "-" + letters)  // pflag names what is left
            }
            let info = node.options[index]
            if rest.count > 1, rest.first == "=" {  // -o=json, -A=false
                pending.append((info.long, String(rest.dropFirst())))
                return
            }
            if !info.takesValue {
                pending.append((info.long, "true"))
                letters = rest
            } else if !rest.isEmpty {  // -ojson
                pending.append((info.long, String(rest)))
                return
            } else if let bare = info.valueWhenBare {
                pending.append((info.long, bare))
                return
            } else if let next = arguments.popFirst() {
                pending.append((info.long, next))
                return
            } else {
                throw UsageError.needsArgument("'\(letter)' in -\(letters)")
            }
        }
    }
}
