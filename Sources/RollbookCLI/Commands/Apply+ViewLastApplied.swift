import ControlPlane
import KubeModel
import Manifests

/// `apply view-last-applied`: the `kubectl.kubernetes.io/last-applied-configuration` annotations of the objects
/// named, as YAML (sigs.k8s.io/yaml's JSONToYAML) or JSON (`json.Indent` with two spaces).
///
/// As view_last_applied.go does: every object is looked up before anything is printed (a missing one fails the
/// whole command), and an object without the annotation (made by `create`, or a ReplicaSet) prints nothing.
struct ViewLastApplied: RunnableCommand {
    static let spec = CommandSpec<ViewLastApplied>(
        "view-last-applied", abstract: "View the latest last-applied-configuration annotations of a resource/object.",
        options: GlobalOptions.options(in: \.globals)
            + FilenameOption.options(in: \.files)
            + PointInTimeOption.options(in: \.pointInTime)
            + [
            .option(\.output, "output", short: "o", help: "yaml (the default) or json."),
            .option(\.selector, "selector", short: "l", help: "Label selector (e.g. app=web,tier!=db)."),
            .flag(\.all, "all", help: "Every object of the type in the namespace."),
        ],
        arguments: .list(\.resources, "(TYPE [NAME | -l label] | TYPE/NAME | -f FILENAME)"),
        make: ViewLastApplied.init)

    var globals = GlobalOptions()
    var files = FilenameOption()
    var pointInTime = PointInTimeOption()
    var resources: [String] = []
    var output = "yaml"
    var selector: String?
    var all = false

    func run() throws {
        let source = try globals.readSource(pointInTime)
        let configurations = files.filenames.isEmpty ? try named(source) : try fromFiles(source)
        for configuration in configurations {
            // Checked as each is printed, so a bad -o with nothing to print is no error.
            guard output == "yaml" || output == "json" else {
                throw CommandError(
                    "error: Unexpected -o output mode: \(output), the flag 'output' must be one of yaml|json\n"
                        + "See 'rollbook apply view-last-applied -h' for help and examples")
            }
            let value = try JSONCodec.parse(configuration)
            Output.out(output == "json" ? ObjectPrinter.indentedJSON(value, trailing: configuration) : ObjectPrinter.yaml(value))
        }
    }

    /// The annotations of the objects named by arguments; one without it adds nothing.
    private func named(_ source: ReadSource) throws -> [String] {
        let selecting = all || selector != nil
        let groups = try ResourceArguments.groups(resources, whenEmpty: .argumentOrFilename, selecting: selecting)
        let query = try LabelQuery.parsing(selector)
        var configurations: [String] = []
        for group in groups {
            let listing = try ObjectListing.fetch(
                source, kind: group.kind, namespace: globals.resolvedNamespace.name, names: selecting ? [] : group.names,
                query: query)
            if let missing = listing.missing.first { throw missing }
            for object in listing.objects {
                if let configuration = object.metadata[annotation: AnnotationKey.lastApplied] {
                    configurations.append(configuration)
                }
            }
        }
        return configurations
    }

    /// The annotations of the objects the files name, each in its own namespace. One without it is an error
    /// here: view_last_applied.go hands `AddSourceToErr` a nil error, which a source turns into text.
    private func fromFiles(_ source: ReadSource) throws -> [String] {
        try FilenameOption.refuse(resources)
        return try ManifestFiles.load(
            files.filenames, command: "apply view-last-applied", replicaSets: true, recursive: files.recursive
        ) { _, _ in true }.map { document in
            let name = document.object.name
            let namespace = document.object.metadata.namespace ?? globals.resolvedNamespace.name
            let live = try ObjectListing.fetch(
                source, kind: ResourceKind(document.object), namespace: namespace, names: [name], query: nil
            ).objects.first
            guard let configuration = live?.metadata[annotation: AnnotationKey.lastApplied] else {
                throw CommandError(
                    "error: error when no last-applied-configuration annotation found on resource: \(name)\n "
                        + "\"\(document.source)\": <nil>")
            }
            return configuration
        }
    }
}
