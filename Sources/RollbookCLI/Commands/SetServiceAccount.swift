import ControlPlane
import KubeModel
import Printers

extension SetCommand {
    /// `kubectl set serviceaccount` (pkg/cmd/set/set_serviceaccount.go) for Deployments: the pod template's
    /// `serviceAccountName`, so a new rollout when it changes.
    struct ServiceAccount: RunnableCommand {
        static let spec = CommandSpec<ServiceAccount>(
            "serviceaccount", abstract: "Update the service account of a pod template.",
            options: GlobalOptions.options(in: \.globals)
                + FilenameOption.options(in: \.files)
                + [
                .flag(\.all, "all", help: "Update every Deployment in the namespace."),
                .flag(\.local, "local", help: "Update the objects of -f and print them; nothing is read from or written to the store."),
                .option(\.dryRun, "dry-run", valueWhenBare: "unchanged", help: "none, client or server: only print what would be updated."),
                .flag(\.record, "record", hidden: true, help: "Record the command in the change-cause annotation (deprecated)."),
                .option(\.output, "output", short: "o", help: "Print the updated objects: json, yaml, name, jsonpath=… or go-template=…."),
                .template(\.output),
            ],
            arguments: .list(\.arguments, "deployment/NAME SERVICE_ACCOUNT"),
            make: ServiceAccount.init)
        var globals = GlobalOptions()
        var files = FilenameOption()
        var arguments: [String] = []
        var all = false
        var local = false
        var dryRun = "none"
        var record = false
        var output: String?

        func run() throws {
            if record { Output.err("Flag --record has been deprecated, --record will be removed in the future\n") }
            let strategy = try DryRunStrategy(flag: dryRun)
            var printer = try TypedOutput(output)
            guard let account = arguments.last else { throw CommandError.client("serviceaccount is required") }
            let resources = Array(arguments.dropLast())
            let objects = try local
                ? SetTargets.local(files: files, command: "set serviceaccount")
                : SetTargets.stored(
                    resources, files: files, all: all, selector: nil, globals: globals, command: "set serviceaccount")
            var update = SetUpdate(
                plane: local ? nil : try globals.controlPlane(), namespace: globals.resolvedNamespace.name,
                strategy: strategy, operation: "serviceaccount updated", fields: ["serviceAccountName"],
                failure: "failed to patch ServiceAccountName")
            // Unlike the other set verbs, this one patches (and prints) even when nothing changes.
            update.skipsUnchanged = false
            try update.run(objects, cause: record ? RecordFlag.changeCause() : nil, printer: &printer) { object in
                object["spec"]?["template"]?["spec"]?["serviceAccountName"] = .string(account)
                return nil
            }
        }
    }
}
