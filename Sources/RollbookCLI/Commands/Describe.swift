import Cluster
import ControlPlane
import KubeModel
import Printers

struct Describe: RunnableCommand {
    static let spec = CommandSpec<Describe>(
        "describe", abstract: "Show details of a Deployment, ReplicaSet or Pod.",
        options: GlobalOptions.options(in: \.globals)
            + FilenameOption.options(in: \.files)
            + PointInTimeOption.options(in: \.pointInTime)
            + [
            .option(\.selector, "selector", short: "l", help: "Label selector (e.g. app=web,tier!=db)."),
            .flag(\.allNamespaces, "all-namespaces", short: "A", help: "Describe the objects of every namespace."),
            .flag(\.showEvents, "show-events", help: "If true, display events related to the described object."),
            .option(\.chunkSize, "chunk-size", help: "Return large lists in chunks rather than all at once (accepted: the store answers whole lists)."),
        ],
        arguments: .list(\.resources, "TYPE [NAME_PREFIX] or TYPE/NAME"),
        make: Describe.init)

    var globals = GlobalOptions()
    var files = FilenameOption()
    var pointInTime = PointInTimeOption()
    var resources: [String] = []
    var selector: String?
    var allNamespaces = false
    var showEvents = true
    var chunkSize = 500
    func run() throws {
        let resources = try files.resources(self.resources, command: "describe", plainErrors: .always)
        // describe.go: several types in one argument take no names.
        if let first = resources.first, first.contains(","), !first.contains("/"), resources.count > 1 {
            throw CommandError.client("you may only specify a single resource type")
        }
        let groups = try ResourceArguments.groups(resources, whenEmpty: .type(verb: "describe"), selecting: true)
        if Set(groups.map(\.kind)).count > 1 { return try describeSeveralKinds(groups) }
        let request = try ResourceArguments(resources, whenEmpty: .type(verb: "describe"))
        try request.kind.refusingEvents("describe")
        let query = try LabelQuery.parsing(selector)
        let source = try globals.readSource(pointInTime)
        if allNamespaces { return try describeEveryNamespace(request, query: query, source: source) }
        let namespace = globals.resolvedNamespace.name
        var names = request.names
        if files.filenames.isEmpty, resources.count == 2, !resources[0].contains("/"), let prefix = names.first {
            let all = try ObjectListing.fetch(source, kind: request.kind, namespace: namespace, names: [], query: nil)
                .objects.map(\.name)
            let matching = all.filter { $0.hasPrefix(prefix) }
            if !all.contains(prefix), !matching.isEmpty {
                return try describeMatching(matching, kind: request.kind, namespace: namespace, source: source)
            }
        }
        if names.isEmpty {
            names = try ObjectListing.fetch(source, kind: request.kind, namespace: namespace, names: [], query: query)
                .objects.map(\.name)
            if names.isEmpty {
                Output.err("No resources found in \(namespace) namespace.\n")
                return
            }
        }
        var texts: [String] = []
        var failed = false
        for name in names {
            do {
                texts.append(try describe(request.kind, name: name, namespace: namespace, source: source))
            } catch let error as CommandError {
                Output.err(error.text + "\n")
                failed = true
            }
        }
        // Two arguments and a NotFound: DescribeMatchingResources prints the error alone (see below).
        if failed && resources.count == 2 && files.filenames.isEmpty { texts = [] }
        Output.out(texts.joined(separator: "\n\n"))
        if failed { throw ExitCode(1) }
    }

    /// `-A`: every object of the type (that the selector matches) in every namespace, by namespace and name.
    private func describeEveryNamespace(_ request: ResourceArguments, query: LabelQuery?, source: ReadSource) throws {
        if !request.names.isEmpty {
            throw CommandError.client("a resource cannot be retrieved by name across all namespaces")
        }
        let objects = try ObjectListing.fetch(source, kind: request.kind, namespace: nil, names: [], query: query).objects
        guard !objects.isEmpty else { return Output.err("No resources found\n") }
        let texts = try objects.map { object in
            try describe(request.kind, name: object.name, namespace: object.namespace, source: source)
        }
        Output.out(texts.joined(separator: "\n\n"))
    }

