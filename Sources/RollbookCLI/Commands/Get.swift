import Cluster
import ControlPlane
import KubeModel
import Manifests
import Printers
import Store

struct Get: RunnableCommand {
    static let spec = CommandSpec<Get>(
        "get", abstract: "Display one or many Deployments, ReplicaSets or Pods.",
        discussion: "Examples: rollbook get deployments; rollbook get deployment/web -o yaml; rollbook get pods -o wide",
        options: GlobalOptions.options(in: \.globals)
            + FilenameOption.options(in: \.files)
            + PointInTimeOption.options(in: \.pointInTime)
            + [
            .option(\.outputFlag, "output", short: "o", help: "Output format: wide, yaml, json, name, jsonpath=…, custom-columns=… or go-template=…."),
            .option(\.template, "template", help: "The template for -o go-template or -o jsonpath (alone: go-template)."),
            .option(\.selector, "selector", short: "l", help: "Label selector (e.g. app=web,tier!=db)."),
            .flag(\.allNamespaces, "all-namespaces", short: "A", help: "List across all namespaces."),
            .flag(\.showLabels, "show-labels", help: "Show all labels as the last column."),
            .option(\.labelColumns, "label-columns", short: "L", help: "Labels to show as columns (e.g. -L app,tier)."),
            .flag(\.showKind, "show-kind", help: "List the resource type with each name."),
            .flag(\.noHeaders, "no-headers", help: "Don't print headers."),
            .flag(\.ignoreNotFound, "ignore-not-found", help: "Treat a missing named object as a successful get."),
            .option(\.fieldSelector, "field-selector", help: "Field selector (e.g. status.phase=Running)."),
            .option(\.sortBy, "sort-by", help: "Sort by a JSONPath field (e.g. .metadata.creationTimestamp)."),
            .flag(\.watch, "watch", short: "w", help: "After listing the requested objects, watch for changes."),
            .flag(\.watchOnly, "watch-only", help: "Watch for changes to the requested objects, without listing them first."),
            .option(\.requestTimeout, "request-timeout", help: "How long a watch lasts before it ends; 0 means never (e.g. 5s, 2m)."),
            .flag(\.showManagedFields, "show-managed-fields", help: "Keep the managedFields when printing objects in JSON or YAML format."),
            .option(\.chunkSize, "chunk-size", help: "Return large lists in chunks rather than all at once (accepted: the store answers whole lists)."),
            .flag(\.serverPrint, "server-print", help: "Print the server's table columns; false prints kubectl's own NAME AGE table."),
            .option(\.subresource, "subresource", help: "status or scale: get that subresource of one object (scale as autoscaling/v1 Scale)."),
        ],
        arguments: .list(\.resources, "TYPE [NAME...] or TYPE/NAME..."),
        make: Get.init)

    var globals = GlobalOptions()
    var files = FilenameOption()
    var pointInTime = PointInTimeOption()
    var resources: [String] = []
    var serverPrint = true
    var subresource: String?
    var outputFlag: String?
    var template: String?
    /// `-o`, with `--template` filled in where the format names no template of its own.
    var output: String? { OutputTemplate.folded(outputFlag, template: template) }
    var selector: String?
    var allNamespaces = false
    var showLabels = false
    var labelColumns: [String] = []
    var showKind = false
    var noHeaders = false
    var ignoreNotFound = false
    var fieldSelector: String?
    var sortBy: String?
    var showManagedFields = false
    var watch = false
    var watchOnly = false
    var requestTimeout = "0"
    var chunkSize = 500
    var tableOptions: TableOptions {
        TableOptions(
            showLabels: showLabels, noHeaders: noHeaders,
            labelColumns: labelColumns.flatMap { $0.split(separator: ",").map(String.init) })
    }

