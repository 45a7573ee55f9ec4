/// A command's `--help`, laid out as kubectl lays out its own: description, subcommands, options, usage.
enum HelpText {
    static func render(_ node: CommandNode, path: [String]) -> String {
        let command = path.joined(separator: " ")
        var text = node.abstract + "\n"
        if !node.discussion.isEmpty { text += "\n" + node.discussion.split(separator: "\n", omittingEmptySubsequences: false).map { $0.isEmpty ? "" : "  " + $0 }.joined(separator: "\n") + "\n" }
        if !node.subcommands.isEmpty {
            text += "\nAvailable Commands:\n"
            let width = node.subcommands.map(\.name.count).max() ?? 0
            for sub in node.subcommands {
                text += "  " + sub.name + String(repeating: " ", count: width - sub.name.count + 3) + sub.load().abstract + "\n"
            }
        }
        let defaults = node.defaults()
        let shown = node.options.indices.filter { !node.options[$0].hidden }
        if !shown.isEmpty {
            text += "\nOptions:\n"
            for index in shown {
                let option = node.options[index]
                let names = option.short.map { "-\($0), --\(option.long)" } ?? "--\(option.long)"
                let value = index < defaults.count ? "=" + defaults[index] : ""
                text += "    \(names)\(value):\n\t\(option.help)\n\n"
            }
        }
        text += "Usage:\n  \(command)"
        if !node.subcommands.isEmpty { text += " SUBCOMMAND [options]\n\nUse \"\(command) <command> --help\" for more information about a given command.\n" }
        else { text += (node.argumentsUsage.map { " " + $0 } ?? "") + " [options]\n" }
        return text
    }
}
