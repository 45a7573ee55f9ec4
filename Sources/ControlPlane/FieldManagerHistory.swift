import Cluster
import Foundation
import KubeModel
import Manifests
import Store

/// Objects' `metadata.managedFields`, rebuilt from the log: every write to the object, in order, through the
/// field manager kube-apiserver runs, under the manager name the writer would have sent.
///
/// The log keeps the writes, not the field sets, so the sets are derived when asked for (`get
/// --show-managed-fields`), as of any point, and cost nothing on the write path. Pods have none: their status
/// is not in Rollbook's schema field by field.
public enum FieldManagerHistory {
    /// The `managedFields` of the Deployment as the reader sees it; nil when there is none.
    public static func deployment(namespace: String, name: String, reader: any StateReading) throws -> JSONValue? {
        try deploymentFields(namespace: namespace, name: name, reader: reader).flatMap { $0.isEmpty ? nil : $0.json }
    }

    /// The Deployment's field managers, which a server-side apply checks and updates; nil when there is no Deployment.
    static func deploymentFields(namespace: String, name: String, reader: any StateReading) throws -> ManagedFields? {
        try replay(.deployment, in: .deployment(namespace: namespace, name: name), reader: reader) { state in
            state.deployment.map { [$0.name: $0] } ?? [:]
        }[name]
    }

    /// The `managedFields` of the ReplicaSet as the reader sees it; nil when there is none.
    public static func replicaSet(namespace: String, name: String, reader: any StateReading) throws -> JSONValue? {
        try replicaSetFields(namespace: namespace, name: name, reader: reader).flatMap { $0.isEmpty ? nil : $0.json }
    }

    /// The ReplicaSet's field managers; nil when there is no such ReplicaSet.
    static func replicaSetFields(namespace: String, name: String, reader: any StateReading) throws -> ManagedFields? {
        guard let stream = try reader.streamID(ofReplicaSet: name, namespace: namespace) else { return nil }
        return try replay(.replicaSet, in: stream, reader: reader) { state in
            state.replicaSets[name].map { [name: $0] } ?? [:]
        }[name]
    }

    /// The `managedFields` of every ReplicaSet of a Deployment stream, by name, from one replay of its writes.
    public static func replicaSets(in stream: StreamID, reader: any StateReading) throws -> [String: JSONValue] {
        try replay(.replicaSet, in: stream, reader: reader) { $0.replicaSets }.filter { !$0.value.isEmpty }.mapValues(\.json)
    }

    /// Folds the stream's writes, feeding each change of each object to that object's field manager: a write that
    /// leaves an object gone forgets it, so one created again under the name starts afresh. A server-side apply is fed
    /// as one even when it changed nothing but ownership.
    private static func replay<Object: Encodable & Equatable>(
        _ kind: WrittenKind, in stream: StreamID, reader: any StateReading,
        objects: (DeploymentStream) -> [String: Object]
    ) throws -> [String: ManagedFields] {
        try replay(kind, in: stream, writes: try reader.writes(to: kind, in: stream), objects: objects)
    }

    /// The field managers of the stream's Deployment (`.deployment`) or of one of its ReplicaSets after `writes`: a
    /// command's own writes can be added to the stored ones before it commits.
    static func fields(
        _ kind: WrittenKind, named name: String, in stream: StreamID, writes: [ObjectWrite]
    ) throws -> ManagedFields? {
        switch kind {
        case .deployment:
            return try replay(kind, in: stream, writes: writes) { $0.deployment.map { [$0.name: $0] } ?? [:] }[name]
        case .replicaSet:
            return try replay(kind, in: stream, writes: writes) { $0.replicaSets[name].map { [name: $0] } ?? [:] }[name]
        }
    }

    private static func replay<Object: Encodable & Equatable>(
        _ kind: WrittenKind, in stream: StreamID, writes: [ObjectWrite], objects: (DeploymentStream) -> [String: Object]
    ) throws -> [String: ManagedFields] {
        guard let key = stream.deploymentKey else { return [:] }
        var fields: [String: ManagedFields] = [:]
        var state = DeploymentStream(namespace: key.namespace, name: key.name)
        var current: [String: Object] = [:]
        for write in writes {
            let before = current
            state.apply(write.event, sequence: write.sequence, at: write.time)
            current = objects(state)
            for name in before.keys where current[name] == nil { fields[name] = nil }
            let applied = write.event.serverSideApply
            for (name, after) in current where after != before[name] || applied?.name == name {
                if before[name] == nil { fields[name] = ManagedFields(kind: kind == .deployment ? .deployment : .replicaSet) }
                let object = try JSONValue(encoding: after)
                if let applied {
                    try fields[name]?.replay(applied.request, to: object, at: write.time)
                } else {
                    fields[name]?.update(to: object, by: manager(of: write), at: write.time)
                }
            }
        }
        return fields
    }

