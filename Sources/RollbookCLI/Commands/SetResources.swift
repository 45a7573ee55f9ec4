import ControlPlane
import KubeModel
import Printers

extension SetCommand {
    /// `kubectl set resources` (pkg/cmd/set/set_resources.go) for Deployments: the limits and requests given
    /// replace those keys in every container `-c` selects (init containers too); a change is a new rollout.
    struct Resources: RunnableCommand {
        static let spec = CommandSpec<Resources>(
            "resources", abstract: "Update resource requests/limits on a pod template.",
            options: GlobalOptions.options(in: \.globals)
                + FilenameOption.options(in: \.files)
                + [
                .option(\.limits, "limits", help: "The resource limits for the containers, e.g. 'cpu=100m,memory=256Mi'."),
                .option(\.requests, "requests", help: "The resource requests for the containers, e.g. 'cpu=100m,memory=256Mi'."),
                .option(\.containers, "containers", short: "c", help: "The names of containers in the selected pod templates to change - may use wildcards."),
                .flag(\.all, "all", help: "Update every Deployment in the namespace."),
                .option(\.selector, "selector", short: "l", help: "Update the Deployments matching this selector."),
                .flag(\.local, "local", help: "Update the objects of -f and print them; nothing is read from or written to the store."),
                .option(\.dryRun, "dry-run", valueWhenBare: "unchanged", help: "none, client or server: only print what would be updated."),
                .flag(\.record, "record", hidden: true, help: "Record the command in the change-cause annotation (deprecated)."),
                .option(\.output, "output", short: "o", help: "Print the updated objects: json, yaml, name, jsonpath=… or go-template=…."),
                .template(\.output),
            ],
            arguments: .list(\.arguments, "deployment/NAME"),
            make: Resources.init)
        var globals = GlobalOptions()
        var files = FilenameOption()
        var arguments: [String] = []
        var limits = ""
        var requests = ""
        var containers = "*"
        var all = false
        var selector: String?
        var local = false
        var dryRun = "none"
        var record = false
        var output: String?

        func run() throws {
            if record { Output.err("Flag --record has been deprecated, --record will be removed in the future\n") }
            // set_resources.go Complete (the objects are found first), then Validate, then Run.
            let strategy = try DryRunStrategy(flag: dryRun)
            var printer = try TypedOutput(output)
            if local && !arguments.isEmpty { throw CommandError.client(SetCommand.Image.localResourceError) }
            let objects = try local
                ? SetTargets.local(files: files, command: "set resources")
                : SetTargets.stored(
                    arguments, files: files, all: all, selector: selector, globals: globals, command: "set resources")
            if local && strategy == .server {
                throw CommandError.client("cannot specify --local and --dry-run=server - did you mean --dry-run=client?")
            }
            if all && selector != nil { throw CommandError.client("cannot set --all and --selector at the same time") }
            if limits.isEmpty && requests.isEmpty {
                throw CommandError.client("you must specify an update to requests or limits (in the form of --requests/--limits)")
            }
            let change = (limits: try Self.resourceList(limits), requests: try Self.resourceList(requests))
            let update = SetUpdate(
                plane: local ? nil : try globals.controlPlane(), namespace: globals.resolvedNamespace.name,
                strategy: strategy, operation: "resource requirements updated",
                fields: ["containers", "initContainers"], failure: "failed to patch resources update to pod template")
            try update.run(objects, cause: record ? RecordFlag.changeCause() : nil, printer: &printer) { object in
                Self.apply(change, to: &object, pattern: containers) ? nil : "error: unable to find container named \(containers)"
            }
        }

        /// `populateResourceListV1`: `name=quantity` pairs split on commas, each quantity parsed.
        static func resourceList(_ spec: String) throws -> [(name: String, quantity: String)] {
            guard !spec.isEmpty else { return [] }
            return try spec.split(separator: ",", omittingEmptySubsequences: false).map { statement in
                let parts = statement.split(separator: "=", omittingEmptySubsequences: false)
                guard parts.count == 2 else {
                    throw CommandError.client("Invalid argument syntax \(statement), expected <resource>=<value>")
                }
                guard let quantity = Quantity(parsing: String(parts[1])) else {
                    throw CommandError.client(
                        "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'")
                }
                return (String(parts[0]), quantity.description)
            }
        }

        /// Sets the limits and requests on every selected container and init container; false when none matched.
        static func apply(
            _ change: (limits: [(name: String, quantity: String)], requests: [(name: String, quantity: String)]),
            to object: inout JSONValue, pattern: String
        ) -> Bool {
            var found = false
            for key in ["containers", "initContainers"] {
                guard var list = object["spec"]?["template"]?["spec"]?[key]?.arrayValue else { continue }
                for index in list.indices where ContainerPattern.matches(list[index]["name"]?.stringValue ?? "", pattern) {
                    found = true
                    var resources = list[index]["resources"]?.objectValue ?? [:]
                    for (field, pairs) in [("limits", change.limits), ("requests", change.requests)] where !pairs.isEmpty {
                        var values = resources[field]?.objectValue ?? [:]
                        for pair in pairs { values[pair.name] = .string(pair.quantity) }
                        resources[field] = .object(values)
                    }
                    list[index]["resources"] = .object(resources)
                }
                object["spec"]?["template"]?["spec"]?[key] = .array(list)
            }
            return found
        }
    }
}
