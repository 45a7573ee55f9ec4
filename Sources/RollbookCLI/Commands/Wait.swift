import ControlPlane
import Foundation
import KubeModel
import Store

/// `kubectl wait`: waits until every object chosen (by name, `-l`, `--field-selector`, `--all` or `-f`) is created,
/// deleted, has a status condition, or has a JSONPath value, printing `KIND/NAME condition met` for each as it is.
///
/// The store is read again every quarter of a second, and each read lets simulated time catch up to the clock
/// first, so a rollout moves on while it is waited for (with a fixed `ROLLBOOK_NOW`, only other commands move it).
/// One deadline covers every object, as kubectl's one context does; a timeout of 0 checks once.
struct Wait: RunnableCommand {
    static let spec = CommandSpec<Wait>(
        "wait", abstract: "Wait for a specific condition on one or many Deployments, ReplicaSets or Pods.",
        discussion: """
            Examples: rollbook wait --for=condition=Available deployment/web; \
            rollbook wait --for=jsonpath='{.status.readyReplicas}'=3 deploy/web; \
            rollbook wait --for=delete pod/web-x --timeout=60s
            """,
        options: GlobalOptions.options(in: \.globals)
            + FilenameOption.options(in: \.files)
            + [
            .option(\.condition, "for", help: """
                The condition to wait on: [create|delete|condition=condition-name[=condition-value]|\
                jsonpath='{JSONPath expression}'=[JSONPath value]]. The default condition-value is true.
                """),
            .duration(\.timeout, "timeout", help: """
                The length of time to wait before giving up. Zero means check once and don't wait, negative means \
                wait for a week.
                """),
            .option(\.selector, "selector", short: "l", help: "Selector (label query) to filter on (e.g. -l app=web)."),
            .option(\.fieldSelector, "field-selector", help: "Selector (field query) (e.g. --field-selector metadata.name=web)."),
            .flag(\.all, "all", help: "Select all resources in the namespace of the specified resource types."),
            .flag(\.allNamespaces, "all-namespaces", short: "A", help: "Select the objects across all namespaces."),
            .option(\.outputFlag, "output", short: "o", help: "Output format: json, yaml, name, jsonpath=… or go-template=…."),
            .option(\.template, "template", help: "The template for -o go-template or -o jsonpath."),
        ],
        arguments: .list(\.resources, "TYPE NAME..., TYPE/NAME..., or TYPE with -l / --field-selector / --all"),
        make: Wait.init)

    var globals = GlobalOptions()
    var files = FilenameOption()
    var resources: [String] = []
    var condition = ""
    var timeout = "30s"
    var selector: String?
    var fieldSelector: String?
    var all = false
    var allNamespaces = false
    var outputFlag: String?
    var template: String?

    /// How often the store is read again.
    static let pollInterval: TimeInterval = 0.25

    func run() throws {
        // kubectl's order: the printer, the condition, then what the resource builder finds.
        var printer = try TypedOutput(OutputTemplate.folded(outputFlag, template: template))
        let wanted = try WaitCondition(parsing: condition)
        let query = try LabelQuery.parsing(selector)
        var waiter = try Waiter(globals: globals, timeout: Duration.parse(timeout) ?? 30)
        let groups: [ResourceArguments]
        if let fromFiles = try fileArguments(query: query) {
            // The objects of the files, those the label selector matches; the field selector does not apply.
            guard !fromFiles.names.isEmpty else { throw CommandError.client("no matching resources found") }
            groups = [fromFiles]
        } else {
            if resources.isEmpty { throw MissingResource.none(selecting: selector != nil || fieldSelector != nil) }
            groups = try ResourceArguments.groups(
                resources, whenEmpty: .argumentOrFilename, selecting: all || selector != nil || fieldSelector != nil)
            try checkSelection(resources, groups)
        }

        if case .create = wanted { try waiter.awaitCreation(of: groups, namespace: globals.resolvedNamespace.name) }
        var visited = 0
        var errors: [CommandError] = []
        for group in groups {
            for found in try targets(group, query: query, waiter: waiter) {
                guard let object = found.object else {
                    // Waiting for a deletion, a missing name is no error; for anything else it is NotFound.
                    if case .delete = wanted { continue }
                    errors.append(.notFound(group.kind.resource, found.name))
                    continue
                }
                visited += 1
                do {
                    let final = try waiter.await(wanted, on: object, kind: group.kind)
                    Output.out(try printer.text(
                        final, as: nil, resource: "\(group.kind.qualifiedKind)/\(object.name)",
                        operation: "condition met"))
                } catch let error as CommandError {
                    errors.append(error)
                }
            }
        }
        // Several errors are printed as their messages alone; a lone one keeps its "error: ".
        try DeploymentTargets.report(errors) { error in
            error.text.hasPrefix("error: ") ? String(error.text.dropFirst("error: ".count)) : error.text
        }
        if visited == 0, !wanted.isDelete { throw CommandError.client("no matching resources found") }
    }

    /// `-f`: the Deployments of the files that `-l` matches, by name (nil without files).
    private func fileArguments(query: LabelQuery?) throws -> ResourceArguments? {
        guard !files.filenames.isEmpty else { return nil }
        try FilenameOption.refuse(resources)
        let documents = try ManifestFiles.loadNaming(files.filenames, command: "wait", recursive: files.recursive)
        var group = try ResourceArguments(["deployment"], whenEmpty: .argumentOrFilename)
        group.names = documents.map(\.object.metadata)
            .filter { query?.matches($0.labels ?? [:]) ?? true }.map(\.name)
        return group
    }

    /// The resource builder's refusals of names mixed with selectors or with `-A`.
    private func checkSelection(_ arguments: [String], _ groups: [ResourceArguments]) throws {
        let selecting = selector != nil || fieldSelector != nil
        if selecting && arguments.contains(where: { $0.contains("/") }) {
            throw CommandError.client("selectors and the all flag cannot be used when passing resource/name arguments")
        }
        let named = groups.contains { !$0.names.isEmpty }
        if selecting && named { throw CommandError.client("name cannot be provided when a selector is specified") }
        if allNamespaces && named {
            throw CommandError.client("a resource cannot be retrieved by name across all namespaces")
        }
    }

    /// The objects a group names, in order (nil where one is missing), or those its selectors choose, by name.
    private func targets(_ group: ResourceArguments, query: LabelQuery?, waiter: Waiter) throws
        -> [(name: String, object: ObjectListing.Object?)]
    {
        let namespace = globals.resolvedNamespace.name
        if !group.names.isEmpty {
            return try group.names.map { ($0, try waiter.object(group.kind, namespace: namespace, name: $0)) }
        }
        let fields = try fieldSelector.map { try FieldQuery($0, kind: group.kind, labelSelector: selector) }
        let listing = try ObjectListing.fetch(
            .live(try waiter.plane()), kind: group.kind, namespace: allNamespaces ? nil : namespace, names: [],
            query: query, output: "json")
        return listing.objects.filter { fields?.matches($0.json) ?? true }.map { ($0.name, $0) }
    }
}

extension WaitCondition {
    var isDelete: Bool {
        if case .delete = self { return true }
        return false
    }
}
