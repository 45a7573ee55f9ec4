import ControlPlane
import KubeModel
import Printers

enum SetCommand {
    static var node: CommandNode {
        .group("set", abstract: "Set specific features on objects.", subcommands: [Subcommand("image") { Image.spec.node }])
    }

    struct Image: RunnableCommand {
        static let spec = CommandSpec<Image>(
            "image", abstract: "Update the image of a pod template.",
            options: GlobalOptions.options(in: \.globals)
                + FilenameOption.options(in: \.files)
                + [
                .flag(\.record, "record", hidden: true, help: "Record the command in the change-cause annotation (deprecated)."),
                .option(\.dryRun, "dry-run", help: "none, client or server: only print what would be updated."),
                .flag(\.all, "all", help: "Update every Deployment in the namespace."),
                .option(\.selector, "selector", short: "l", help: "Update the Deployments matching this selector."),
            ],
            arguments: .list(\.arguments, "deployment/NAME CONTAINER=IMAGE..."),
            make: Image.init)
        var globals = GlobalOptions()
        var files = FilenameOption()
        var arguments: [String] = []
        var record = false
        var dryRun = "none"
        var all = false
        var selector: String?
        func run() throws {
            // cobra's notice for a flag marked deprecated, printed while parsing, before anything else.
            if record { Output.err("Flag --record has been deprecated, --record will be removed in the future\n") }
            var resourceArguments: [String] = []
            var pairs: [(container: String, image: String)] = []
            for argument in arguments {
                if let equals = argument.firstIndex(of: "=") {
                    pairs.append((String(argument[..<equals]), String(argument[argument.index(after: equals)...])))
                } else {
                    resourceArguments.append(argument)
                }
            }
            if pairs.isEmpty { throw CommandError.client("at least one image update is required") }
            let strategy = try DryRunStrategy(flag: dryRun)
            let cause = record ? RecordFlag.changeCause() : nil
            let plane = try globals.controlPlane()
            let namespace = globals.resolvedNamespace.name
            // set_image.go collects each object's error and goes on with the others.
            var errors: [String] = []
            let resources = try files.resources(resourceArguments, command: "set image")
            for name in try targets(resources, plane: plane, namespace: namespace) {
                do {
                    let changed = try plane.setImage(
                        namespace: namespace, name: name, images: pairs, changeCause: cause, dryRun: strategy != .none)
                    if changed {
                        Output.out(namePrinter(
                            kind: "deployment.apps", name: name, operation: strategy.operation("image updated")))
                    }
                } catch let error as CommandError {
                    errors.append(error.text)
                }
            }
            guard errors.isEmpty else {
                for text in errors { Output.err(text + "\n") }
                throw ExitCode(1)
            }
        }

        /// The Deployment named, or every one selected by `--all` / `-l` (by name, as the API lists them).
        private func targets(_ arguments: [String], plane: ControlPlane, namespace: String) throws -> [String] {
            guard all || selector != nil else { return [try ResourceArguments.deployment(arguments)] }
            if let first = arguments.first, try ResourceKind(parsing: first) != .deployment {
                throw CommandError.client("no objects passed to this command are Deployments")
            }
            let query = try selector.map { text in
                guard let query = LabelQuery(text) else { throw CommandError.client("unable to parse requirement: \(text)") }
                return query
            }
            // Nothing selected is no error: kubectl prints nothing and exits 0.
            return try plane.read { try $0.deployments(namespace: namespace) }
                .filter { query?.matches($0.metadata.labels ?? [:]) ?? true }.map(\.name).sorted()
        }
    }
}

/// `--record`: the command line as cli-runtime's `parseCommandArguments` writes it: the program's base
/// name, the positional arguments, then every flag as ` --name=value` in parse order. Rollbook's own
/// `--store` and `--as` are left out: they are not kubectl flags and would leak local paths into history.
enum RecordFlag {
    static let valued: [String: String] = ["--store": "store", "--as": "as", "-n": "namespace", "--namespace": "namespace"]
    static let omitted: Set<String> = ["store", "as"]

    static func changeCause(_ arguments: [String] = CommandLine.arguments) -> String {
        let base = arguments.first.map { String($0.split(separator: "/").last ?? "") } ?? "rollbook"
        var positional: [String] = []
        var flags: [String] = []
        var index = 1
        while index < arguments.count {
            let argument = arguments[index]
            index += 1
            guard argument.hasPrefix("-"), argument != "-" else {
                positional.append(argument)
                continue
            }
            let parts = argument.split(separator: "=", maxSplits: 1).map(String.init)
            let name: String
            let value: String
            if let long = valued[parts[0]] {
                name = long
                if parts.count == 2 {
                    value = parts[1]
                } else if index < arguments.count {
                    value = arguments[index]
                    index += 1
                } else {
                    value = ""
                }
            } else {
                name = String(parts[0].drop { $0 == "-" })
                value = parts.count == 2 ? parts[1] : "true"
            }
            if !omitted.contains(name) { flags.append(" --\(name)=\(value)") }
        }
        return ([base] + positional).joined(separator: " ") + flags.joined()
    }
}
