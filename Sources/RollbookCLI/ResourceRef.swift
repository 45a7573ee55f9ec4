import ControlPlane
import Manifests

/// The kinds Rollbook serves, with kubectl's names and short names.
enum ResourceKind: String, Sendable {
    /// `event` is core/v1's Event: the Kubernetes Events the controllers and the kubelet record, which `get` lists.
    case deployment, replicaSet, pod, event, resourceQuota

    init(parsing text: String) throws {
        // The RESTMapper takes a resource, a kind or a short name, alone or with `.apps` or `.v1.apps`.
        var name = text.lowercased()
        for suffix in [".v1.apps", ".apps"] where name.hasSuffix(suffix) {
            name = String(name.dropLast(suffix.count))
            guard ["deployments", "deployment", "deploy", "replicasets", "replicaset", "rs"].contains(name) else {
                throw CommandError.client("the server doesn't have a resource type \"\(name)\"")
            }
            break
        }
        switch name {
        case "deployments", "deployment", "deploy": self = .deployment
        case "replicasets", "replicaset", "rs": self = .replicaSet
        case "pods", "pod", "po": self = .pod
        case "events", "event", "ev": self = .event
        case "resourcequotas", "resourcequota", "quota": self = .resourceQuota
        default: throw CommandError.client("the server doesn't have a resource type \"\(text)\"")
        }
    }

    /// `deployments.apps`, as NotFound errors name it.
    var resource: String {
        switch self {
        case .deployment: Resource.deployments
        case .replicaSet: Resource.replicaSets
        case .pod: Resource.pods
        case .event: "events"
        case .resourceQuota: Resource.resourceQuotas
        }
    }

    /// The refusal of a verb that only reads Events could use: they are records the controllers and the kubelet
    /// made, kept in the log until they expire.
    func refusingEvents(_ verb: String) throws {
        if self == .event { throw Self.eventsRefusal(verb) }
    }

    static func eventsRefusal(_ verb: String) -> CommandError {
        .client("\(verb) does not take events: Rollbook keeps them as recorded until they expire (list them with \"get events\")")
    }

    /// `deployments`, the REST mapping's resource, as `wait` names objects in its errors.
    var pluralName: String {
        switch self {
        case .deployment: "deployments"
        case .replicaSet: "replicasets"
        case .pod: "pods"
        case .event: "events"
        case .resourceQuota: "resourcequotas"
        }
    }

    /// `Deployment`, the kind as kubectl diff names its files.
    var kindName: String {
        switch self {
        case .deployment: "Deployment"
        case .replicaSet: "ReplicaSet"
        case .pod: "Pod"
        case .event: "Event"
        case .resourceQuota: "ResourceQuota"
        }
    }

    /// `deployment.apps`, as the name printer writes it.
    var qualifiedKind: String {
        switch self {
        case .deployment: "deployment.apps"
        case .replicaSet: "replicaset.apps"
        case .pod: "pod"
        case .event: "event"
        case .resourceQuota: "resourcequota"
        }
    }
}

extension ManifestObject {
    /// The kind of the object a manifest holds.
    var kind: ResourceKind {
        switch self {
        case .deployment: .deployment
        case .replicaSet: .replicaSet
        case .pod: .pod
        case .resourceQuota: .resourceQuota
        }
    }
}

/// What kubectl says when a verb is given no resource at all: each verb family has its own words.
enum MissingResource {
    /// `get`, `describe`: the type is the least they need.
    case type(verb: String)
    /// The rollout verbs.
    case rollout
    /// `scale`, `delete`: the resource builder's words.
    case argumentOrFilename

    var error: CommandError {
        switch self {
        case .type(let verb) where verb == "get":
            // get.go prints the hint itself, then returns a usage error (without the `explain` line, which
            // it adds only when the CLI has that command).
            CommandError("""
                You must specify the type of resource to get. Use "rollbook api-resources" for a complete list of supported resources.

                error: Required resource not specified.
                See 'rollbook get -h' for help and examples
                """)
        case .type(let verb):
            .client("You must specify the type of resource to \(verb). Use \"rollbook api-resources\" for a complete list of supported resources.")
        case .rollout: .client("required resource not specified")
        case .argumentOrFilename:
            .client("""
                You must provide one or more resources by argument or filename.
                Example resource specifications include:
                   '-f rsrc.yaml'
                   '--filename=rsrc.json'
                   '<resource> <name>'
                   '<resource>'
                """)
        }
    }
}

