import ControlPlane

/// kubectl's `--dry-run` values (cmdutil.GetDryRunStrategy) and the suffix its printers add.
enum DryRunStrategy {
    case none, client, server

    /// `GetDryRunStrategy`: a boolean in any spelling `strconv.ParseBool` takes, or the bare flag (its no-value
    /// default `unchanged`), still works, with kubectl's deprecation warning.
    init(flag: String) throws {
        if let value = CommandOption<Apply>.goBool(flag) {
            self = value ? .client : .none
            Self.warnOnce(CommandOption<Apply>.booleanDeprecation("dry-run", flag, replacement: value ? "client" : "none"))
            return
        }
        switch flag {
        case "none": self = .none
        case "client": self = .client
        case "unchanged":
            self = .client
            Self.warnOnce("--dry-run is deprecated and can be replaced with --dry-run=client.")
        case "server": self = .server
        default:
            throw CommandError.client(#"Invalid dry-run value (\#(flag)). Must be "none", "server", or "client"."#)
        }
    }

    /// Commands read the strategy more than once; kubectl warns once.
    nonisolated(unsafe) private static var warned = false

    private static func warnOnce(_ message: String) {
        guard !warned else { return }
        warned = true
        Output.err("warning: \(message)\n")
    }

    /// `PrintFlagsWithDryRunStrategy`: `%s (dry run)` or `%s (server dry run)`.
    func operation(_ text: String) -> String {
        switch self {
        case .none: text
        case .client: text + " (dry run)"
        case .server: text + " (server dry run)"
        }
    }
}