    /// `describe deploy/web rs/web-1` or `describe deploy,rs [NAME...]`: every object in the order named, each kind
    /// without names standing for all of its objects, separated as one kind's are.
    private func describeSeveralKinds(_ groups: [ResourceArguments]) throws {
        let query = try LabelQuery.parsing(selector)
        let source = try globals.readSource(pointInTime)
        let namespace = globals.resolvedNamespace.name
        var texts: [String] = []
        var errors: [CommandError] = []
        for group in groups {
            try group.kind.refusingEvents("describe")
            let names = group.names.isEmpty
                ? try ObjectListing.fetch(source, kind: group.kind, namespace: namespace, names: [], query: query)
                    .objects.map(\.name)
                : group.names
            for name in names {
                do {
                    texts.append(try describe(group.kind, name: name, namespace: namespace, source: source))
                } catch let error as CommandError {
                    errors.append(error)
                }
            }
        }
        // With exactly two arguments a NotFound sends describe.go to DescribeMatchingResources(args[0], args[1]),
        // which finds nothing named with the second as a prefix and returns the error alone.
        if resources.count == 2 && files.filenames.isEmpty && !errors.isEmpty { texts = [] }
        for error in errors { Output.err(error.text + "\n") }
        if texts.isEmpty && errors.isEmpty { return Output.err("No resources found in \(namespace) namespace.\n") }
        Output.out(texts.joined(separator: "\n\n"))
        if !errors.isEmpty { throw ExitCode(1) }
    }

    /// `DescribeMatchingResources`: `describe TYPE NAME` with no object of that name describes every one
    /// whose name starts with it, each printed with `%s\n`.
    private func describeMatching(_ names: [String], kind: ResourceKind, namespace: String, source: ReadSource) throws {
        for name in names {
            Output.out(try describe(kind, name: name, namespace: namespace, source: source) + "\n")
        }
    }

    private func describe(_ kind: ResourceKind, name: String, namespace: String, source: ReadSource) throws -> String {
        switch kind {
        case .deployment:
            let stream = try source.deploymentStream(namespace: namespace, name: name)
            let d = stream.deployment!
            let owned = stream.ownedReplicaSets
            let newRS = owned.first { $0.spec.template.equalIgnoringHash(d.spec.template) }
            let old = owned.filter { $0.name != newRS?.name }
            let events = showEvents ? stream.events(about: d.metadata.uid, keptAt: source.now) : nil
            return describeDeployment(d, oldReplicaSets: old, newReplicaSet: newRS, events: events, now: source.now)
        case .replicaSet:
            guard let id = try source.read({ try $0.streamID(ofReplicaSet: name, namespace: namespace) }) else {
                throw CommandError.notFound(kind.resource, name)
            }
            let stream = try source.read { try $0.stream(id) }
            guard let rs = stream.replicaSets[name] else { throw CommandError.notFound(kind.resource, name) }
            let events = showEvents ? try events(about: rs.metadata.uid, madeFor: rs.name, in: stream, source: source) : nil
            return describeReplicaSet(rs, pods: stream.pods(of: rs), events: events, now: source.now)
        case .pod:
            guard let id = try source.read({ try $0.streamID(ofPod: name, namespace: namespace) }) else {
                throw CommandError.notFound(kind.resource, name)
            }
            let stream = try source.read { try $0.stream(id) }
            guard let pod = stream.pods[name] else { throw CommandError.notFound(kind.resource, name) }
            let owner = pod.metadata.controllerRef?.name ?? pod.name
            let events = showEvents ? try events(about: pod.metadata.uid, madeFor: owner, in: stream, source: source) : nil
            return describePod(pod, events: events, now: source.now)
        case .resourceQuota:
            guard let quota = try source.read({ try $0.quotas(namespace: namespace) }).first(where: { $0.name == name }) else {
                throw CommandError.notFound(kind.resource, name)
            }
            return describeResourceQuota(quota)
        case .event:
            throw ResourceKind.eventsRefusal("describe")
        }
    }

    /// The Events about an object, as the API server finds them by UID: those its stream recorded and, for one
    /// claimed from another Deployment's stream (`name`, its own or its ReplicaSet's, is not this Deployment's),
    /// those recorded before the claim, which stayed in the stream they were recorded in.
    private func events(about uid: String?, madeFor name: String, in stream: DeploymentStream, source: ReadSource) throws
        -> [KubeEvent]
    {
        let own = stream.events(about: uid, keptAt: source.now)
        guard !name.hasPrefix(stream.name + "-") else { return own }
        let known = Set(own.map(\.name))
        let earlier = try source.read { try $0.kubeEvents(namespace: stream.namespace, now: source.now) }
            .filter { $0.involvedObject.uid == uid && !known.contains($0.name) }
        return (earlier + own).sorted { $0.name < $1.name }
    }
}
