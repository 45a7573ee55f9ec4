import Cluster
import Foundation
import KubeModel
import Manifests

/// The writes to a stored ReplicaSet: the scale subresource, PATCH and PUT, as the API server takes them; what
/// `kubectl scale`, `label`, `annotate`, `set image`, `patch` and `replace` send for one, and what `rollbook serve`
/// passes on. Each records one `ReplicaSetConfigured`, or nothing when it changes nothing.
extension ControlPlane {
    /// `kubectl scale rs/NAME --replicas=N` with scale.go's preconditions, as for a Deployment. A ReplicaSet a
    /// Deployment controls is scaled all the same; its Deployment then scales it back, as upstream.
    /// - Returns: The ReplicaSet as the write stored it, before the controllers act on it.
    @discardableResult
    public func scaleReplicaSet(
        namespace: String, name: String, replicas: Int, currentReplicas: Int?, resourceVersion: String? = nil,
        dryRun: Bool = false
    ) throws -> ReplicaSet? {
        try mutateReplicaSet(namespace: namespace, name: name, dryRun: dryRun) { rs in
            if let expected = currentReplicas, expected != rs.replicas {
                throw CommandError.client("Expected replicas to be \(expected), was \(rs.replicas)")
            }
            if let expected = resourceVersion, let actual = rs.metadata.resourceVersion, expected != actual {
                throw CommandError.client("Expected resource version to be \(expected), was \(actual)")
            }
            if replicas > Int(Int32.max) {
                throw CommandError.invalid(name, [FieldError(.invalid, "spec.replicas", value: String(replicas),
                                                             detail: "must be no greater than 2147483647")], kind: "ReplicaSet")
            }
            var scaled = rs
            scaled.spec.replicas = replicas
            return Self.configured(scaled, over: rs)
        }
    }

    /// - Returns: The ReplicaSet as the write stored it, before the controllers act on it (as it was, when the patch
    ///   changed nothing); a dry run's answer is what would have been stored.
    public func patchReplicaSet(namespace: String, name: String, patch: ObjectPatch, dryRun: Bool = false) throws
        -> ReplicaSet
    {
        try Self.patchDecoding { try updateReplicaSet(namespace: namespace, name: name, dryRun: dryRun, Self.applying(patch)) }
    }

    /// `PUT` of a ReplicaSet: the body replaces labels, annotations and spec.
    public func replaceReplicaSet(namespace: String, name: String, with body: JSONValue, dryRun: Bool = false) throws
        -> ReplicaSet
    {
        try updateReplicaSet(namespace: namespace, name: name, dryRun: dryRun) { _ in body }
    }

    /// Stores `change(live)` as ``updateDeployment(namespace:name:rollback:dryRun:_:)`` does for a Deployment: a
    /// stale `resourceVersion` is a Conflict, the body is decoded strictly, and ``updatedReplicaSet(_:live:)``
    /// admits it.
    private func updateReplicaSet(
        namespace: String, name: String, dryRun: Bool, _ change: (JSONValue) throws -> JSONValue
    ) throws -> ReplicaSet {
        let answer = try mutateReplicaSet(namespace: namespace, name: name, dryRun: dryRun) { live in
            let requested = try change(try JSONValue(encoding: live))
            try CommandError.refusingStale(requested, stored: live.metadata.resourceVersion, Resource.replicaSets, name)
            let manifest = try Self.decodeReplicaSetStrictly(requested, validation: fieldValidation)
            return Self.configured(try updatedReplicaSet(manifest, live: live), over: live)
        }
        guard let answer else { throw CommandError.notFound(Resource.replicaSets, name) }
        return answer
    }