    func run() throws {
        let arguments = try files.resources(resources, command: "get", plainErrors: .whenNothingDecoded)
        if let groups = try severalKinds(arguments) { return try runSeveralKinds(groups) }
        let request = try ResourceArguments(arguments, whenEmpty: .type(verb: "get"))
        if allNamespaces && !request.names.isEmpty {
            throw CommandError.client("a resource cannot be retrieved by name across all namespaces")
        }
        try checkShowLabels()
        if let subresource { return try getSubresource(subresource, of: request) }
        let query = try LabelQuery.parsing(selector)
        let namespace = allNamespaces ? nil : globals.resolvedNamespace.name
        let fields = try fieldSelector.map { try FieldQuery($0, kind: request.kind, labelSelector: selector) }
        let sorter = try sortBy.map(SortBy.init)
        if watch || watchOnly { return try runWatch(request, format: try printFormat(), query: query, fields: fields) }
        let source = try globals.readSource(pointInTime)
        var listing = try ObjectListing.fetch(
            source, kind: request.kind, namespace: namespace, names: request.names, query: query,
            output: sorter == nil && fields == nil ? output : "json", labels: showLabels || !labelColumns.isEmpty)
        // The printer is made once the objects are read (printGeneric): with none read, --ignore-not-found prints
        // nothing, and a single name given is NotFound, before any error of the printer's.
        let format: GetOutput
        do {
            format = try printFormat()
        } catch is CommandError where listing.objects.isEmpty && (ignoreNotFound || singleItemImplied(request)) {
            for missing in ignoreNotFound ? [] : listing.missing { Output.err(missing.text + "\n") }
            if ignoreNotFound { return }
            throw ExitCode(1)
        }
        // printGeneric: where one item is implied, an object not found is the error alone, with nothing printed (no
        // empty List, nor the file's other objects).
        if !format.isTable && !listing.missing.isEmpty && singleItemImplied(request) && !ignoreNotFound {
            for missing in listing.missing { Output.err(missing.text + "\n") }
            throw ExitCode(1)
        }
        if let fields { listing.objects = listing.objects.filter { fields.matches($0.json) } }
        // --ignore-not-found with nothing found prints nothing, not an empty List.
        if !format.isTable && listing.objects.isEmpty && ignoreNotFound { return }
        if let sorter {
            do {
                listing.objects = try sorter.sorted(listing.objects)
            } catch is CommandError where format.isTable {
                // kubectl sorts a table in its printer, and get ignores that printer's error: no rows, and
                // "No resources found" below. (The other outputs sort before printing and report it.)
                listing.objects = []
            }
        }
        if showsManagedFields(format) { try listing.addManagedFields(from: source) }
        // --ignore-not-found drops NotFound errors, and with them kubectl's "No resources found".
        let missing = ignoreNotFound ? [] : listing.missing
        for error in missing { Output.err(error.text + "\n") }
        // --show-kind names each row `deployment.apps/web`, as a listing of several kinds does.
        if showKind, output == nil || output == "wide" {
            listing.objects = listing.objects.map { $0.renamed("\(request.kind.qualifiedKind)/\($0.name)") }
        }
        let singleObject = singleItemImplied(request) && listing.objects.count == 1
        // --server-print=false: kubectl's own table, NAME and AGE, for any kind.
        if !serverPrint, format.isTable {
            Output.out(TableRows.defaultTable(
                listing.objects.map(\.metadata), showNamespace: allNamespaces, now: source.now, options: tableOptions))
            if listing.objects.isEmpty && missing.isEmpty && !ignoreNotFound { reportNoResources(in: namespace) }
            if !missing.isEmpty { throw ExitCode(1) }
            return
        }
        let text = try listing.render(
            kind: request.kind, output: format, showNamespace: allNamespaces, now: source.now, singleObject: singleObject,
            options: tableOptions)
        if format.isTable && listing.objects.isEmpty && missing.isEmpty && !ignoreNotFound {
            reportNoResources(in: namespace)
        }
        Output.out(text)
        if !missing.isEmpty { throw ExitCode(1) }
    }
}

