import ControlPlane

/// `--cascade` of delete and `replace --force` (`GetCascadingStrategy`).
enum CascadeFlag {
    /// `orphan`, or `background` (foreground deletes as background does here). A boolean in any spelling
    /// `strconv.ParseBool` takes still works, with kubectl's deprecation warning.
    static func mode(_ value: String) throws -> String {
        if let flag = CommandOption<Delete>.goBool(value) {
            let mode = flag ? "background" : "orphan"
            Output.err("warning: \(CommandOption<Delete>.booleanDeprecation("cascade", value, replacement: mode))\n")
            return mode
        }
        guard ["background", "foreground", "orphan"].contains(value) else {
            throw CommandError.client("invalid cascade value (\(value)). Must be \"background\", \"foreground\", or \"orphan\"")
        }
        return value == "orphan" ? "orphan" : "background"
    }
}