    /// `PATCH` or `PUT` of a ReplicaSet's `status` subresource, as the status strategy stores it: the status alone is
    /// taken from `change(live)`. Recorded as a status update with the caller as actor; the ReplicaSet controller's next sync
    /// sets the counts again and keeps the conditions (`calculateStatus` starts from the stored status).
    public func updateReplicaSetStatus(
        namespace: String, name: String, dryRun: Bool = false, _ change: (JSONValue) throws -> JSONValue
    ) throws -> ReplicaSet {
        let answer = try mutateReplicaSet(namespace: namespace, name: name, dryRun: dryRun) { live in
            let requested = try change(try JSONValue(encoding: live))
            try CommandError.refusingStale(requested, stored: live.metadata.resourceVersion, Resource.replicaSets, name)
            // The object is checked as any update's body is; the status is read on its own (manifests drop it).
            _ = try Self.decodeReplicaSetStrictly(requested)
            let status: ReplicaSetStatus
            do {
                status = try JSONCodec.decode(ReplicaSetStatus.self, from: requested["status"] ?? .object([:]))
            } catch {
                let message = "status: \(error)"
                throw CommandError("Error from server (BadRequest): \(message)", status: .badRequest(message))
            }
            if status == live.status { return nil }
            return .replicaSetStatusUpdated(ReplicaSetStatusUpdated(name: name, status: status))
        }
        guard let answer else { throw CommandError.notFound(Resource.replicaSets, name) }
        return answer
    }

    /// The user event that stores `updated`; nil when it writes nothing new.
    private static func configured(_ updated: ReplicaSet, over live: ReplicaSet) -> ClusterEvent? {
        updated.writesNothing(over: live) ? nil : .replicaSetConfigured(ReplicaSetObject(replicaSet: updated))
    }

    /// Runs one user write on the stream that holds the namespace's ReplicaSet of this name, found inside the
    /// write's transaction (a claim may have moved it). `decide` returns the write's event, nil for none; a dry run
    /// stores nothing.
    /// - Returns: The ReplicaSet the write left (a dry run's: what it would have left), before the controllers act.
    private func mutateReplicaSet(
        namespace: String, name: String, dryRun: Bool, _ decide: (ReplicaSet) throws -> ClusterEvent?
    ) throws -> ReplicaSet? {
        try store.write(command: newCommandInfo()) { writer in
            var simulation = try Simulation(writer: writer, now: now)
            try simulation.catchUp()
            guard let id = try simulation.streamHolding(replicaSet: name, namespace: namespace),
                let live = try simulation.stream(id).replicaSets[name]
            else { throw CommandError.notFound(Resource.replicaSets, name) }
            var answer: ReplicaSet? = live
            if let event = try decide(live) {
                try simulation.apply([event], to: id, actor: actor, at: now) { answer = $0.replicaSets[name] }
                // A dry run answers with what would have been stored, its resourceVersion unchanged.
                if dryRun { answer?.metadata.resourceVersion = live.metadata.resourceVersion }
            }
            // Time caught up all the same: that is stored, unless this is a dry run, which stores nothing.
            if !dryRun { try writer.commit(simulation) }
            return answer
        }
    }

    /// A ReplicaSet request body read the way the API server reads it with `fieldValidation=Strict`.
    public static func decodeReplicaSetStrictly(_ body: JSONValue, validation: FieldValidation = .strict) throws
        -> ReplicaSetManifest
    {
        try decodeBody(body, validation: validation, kind: "ReplicaSet") { object in
            guard case .replicaSet(let manifest) = object else { return nil }
            return manifest
        }
    }

    /// A request body decoded as the API server decodes it under `validation`, as the one object of `kind` it must
    /// hold; any other answer is a BadRequest.
    static func decodeBody<Object>(
        _ body: JSONValue, validation: FieldValidation, kind: String, _ pick: (ManifestObject) -> Object?
    ) throws -> Object {
        let documents: [ManifestDocument]
        do {
            documents = try ManifestDecoder.decode(Data(body.canonicalJSON.utf8), source: "request", validation: validation, fromFile: false)
        } catch {
            throw CommandError("Error from server (BadRequest): \(error.message)", status: .badRequest(error.message))
        }
        guard documents.count == 1, let object = pick(documents[0].object) else {
            let message = "the body of the request is not a \(kind)"
            throw CommandError("Error from server (BadRequest): \(message)", status: .badRequest(message))
        }
        return object
    }
}
