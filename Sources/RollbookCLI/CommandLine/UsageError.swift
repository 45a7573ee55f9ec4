/// A command line that does not parse, worded as kubectl (cobra and pflag) words it. Exit code 1.
enum UsageError: Error, Equatable {
    case unknownFlag(String)
    case unknownShorthand(Character, in: String)
    case needsArgument(String)
    case invalidValue(String, flag: String, reason: String)
    case requiredFlag(String)
    case unknownCommand(String)
    case unexpectedArgument(String)
    case missingArgument(String)
    case invalid(String)

    static func invalidValue(_ value: String, _ info: OptionInfo, _ reason: String) -> UsageError {
        .invalidValue(value, flag: info.messageName, reason: reason)
    }

    /// The whole message for the command at `path` (`["rollbook", "rollout", "history"]`), newline-terminated.
    func text(path: [String]) -> String {
        let command = path.joined(separator: " ")
        let flagHint = "See '\(command) --help' for usage.\n"
        let usageHint = "See '\(command) -h' for help and examples\n"
        switch self {
        case .unknownFlag(let name): return "Error: unknown flag: \(name)\n" + flagHint
        case .unknownShorthand(let letter, let argument):
            return "Error: unknown shorthand flag: '\(letter)' in \(argument)\n" + flagHint
        case .needsArgument(let name): return "Error: flag needs an argument: \(name)\n" + flagHint
        case .invalidValue(let value, let flag, let reason):
            return "Error: invalid argument \"\(value)\" for \"\(flag)\" flag: \(reason)\n" + flagHint
        case .requiredFlag(let name): return "error: required flag(s) \"\(name)\" not set\n"
        case .unknownCommand(let name):
            if path.count == 1 { return "Error: unknown command \"\(name)\" for \"\(command)\"\nRun '\(command) --help' for usage.\n" }
            return "error: unknown command \"\(name)\"\n" + usageHint
        case .unexpectedArgument(let argument): return "error: unexpected argument \"\(argument)\"\n" + usageHint
        case .missingArgument(let usage): return "error: exactly one \(usage) is required, got 0\n" + usageHint
        case .invalid(let message): return "error: \(message)\n" + usageHint
        }
    }
}

/// A combination of flags a command rejects in `validate()`: a usage error, as kubectl's `UsageErrorf`.
struct ValidationError: Error {
    let message: String
    init(_ message: String) { self.message = message }
}

/// Ends the command with this exit status; whatever it had to say is already printed.
struct ExitCode: Error {
    let rawValue: Int32
    init(_ rawValue: Int32) { self.rawValue = rawValue }
}
