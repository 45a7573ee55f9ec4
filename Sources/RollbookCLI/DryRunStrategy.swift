import ControlPlane

/// kubectl's `--dry-run` values (cmdutil.GetDryRunStrategy) and the suffix its printers add.
enum DryRunStrategy {
    case none, client, server

    init(flag: String) throws {
        switch flag {
        case "none": self = .none
        case "client", "unchanged": self = .client  // "unchanged" is the flag's no-value default
        case "server": self = .server
        default:
            throw CommandError.client(#"Invalid dry-run value (\#(flag)). Must be "none", "server", or "client"."#)
        }
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