extension Get {
    /// `--subresource`: `status` is the object itself; `scale` its `autoscaling/v1` `Scale`, printed as kubectl prints a
    /// kind it has no columns for (`NAME AGE`). One object only.
    func getSubresource(_ subresource: String, of request: ResourceArguments) throws {
        guard !request.names.isEmpty else {
            throw CommandError.client("subresource cannot be used when bulk resources are specified")
        }
        let scalable = [.deployment, .replicaSet].contains(request.kind)
        let served = subresource == "status" || (subresource == "scale" && scalable)
        guard served else {
            throw CommandError("Error from server (NotFound): the server could not find the requested resource")
        }
        var plain = self
        plain.subresource = nil
        guard subresource == "scale" else { return try plain.run() }
        let source = try globals.readSource(pointInTime)
        let listing = try ObjectListing.fetch(
            source, kind: request.kind, namespace: globals.resolvedNamespace.name, names: request.names, query: nil,
            output: "json")
        let scales = listing.objects.map { $0.scaleSubresource() }
        switch try printFormat() {
        case .table:
            if !listing.objects.isEmpty {
                Output.out(TableRows.defaultTable(
                    listing.objects.map(\.metadata), showNamespace: false, now: source.now, options: tableOptions))
            }
        case .name:
            Output.out(listing.objects.map { "scale.autoscaling/\($0.name)\n" }.joined())
        case let format where !scales.isEmpty:
            let single = singleItemImplied(request) && scales.count == 1
            Output.out(try ObjectListing.printed(single ? scales[0] : ObjectPrinter.list(scales), as: format))
        default:
            break
        }
        for error in listing.missing { Output.err(error.text + "\n") }
        if !listing.missing.isEmpty { throw ExitCode(1) }
    }

    /// The builder's `singleItemImplied`: one name given, or with `-f` one file path (not stdin, a directory or a
    /// recursive walk), whatever it holds.
    func singleItemImplied(_ request: ResourceArguments) -> Bool {
        files.filenames.isEmpty ? request.names.count == 1 : files.namesOneFile
    }

    /// Labels are a table's column: any other `-o` refuses `--show-labels`, naming the format as given (a
    /// `--template` alone leaves `-o` empty, and is no refusal).
    func checkShowLabels() throws {
        guard showLabels, let outputFlag, outputFlag != "wide" else { return }
        throw CommandError.client("--show-labels option cannot be used with \(outputFlag) printer")
    }

    /// Whether the objects printed carry `metadata.managedFields`. The API server always sends them; kubectl drops
    /// them for `-o json|yaml` unless `--show-managed-fields`, and leaves them to templates and columns. Rebuilding
    /// them replays each object's writes, so a template gets them only when it names them.
    func showsManagedFields(_ format: GetOutput) -> Bool {
        switch format {
        case .yaml, .json: showManagedFields
        case .jsonPath, .template, .customColumns: showManagedFields || output?.contains("managedFields") == true
        case .table, .name: false
        }
    }

    /// What kubectl's table printer says of an empty listing, on stderr.
    func reportNoResources(in namespace: String?) {
        Output.err(allNamespaces ? "No resources found\n" : "No resources found in \(namespace ?? "default") namespace.\n")
    }

    /// The printer `-o` and `--template` ask for, or kubectl's error for them.
    func printFormat() throws -> GetOutput {
        try OutputTemplate.check(outputFlag, template: template)
        guard let format = try GetOutput(output) else { throw OutputTemplate.unmatched(output ?? "") }
        return format
    }