    /// Who kube-apiserver would name as the writer: the controllers write status through the status subresource
    /// (`UpdateStatus`, a Deployment's revision annotation included); a command sends the `fieldManager` kubectl's verb
    /// sends, or none, and then the server takes the user agent's program name.
    static func manager(of write: ObjectWrite) -> ManagedFields.Manager {
        let controllers: Set<String> = [
            Actor.deploymentController, Actor.replicaSetController, Actor.kubelet, Actor.scheduler, Actor.garbageCollector,
        ]
        switch write.event {
        // A user's write of the status subresource (`patch --subresource=status`, a PUT of /status) is the writer's.
        case .deploymentStatusUpdated where !controllers.contains(write.actor),
            .replicaSetStatusUpdated where !controllers.contains(write.actor):
            var writer = write.argv.count > 1 && ["POST", "PUT", "PATCH"].contains(write.argv[0])
                ? requestManager(write.argv) : commandManager(write.argv)
            writer.subresource = "status"
            return writer
        case .deploymentStatusUpdated, .deploymentRevisionSet, .replicaSetStatusUpdated:
            return .init(name: "kube-controller-manager", subresource: "status")
        // The ReplicaSet's other writers (the Deployment controller, the garbage collector) run in it too.
        case .replicaSetCreated, .replicaSetScaled, .replicaSetAnnotated, .replicaSetOrphaned, .replicaSetAdopted,
            .deploymentDeleted:
            return .init(name: "kube-controller-manager")
        // The Deployment controller's own updates (the rollback annotation's rollback) are plain Updates.
        case _ where write.actor == Actor.deploymentController:
            return .init(name: "kube-controller-manager")
        default:
            return write.argv.count > 1 && ["POST", "PUT", "PATCH"].contains(write.argv[0])
                ? requestManager(write.argv) : commandManager(write.argv)
        }
    }

    /// A request `rollbook serve` answered, recorded as `[METHOD, target, user-agent=…]`.
    private static func requestManager(_ argv: [String]) -> ManagedFields.Manager {
        let target = argv[1]
        let components = URLComponents(string: target)
        // An empty fieldManager is none: the server then takes the user agent's.
        let named = components?.queryItems?.first { $0.name == "fieldManager" }?.value.flatMap { $0.isEmpty ? nil : $0 }
        let agent = argv.dropFirst(2).first { $0.hasPrefix("user-agent=") }?.dropFirst("user-agent=".count)
        let name = named ?? agent.map { String($0.prefix { $0 != "/" }) } ?? ""
        let path = components?.path ?? target
        let subresource = ["scale", "status"].first { path.hasSuffix("/" + $0) }
        return .init(name: name, subresource: subresource)
    }

    /// A Rollbook command: its `--field-manager`, else that flag's default for the kubectl verb it mirrors.
    private static func commandManager(_ argv: [String]) -> ManagedFields.Manager {
        if let index = argv.lastIndex(where: { $0 == "--field-manager" || $0.hasPrefix("--field-manager=") }) {
            let flag = argv[index]
            let name = flag.hasPrefix("--field-manager=")
                ? String(flag.dropFirst("--field-manager=".count)) : index + 1 < argv.count ? argv[index + 1] : ""
            // An empty one is not sent: the server takes the user agent's program.
            return .init(name: name.isEmpty ? "kubectl" : name)
        }
        let words = CommandWords.verbs(argv)
        switch (words.first ?? "", words.dropFirst().first ?? "") {
        case ("apply", _): return .init(name: "kubectl-client-side-apply")
        case ("create", _): return .init(name: "kubectl-create")
        case ("replace", _): return .init(name: "kubectl-replace")
        case ("set", _): return .init(name: "kubectl-set")
        case ("annotate", _): return .init(name: "kubectl-annotate")
        case ("label", _): return .init(name: "kubectl-label")
        case ("patch", _): return .init(name: "kubectl-patch")
        case ("edit", _): return .init(name: "kubectl-edit")
        // `rollout undo` patches without a field manager (polymorphichelpers), as `scale` does through /scale.
        case ("rollout", "undo"): return .init(name: "kubectl")
        case ("rollout", _): return .init(name: "kubectl-rollout")
        case ("scale", _): return .init(name: "kubectl", subresource: "scale")
        default: return .init(name: "rollbook")
        }
    }
}

extension ClusterEvent {
    /// The server-side apply a user write carried, with the name of the object it wrote.
    var serverSideApply: (name: String, request: ServerSideApply)? {
        switch self {
        case .deploymentCreated(let object), .deploymentConfigured(let object):
            object.serverSideApply.map { (object.deployment.name, $0) }
        case .replicaSetConfigured(let object):
            object.serverSideApply.map { (object.replicaSet.name, $0) }
        default:
            nil
        }
    }
}

extension ManagedFields {
    /// Replays a recorded server-side apply (it succeeded, so any conflicts were forced) or upgrade, then the object
    /// it stored.
    mutating func replay(_ request: ServerSideApply, to object: JSONValue, at time: Timestamp) throws {
        if let configuration = request.configuration {
            _ = try apply(configuration, by: request.manager, force: true, at: time)
        }
        if let clientSide = request.upgradedFrom { upgrade(from: clientSide, to: request.manager) }
        stored(object)
    }
}

extension ControlPlane {
    /// The object's `managedFields` as the write that stored it left them (kube-apiserver answers a write with them):
    /// as of its `resourceVersion`, before any controller acted on it; a dry run's answer (the stored version) reads them
    /// as stored. Nil for a Pod or an object without them.
    public func managedFields(of object: WatchedObject) throws -> JSONValue? {
        let (namespace, name) = (object.namespace, object.name)
        func fields(_ reader: any StateReading) throws -> JSONValue? {
            switch object {
            case .deployment: try FieldManagerHistory.deployment(namespace: namespace, name: name, reader: reader)
            case .replicaSet: try FieldManagerHistory.replicaSet(namespace: namespace, name: name, reader: reader)
            default: nil
            }
        }
        guard let sequence = object.metadata.resourceVersion.flatMap(Int64.init),
            let point = try? store.resolve(.sequence(sequence))
        else { return try read { try fields($0) } }
        return try store.read(at: point) { try fields($0) }
    }
}