extension MissingResource {
    /// The resource builder's error when no resource is named: a selector (or `delete --all`) needs a type to
    /// select from (`visitBySelector`); without one it is the usual missing-resource error.
    static func none(selecting: Bool) -> CommandError {
        selecting ? .client("at least one resource must be specified to use a selector") : argumentOrFilename.error
    }
}

/// The resource builder's refusal of `TYPE TYPE/NAME` mixes.
private let combinedTypeArguments = "there is no need to specify a resource type as a separate argument when passing arguments in resource/name form (e.g. 'rollbook get resource/<resource_name>' instead of 'rollbook get resource resource/<resource_name>'"

/// Arguments such as `deployment/web`, `deployment web`, `rs` or `pods a b`.
struct ResourceArguments {
    var kind: ResourceKind
    var names: [String]

    init(_ arguments: [String], whenEmpty missing: MissingResource) throws {
        guard let first = arguments.first else { throw missing.error }
        if first.contains("/") {
            var kind: ResourceKind?
            var names: [String] = []
            for argument in arguments {
                guard argument.contains("/") else { throw CommandError.client(combinedTypeArguments) }
                let parts = try Self.splitResourceTypeName(argument)
                let parsed = try ResourceKind(parsing: parts[0])
                if let kind, kind != parsed { throw CommandError.client("only one resource type is supported here") }
                kind = parsed
                names.append(parts[1])
            }
            self.kind = kind!
            self.names = names
        } else {
            kind = try ResourceKind(parsing: first)
            names = Array(arguments.dropFirst())
        }
    }

    /// The arguments naming this group alone (`deployments.apps web api`), for a verb that visits one type at a time.
    var arguments: [String] { [kind.resource] + names }

    /// `splitResourceTypeName`: one slash, a type and a name on either side of it, and a single type.
    private static func splitResourceTypeName(_ argument: String) throws -> [String] {
        let parts = argument.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard parts.count == 2 else {
            throw CommandError.client("arguments in resource/name form may not have more than one slash")
        }
        guard !parts[0].isEmpty, !parts[1].isEmpty, parts[0].split(separator: ",", omittingEmptySubsequences: false).count == 1
        else {
            throw CommandError.client("arguments in resource/name form must have a single resource and name")
        }
        return parts
    }

    /// Arguments that may name several types, in the order kubectl's resource builder visits them: `TYPE/NAME`
    /// pairs one by one, or `TYPE1,TYPE2 [NAME...]` type by type (each with the same names).
    ///
    /// - Parameter selecting: `--all` or `-l` was given; without either, every type needs names.
    static func groups(_ arguments: [String], whenEmpty missing: MissingResource, selecting: Bool) throws
        -> [ResourceArguments]
    {
        let groups = try groups(arguments, whenEmpty: missing)
        if !selecting, groups.contains(where: \.names.isEmpty) {
            throw CommandError.client("resource(s) were provided, but no name was specified")
        }
        return groups
    }

    private static func groups(_ arguments: [String], whenEmpty missing: MissingResource) throws -> [ResourceArguments] {
        guard let first = arguments.first else { throw missing.error }
        let paired = arguments.filter { $0.contains("/") }.count
        if paired > 0 {
            // hasCombinedTypeArgs: all TYPE/NAME or none.
            guard paired == arguments.count else { throw CommandError.client(combinedTypeArguments) }
            return try arguments.map { try ResourceArguments([$0], whenEmpty: missing) }
        }
        let names = Array(arguments.dropFirst())
        // SplitResourceArgument drops a type given twice.
        var seen: Set<Substring> = []
        let types = first.split(separator: ",", omittingEmptySubsequences: false).filter { seen.insert($0).inserted }
        return try types.map { type in
            var group = try ResourceArguments([String(type)], whenEmpty: missing)
            group.names = names
            return group
        }
    }

    /// For commands that act on exactly one Deployment (`rollout`, `set image`, `scale`).
    static func deployment(_ arguments: [String]) throws -> String {
        let parsed = try ResourceArguments(arguments, whenEmpty: .rollout)
        guard parsed.kind == .deployment else {
            throw CommandError.client("no objects passed to this command are Deployments")
        }
        guard parsed.names.count == 1 else {
            throw CommandError.client("required resource not specified")
        }
        return parsed.names[0]
    }
}
