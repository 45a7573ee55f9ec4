import ControlPlane
import KubeModel
import Printers

struct Annotate: RunnableCommand {
    static let spec = CommandSpec<Annotate>(
        "annotate", abstract: "Update the annotations on a Deployment.",
        options: GlobalOptions.options(in: \.globals)
            + FilenameOption.options(in: \.files)
            + [
            .flag(\.overwrite, "overwrite", help: "Allow annotations to be overwritten."),
            .flag(\.all, "all", help: "Annotate every Deployment in the namespace."),
            .option(\.selector, "selector", short: "l", help: "Annotate the Deployments matching this selector."),
            .flag(\.list, "list", help: "List the current annotations instead of changing them."),
        ],
        arguments: .list(\.arguments, "deployment/NAME KEY=VALUE... KEY-..."),
        make: Annotate.init)
    var globals = GlobalOptions()
    var files = FilenameOption()
    var arguments: [String] = []
    var overwrite = false
    var all = false
    var selector: String?
    var list = false

    func run() throws {
        let (named, pairs) = try Self.resourcesAndPairs(arguments)
        let resource = try files.resources(named, command: "annotate")
        let (set, remove) = try Self.parsePairs(pairs)
        if all && selector != nil { throw CommandError.client("cannot set --all and --selector at the same time") }
        if resource.isEmpty {
            throw CommandError.client("one or more resources must be specified as <resource> <name> or <resource>/<name>")
        }
        if set.isEmpty && remove.isEmpty && !list { throw CommandError.client("at least one annotation update is required") }
        let clashes = remove.filter { key in set.contains { $0.0 == key } }
        if !clashes.isEmpty {
            throw CommandError.client(
                "can not both modify and remove the following annotation(s) in the same command: "
                    + clashes.joined(separator: ", "))
        }
        let plane = try globals.controlPlane()
        let namespace = globals.resolvedNamespace.name
        let names = try targets(resource, plane: plane, namespace: namespace)
        if list { return try listAnnotations(names, plane: plane, namespace: namespace) }
        for name in names {
            try plane.annotate(namespace: namespace, name: name, set: set, remove: remove, overwrite: overwrite)
            Output.out(namePrinter(kind: "deployment.apps", name: name, operation: "annotated"))
        }
    }

    /// `cmdutil.GetResourcesAndPairs`: resources first, then `k=v` and `k-` pairs, never mixed.
    static func resourcesAndPairs(_ arguments: [String]) throws -> (resources: [String], pairs: [String]) {
        var resources: [String] = [], pairs: [String] = []
        for argument in arguments {
            let isPair = (argument.contains("=") && argument.first != "=") || (argument.hasSuffix("-") && argument != "-")
            if isPair {
                pairs.append(argument)
            } else if !pairs.isEmpty {
                throw CommandError.client("all resources must be specified before annotation changes: \(argument)")
            } else {
                resources.append(argument)
            }
        }
        return (resources, pairs)
    }

    /// `cmdutil.ParsePairs` with removal: `k=v` sets, `k-` removes.
    static func parsePairs(_ pairs: [String]) throws -> (set: [(String, String)], remove: [String]) {
        var set: [(String, String)] = [], remove: [String] = []
        for pair in pairs {
            if let equals = pair.firstIndex(of: "="), pair.first != "=" {
                set.append((String(pair[..<equals]), String(pair[pair.index(after: equals)...])))
            } else {
                remove.append(String(pair.dropLast()))
            }
        }
        return (set, remove)
    }

    /// The Deployment named, or every one selected by `--all` / `-l`, by name.
    private func targets(_ resource: [String], plane: ControlPlane, namespace: String) throws -> [String] {
        guard all || selector != nil else { return [try ResourceArguments.deployment(resource)] }
        guard try ResourceKind(parsing: resource[0]) == .deployment else {
            throw CommandError.client("no objects passed to this command are Deployments")
        }
        let query = try selector.map { text in
            guard let query = LabelQuery(text) else { throw CommandError.client("unable to parse requirement: \(text)") }
            return query
        }
        return try plane.read { try $0.deployments(namespace: namespace) }
            .filter { query?.matches($0.metadata.labels ?? [:]) ?? true }.map(\.name).sorted()
    }

    /// `--list`: `key=value` lines (Go walks the map at random; sorted here), headed per object when several.
    private func listAnnotations(_ names: [String], plane: ControlPlane, namespace: String) throws {
        for name in names {
            let d = try plane.deploymentStream(namespace: namespace, name: name).deployment
            let indent = names.count == 1 ? "" : " "
            if names.count > 1 { Output.out("Listing annotations for Deployment.apps/\(name):\n") }
            for (key, value) in (d?.metadata.annotations ?? [:]).sorted(by: { $0.key < $1.key }) {
                Output.out("\(indent)\(key)=\(value)\n")
            }
        }
    }
}