    /// The kinds and names of a `get` of several types (`MultipleTypesRequested`), nil for one type:
    /// `TYPE1,TYPE2 [NAME...]` (`all` standing for every kind Rollbook serves, in discovery's order; a kind named
    /// twice listed once, where it first appears), or `TYPE/NAME` pairs of more than one type, a group for each run
    /// of one type, in the order given.
    /// - Parameter resources: the arguments, or what `-f` names.
    func severalKinds(_ resources: [String]) throws -> [ResourceArguments]? {
        guard let first = resources.first else { return nil }
        if first.contains("/") {
            let groups = try ResourceArguments.groups(resources, whenEmpty: .type(verb: "get"), selecting: true)
            guard Set(groups.map(\.kind)).count > 1 else { return nil }
            var runs: [ResourceArguments] = []
            for group in groups {
                if runs.last?.kind == group.kind { runs[runs.count - 1].names += group.names } else { runs.append(group) }
            }
            return runs
        }
        guard first.contains(",") || first.lowercased() == "all" else { return nil }
        var groups: [ResourceArguments] = []
        for name in first.split(separator: ",") {
            for kindName in name.lowercased() == "all" ? ["pods", "deployments", "replicasets"] : [String(name)] {
                var group = try ResourceArguments([kindName], whenEmpty: .type(verb: "get"))
                guard !groups.contains(where: { $0.kind == group.kind }) else { continue }
                group.names = Array(resources.dropFirst())
                groups.append(group)
            }
        }
        return groups
    }

    /// `get deploy,rs,pods` and `get deploy/a rs/b`: a table per group, names prefixed with the kind, a blank line
    /// between tables when they have headers; `-o yaml|json` gives one List of everything.
    func runSeveralKinds(_ groups: [ResourceArguments]) throws {
        if watch || watchOnly { throw CommandError.client("you may only specify a single resource type") }
        try checkShowLabels()
        try OutputTemplate.check(outputFlag, template: template)
        let query = try LabelQuery.parsing(selector)
        // An -o `get` does not know prints the tables here, as it always has.
        let format = try GetOutput(output) ?? .table(wide: false)
        let source = try globals.readSource(pointInTime)
        let namespace = allNamespaces ? nil : globals.resolvedNamespace.name
        var tables: [String] = []
        var everything: [JSONValue] = []
        var missing: [CommandError] = []
        for group in groups {
            let kind = group.kind
            var listing = try ObjectListing.fetch(
                source, kind: kind, namespace: namespace, names: group.names, query: query, output: output,
                labels: showLabels || !labelColumns.isEmpty)
            missing += listing.missing
            if showsManagedFields(format) { try listing.addManagedFields(from: source) }
            everything += listing.objects.map(listing.json)
            if format.printsOneList { continue }
            if output != "name" { listing.objects = listing.objects.map { $0.renamed("\(kind.qualifiedKind)/\($0.name)") } }
            let text = try listing.render(kind: kind, output: format, showNamespace: allNamespaces, now: source.now,
                                          singleObject: false, options: tableOptions)
            if !text.isEmpty { tables.append(text) }
        }
        if ignoreNotFound { missing = [] }
        for error in missing { Output.err(error.text + "\n") }
        if case .customColumns(let spec) = format {
            Output.out(try CustomColumns(spec).render(everything, noHeaders: noHeaders))
        } else if format.printsOneList {
            Output.out(try ObjectListing.printed(ObjectPrinter.list(everything), as: format))
        } else {
            if tables.isEmpty && format.isTable && missing.isEmpty && !ignoreNotFound {
                reportNoResources(in: namespace)
            }
            Output.out(tables.joined(separator: output == "name" || noHeaders ? "" : "\n"))
        }
        if !missing.isEmpty { throw ExitCode(1) }
    }
}

extension WatchedObject {
    /// Tells objects apart across kinds and namespaces.
    var key: String { "\(kindName)/\(namespace)/\(name)" }

    private var kindName: String {
        switch self {
        case .deployment: "deployment"
        case .replicaSet: "replicaset"
        case .pod: "pod"
        case .event: "event"
        case .resourceQuota: "resourcequota"
        }
    }

