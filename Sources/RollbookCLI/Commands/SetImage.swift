import ArgumentParser
import ControlPlane
import Printers

struct SetCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "set", abstract: "Set specific features on objects.", subcommands: [Image.self])

    struct Image: ParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Update the image of a pod template.")
        @OptionGroup var globals: GlobalOptions
        @Argument(help: "deployment/NAME CONTAINER=IMAGE...") var arguments: [String] = []
        @Flag(help: ArgumentHelp("Record the command in the change-cause annotation (deprecated).", visibility: .hidden))
        var record = false

        func run() throws {
            var resourceArguments: [String] = []
            var pairs: [(container: String, image: String)] = []
            for argument in arguments {
                if let equals = argument.firstIndex(of: "=") {
                    pairs.append((String(argument[..<equals]), String(argument[argument.index(after: equals)...])))
                } else {
                    resourceArguments.append(argument)
                }
            }
            let name = try ResourceArguments.deployment(resourceArguments)
            if pairs.isEmpty { throw CommandError.client("at least one image update is required") }
            let cause = record ? RecordFlag.changeCause() : nil
            let changed = try globals.controlPlane().setImage(
                namespace: globals.resolvedNamespace.name, name: name, images: pairs, changeCause: cause)
            if changed { Output.out(namePrinter(kind: "deployment.apps", name: name, operation: "image updated")) }
        }
    }
}

/// `--record`: the command line as cli-runtime's record_flags writes it (base name, arguments, flags).
enum RecordFlag {
    static func changeCause() -> String {
        let arguments = CommandLine.arguments
        let base = arguments.first.map { String($0.split(separator: "/").last ?? "") } ?? "rollbook"
        var positional: [String] = []
        var flags: [String] = []
        for argument in arguments.dropFirst() {
            if argument.hasPrefix("--") {
                flags.append(argument.contains("=") ? argument : argument + "=true")
            } else {
                positional.append(argument)
            }
        }
        return ([base] + positional + flags).joined(separator: " ")
    }
}
