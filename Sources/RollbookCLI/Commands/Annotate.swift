import ArgumentParser
import ControlPlane
import Printers

struct Annotate: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "annotate", abstract: "Update the annotations on a Deployment.")
    @OptionGroup var globals: GlobalOptions
    @Argument(help: "deployment/NAME KEY=VALUE... KEY-...") var arguments: [String] = []
    @Flag(help: "Allow annotations to be overwritten.") var overwrite = false

    func run() throws {
        var resource: [String] = []
        var set: [(String, String)] = []
        var remove: [String] = []
        for argument in arguments {
            if let equals = argument.firstIndex(of: "=") {
                set.append((String(argument[..<equals]), String(argument[argument.index(after: equals)...])))
            } else if argument.hasSuffix("-") && (resource.count >= 1 && resource[0].contains("/") || resource.count >= 2) {
                remove.append(String(argument.dropLast()))
            } else {
                resource.append(argument)
            }
        }
        if set.isEmpty && remove.isEmpty { throw CommandError.client("at least one annotation update is required") }
        let name = try ResourceArguments.deployment(resource)
        try globals.controlPlane().annotate(
            namespace: globals.resolvedNamespace.name, name: name, set: set, remove: remove, overwrite: overwrite)
        Output.out(namePrinter(kind: "deployment.apps", name: name, operation: "annotated"))
    }
}