    /// The same object under another name: how the table shows `deployment.apps/web` for several kinds.
    func renamed(_ name: String) -> ObjectListing.Object {
        switch self {
        case .deployment(var d):
            d.metadata.name = name
            return .deployment(d)
        case .replicaSet(var rs):
            rs.metadata.name = name
            return .replicaSet(rs)
        case .pod(var pod):
            pod.metadata.name = name
            return .pod(pod)
        case .event(var event):
            event.name = name
            return .event(event)
        case .resourceQuota(var quota):
            quota.metadata.name = name
            return .resourceQuota(quota)
        }
    }
}

/// The objects a `get` asked for, in kubectl's order, plus NotFound errors for missing names.
struct ObjectListing {
    /// An object as a list or a watch delivers it (shared with `rollbook serve`).
    typealias Object = WatchedObject

    var objects: [Object]
    var missing: [CommandError]
    /// `metadata.managedFields` by object (``Object/key``), for `--show-managed-fields` (kubectl drops them
    /// otherwise).
    var managedFields: [String: JSONValue] = [:]

    /// The object as the API server serves it, with its managed fields when they were asked for.
    func json(_ object: Object) -> JSONValue {
        var json = object.json
        if let fields = managedFields[object.key] { json["metadata"]?["managedFields"] = fields }
        return json
    }

    /// Rebuilds each Deployment's and ReplicaSet's managed fields from the log (Pods have none in Rollbook).
    /// A stream's ReplicaSets are rebuilt together, from one replay of its writes.
    mutating func addManagedFields(from source: ReadSource) throws {
        let objects = self.objects
        managedFields = try source.read { reader in
            var fields: [String: JSONValue] = [:]
            var replicaSets: [StreamID: [String: JSONValue]] = [:]
            for object in objects {
                switch object {
                case .deployment(let d):
                    fields[object.key] = try FieldManagerHistory.deployment(
                        namespace: d.namespace, name: d.name, reader: reader)
                case .replicaSet(let rs):
                    guard let stream = try reader.streamID(ofReplicaSet: rs.name, namespace: object.namespace) else {
                        continue
                    }
                    if replicaSets[stream] == nil {
                        replicaSets[stream] = try FieldManagerHistory.replicaSets(in: stream, reader: reader)
                    }
                    fields[object.key] = replicaSets[stream]?[rs.name]
                case .pod, .event, .resourceQuota:
                    continue
                }
            }
            return fields
        }
    }

    /// - Parameter output: The `-o` the objects are for: objects cut down to what a table prints will do for a
    ///   table (see ``StateReading/deploymentSummaries(namespace:labels:wide:)``, and its ReplicaSet twin).
    static func fetch(
        _ source: ReadSource, kind: ResourceKind, namespace: String?, names: [String], query: LabelQuery?,
        output: String? = "yaml", labels: Bool = false
    ) throws -> ObjectListing {
        let table = output == nil || output == "wide" || output == "name"
        let (withLabels, wide) = (query != nil || labels, output == "wide")
        let all: [Object] = try source.read { reader in
            switch kind {
            case .deployment where table:
                try reader.deploymentSummaries(namespace: namespace, labels: withLabels, wide: wide).map(Object.deployment)
            case .deployment: try reader.deployments(namespace: namespace).map(Object.deployment)
            case .replicaSet where table:
                try reader.replicaSetSummaries(namespace: namespace, labels: withLabels, wide: wide).map(Object.replicaSet)
            case .replicaSet: try reader.replicaSets(namespace: namespace).map(Object.replicaSet)
            case .pod: try reader.pods(namespace: namespace).map(Object.pod)
            case .event: try reader.kubeEvents(namespace: namespace, now: source.now).map(Object.event)
            case .resourceQuota: try reader.quotas(namespace: namespace).map(Object.resourceQuota)
            }
        }
        if names.isEmpty {
            return ObjectListing(objects: all.filter { query?.matches($0.labels) ?? true }, missing: [])
        }
        var objects: [Object] = []
        var missing: [CommandError] = []
        for name in names {
            if let object = all.first(where: { $0.name == name }) {
                objects.append(object)
            } else {
                missing.append(CommandError.notFound(kind.resource, name))
            }
        }
        return ObjectListing(objects: objects, missing: missing)
    }

