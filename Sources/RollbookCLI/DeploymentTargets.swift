import Cluster
import ControlPlane
import KubeModel
import Store

/// The Deployments a verb acts on, as kubectl's resource builder finds them: the names given, in order,
/// or with a type alone or `-l` every Deployment of the namespace (that the selector matches), by name.
struct DeploymentTargets {
    /// Existing Deployments, in the order they are visited.
    var names: [String]
    /// Names given that no Deployment has: kubectl visits the others and reports these as NotFound.
    var missing: [String]
    /// `.deployment`, or another kind the verb takes too (`accepting`).
    var kind: ResourceKind = .deployment

    /// - Parameters:
    ///   - exists: Whether the named object of that kind exists; asked only for names given (one stream each:
    ///     listing the namespace to check one name cost `rollout history --at` a fold of every stream in it).
    ///   - deployments: Every Deployment of the namespace; asked only with a type alone or `-l`.
    ///   - refusal: What a rollout verb says of objects of another kind (nil: that none are Deployments).
    ///   - others: The objects of another kind, with their labels; asked only for a refusal with a type alone or `-l`.
    init(
        _ arguments: [String], selector: String?, exists: (ResourceKind, String) throws -> Bool,
        all deployments: () throws -> [Deployment], refusal: RolloutRefusal? = nil,
        others: (ResourceKind) throws -> [(name: String, labels: [String: String]?)] = { _ in [] },
        accepting: Set<ResourceKind> = []
    ) throws {
        let parsed = try ResourceArguments(arguments, whenEmpty: .rollout)
        if accepting.contains(parsed.kind) && parsed.kind != .deployment {
            let other = parsed.kind
            kind = other
            let all = { try others(other).map { (name: $0.name, labels: $0.labels) } }
            (names, missing) = try Self.select(parsed.names, selector: selector, all: all) { try exists(other, $0) }
            return
        }
        guard parsed.kind == .deployment else {
            guard let refusal, parsed.kind != .event else {
                throw CommandError.client("no objects passed to this command are Deployments")
            }
            var named = parsed.names
            if named.isEmpty {
                let query = try LabelQuery.parsing(selector)
                named = try others(parsed.kind).filter { query?.matches($0.labels ?? [:]) ?? true }.map(\.name).sorted()
            }
            // Nothing selected is what an empty selection of Deployments is to the verb.
            guard !named.isEmpty else {
                (names, missing) = ([], [])
                return
            }
            throw try refusal.error(parsed.kind, names: named) { try exists(parsed.kind, $0) }
        }
        let all = { try deployments().map { (name: $0.name, labels: $0.metadata.labels) } }
        (names, missing) = try Self.select(parsed.names, selector: selector, all: all) { try exists(.deployment, $0) }
    }

    /// The names given, split into those that exist and those missing; or, with none, every object (that the
    /// selector matches), by name.
    private static func select(
        _ given: [String], selector: String?, all: () throws -> [(name: String, labels: [String: String]?)],
        exists: (String) throws -> Bool
    ) throws -> (names: [String], missing: [String]) {
        // The resource builder's rule: names and a selector do not mix.
        if !given.isEmpty && selector != nil {
            throw CommandError.client("name cannot be provided when a selector is specified")
        }
        let query = try LabelQuery.parsing(selector)
        if given.isEmpty {
            return (try all().filter { query?.matches($0.labels ?? [:]) ?? true }.map(\.name).sorted(), [])
        }
        var known: [String: Bool] = [:]
        for name in given where known[name] == nil { known[name] = try exists(name) }
        return (given.filter { known[$0] == true }, given.filter { known[$0] != true })
    }

    /// The targets of a verb that writes, read from the live store.
    init(
        _ arguments: [String], selector: String?, namespace: String, in plane: ControlPlane,
        refusal: RolloutRefusal? = nil, accepting: Set<ResourceKind> = []
    ) throws {
        try self.init(
            arguments, selector: selector, namespace: namespace, in: .live(plane), refusal: refusal,
            accepting: accepting)
    }

    /// The targets read from `source` (the live store or a point in time).
    init(
        _ arguments: [String], selector: String?, namespace: String, in source: ReadSource,
        refusal: RolloutRefusal? = nil, accepting: Set<ResourceKind> = []
    ) throws {
        try self.init(
            arguments, selector: selector,
            exists: { kind, name in try source.read { try kind.exists(name, namespace: namespace, in: $0) } },
            all: { try source.read { try $0.deployments(namespace: namespace) } }, refusal: refusal,
            others: { kind in try source.read { try kind.labelledObjects(namespace: namespace, in: $0) } },
            accepting: accepting)
    }

    /// The NotFound errors for ``missing``.
    var notFound: [CommandError] { missing.map { CommandError.notFound(kind.resource, $0) } }

    /// A target as stored now: nil when it has gone.
    func live(_ name: String, namespace: String, plane: ControlPlane) throws -> WatchedObject? {
        switch kind {
        case .replicaSet:
            return try plane.read { reader in
                guard let id = try reader.streamID(ofReplicaSet: name, namespace: namespace) else { return nil }
                return try reader.deploymentAndReplicaSets(id).replicaSets[name].map(WatchedObject.replicaSet)
            }
        case .pod:
            return try plane.read { reader in
                guard let id = try reader.streamID(ofPod: name, namespace: namespace) else { return nil }
                return try reader.stream(id).pods[name].map(WatchedObject.pod)
            }
        case .resourceQuota:
            return try plane.read { try $0.quotas(namespace: namespace).first { $0.name == name }.map(WatchedObject.resourceQuota) }
        default:
            return try plane.deploymentStream(namespace: namespace, name: name).deployment.map(WatchedObject.deployment)
        }
    }

    /// Sends a patch to a target, as the verb's PATCH request: the answer is the object as the write stored it.
    func patch(_ name: String, namespace: String, patch: ObjectPatch, dryRun: Bool, plane: ControlPlane) throws
        -> WatchedObject
    {
        switch kind {
        case .replicaSet:
            return .replicaSet(try plane.patchReplicaSet(namespace: namespace, name: name, patch: patch, dryRun: dryRun))
        case .pod:
            return .pod(try plane.patchPod(namespace: namespace, name: name, patch: patch, dryRun: dryRun))
        case .resourceQuota:
            return .resourceQuota(try plane.patchQuota(namespace: namespace, name: name, patch: patch, dryRun: dryRun))
        default:
            return .deployment(try plane.patchDeployment(namespace: namespace, name: name, patch: patch, dryRun: dryRun))
        }
    }

    /// Prints collected errors as kubectl's CheckErr does: one error as itself; several (an aggregate)
    /// each on its own line, as its raw message (`rawMessage` strips what only a lone error gets).
    static func report(_ errors: [CommandError], rawMessage: (CommandError) -> String = \.text) throws {
        guard !errors.isEmpty else { return }
        if errors.count == 1 {
            Output.err(errors[0].text + "\n")
        } else {
            for error in errors { Output.err(rawMessage(error) + "\n") }
        }
        throw ExitCode(1)
    }
}
