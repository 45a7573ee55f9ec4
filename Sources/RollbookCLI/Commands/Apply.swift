import ControlPlane
import Printers

struct Apply: RunnableCommand {
    static let spec = CommandSpec<Apply>(
        "apply", abstract: "Apply a configuration to a Deployment by file name or stdin.",
        options: GlobalOptions.options(in: \.globals)
            + [
            .option(\.filenames, "filename", short: "f", help: "Files, directories or - for stdin."),
            .option(\.dryRun, "dry-run", help: "none, client or server: decide and print, store nothing."),
            .option(\.output, "output", short: "o", help: "name: print deployment.apps/NAME for each object."),
        ],
        make: Apply.init)
    var globals = GlobalOptions()
    var filenames: [String] = []
    var dryRun = "none"
    var output: String?
    func run() throws {
        let strategy = try DryRunStrategy(flag: dryRun)
        if let output, output != "name" {
            throw CommandError.client(
                "unable to match a printer suitable for the output format \"\(output)\", allowed formats are: name")
        }
        let namespace = globals.resolvedNamespace
        let plane = try globals.controlPlane()
        let documents = try ManifestFiles.load(filenames, command: "apply") { name, own in
            (try? plane.deploymentStream(namespace: own ?? namespace.name, name: name)) != nil
        }
        try ManifestFiles.checkNamesForApply(documents, namespace: namespace.name)
        let results = try plane.apply(
            documents, namespace: namespace.name, namespaceGiven: namespace.given, dryRun: strategy != .none)
        for result in results {
            if let warning = result.warning, strategy != .client { Output.err(warning + "\n") }
            if output == "name" {
                Output.out("deployment.apps/\(result.name)\n")
                continue
            }
            // apply.go never patches on a client dry run: no last-applied warning, and an existing object
            // is "configured" whether or not it would change.
            if strategy == .client {
                let outcome = result.outcome == .created ? "created" : "configured"
                Output.out(namePrinter(kind: "deployment.apps", name: result.name, operation: strategy.operation(outcome)))
                continue
            }
            Output.out(namePrinter(
                kind: "deployment.apps", name: result.name, operation: strategy.operation(result.outcome.rawValue)))
        }
    }
}