    /// - Parameter watch: For `get -w`: the earlier lines the table's are aligned with.
    func render(
        kind: ResourceKind, output: GetOutput, showNamespace: Bool, now: Timestamp, singleObject: Bool,
        options: TableOptions = TableOptions(), watch: WatchAlignment? = nil
    ) throws -> String {
        switch output {
        case .customColumns(let spec):
            return try CustomColumns(spec).render(objects.map(json), noHeaders: options.noHeaders, watch: watch)
        case .name:
            return objects.map { "\(kind.qualifiedKind)/\($0.name)\n" }.joined()
        case .yaml, .json, .jsonPath, .template:
            if objects.isEmpty && singleObject { return "" }
            return try Self.printed(singleObject ? json(objects[0]) : ObjectPrinter.list(objects.map(json)), as: output)
        case .table(let wide):
            switch kind {
            case .deployment:
                return deploymentsTable(objects.compactMap { if case .deployment(let d) = $0 { d } else { nil } },
                                        wide: wide, showNamespace: showNamespace, now: now, options: options, watch: watch)
            case .replicaSet:
                return replicaSetsTable(objects.compactMap { if case .replicaSet(let rs) = $0 { rs } else { nil } },
                                        wide: wide, showNamespace: showNamespace, now: now, options: options, watch: watch)
            case .pod:
                return podsTable(objects.compactMap { if case .pod(let pod) = $0 { pod } else { nil } },
                                 wide: wide, showNamespace: showNamespace, now: now, options: options, watch: watch)
            case .event:
                return eventsTable(objects.compactMap { if case .event(let event) = $0 { event } else { nil } },
                                   wide: wide, showNamespace: showNamespace, now: now, options: options, watch: watch)
            case .resourceQuota:
                return resourceQuotasTable(objects.compactMap { if case .resourceQuota(let quota) = $0 { quota } else { nil } },
                                           wide: wide, showNamespace: showNamespace, now: now, options: options, watch: watch)
            }
        }
    }
}

extension ObjectListing {
    /// `-o jsonpath=TEMPLATE`, `jsonpath-file=PATH` or `jsonpath-as-json=TEMPLATE`.
    struct JSONPathOutput {
        var template: String
        var asJSON = false
    }

    /// The JSONPath output `-o` asks for, nil for any other output.
    static func jsonPath(_ output: String?) throws -> JSONPathOutput? {
        guard let output else { return nil }
        if output.hasPrefix("jsonpath=") { return JSONPathOutput(template: String(output.dropFirst("jsonpath=".count))) }
        if output.hasPrefix("jsonpath-as-json=") {
            return JSONPathOutput(template: String(output.dropFirst("jsonpath-as-json=".count)), asJSON: true)
        }
        guard output.hasPrefix("jsonpath-file=") else { return nil }
        return JSONPathOutput(template: try TemplateOutput.file(String(output.dropFirst("jsonpath-file=".count))))
    }

    /// The template's text for `value`; kubectl's error for a template that does not parse, or that fails on the
    /// object (nothing is printed then).
    static func renderJSONPath(_ output: JSONPathOutput, _ value: JSONValue) throws -> String {
        let path: JSONPath
        do {
            path = try JSONPath(output.template)
        } catch {
            throw CommandError.client(error.description)
        }
        do {
            return try output.asJSON ? path.renderAsJSON(value) : path.render(value)
        } catch {
            // The message ends in a newline already, so kubectl adds none; the CLI adds one.
            throw CommandError.client(String(path.failureMessage(error, root: value).dropLast()))
        }
    }
}
