import Cluster
import Foundation
import KubeModel
import Manifests

/// PATCH and PUT of a ReplicaSet, as the API server takes them: what `kubectl label`, `annotate`, `set image`,
/// `patch` and `apply` send for one, and what `rollbook serve` passes on.
extension ControlPlane {
    /// - Returns: The ReplicaSet as the write stored it, before the controllers act on it (as it was, when the patch
    ///   changed nothing); a dry run's answer is what would have been stored.
    public func patchReplicaSet(namespace: String, name: String, patch: ObjectPatch, dryRun: Bool = false) throws
        -> ReplicaSet
    {
        try updateReplicaSet(namespace: namespace, name: name, dryRun: dryRun) { live in
            do {
                return try patch.applied(to: live)
            } catch {
                throw CommandError("Error from server (BadRequest): \(error.message)", status: .badRequest(error.message))
            }
        }
    }

    /// `PUT` of a ReplicaSet: the body replaces labels, annotations and spec.
    public func replaceReplicaSet(namespace: String, name: String, with body: JSONValue, dryRun: Bool = false) throws
        -> ReplicaSet
    {
        try updateReplicaSet(namespace: namespace, name: name, dryRun: dryRun) { _ in body }
    }

    /// Stores `change(live)` as ``updateDeployment(namespace:name:rollback:dryRun:_:)`` does for a Deployment: a
    /// stale `resourceVersion` is a Conflict, the body is decoded strictly, server fields are kept, defaults
    /// applied, and the result validated as an update. One event, `ReplicaSetConfigured`, records any change.
    private func updateReplicaSet(
        namespace: String, name: String, dryRun: Bool, _ change: (JSONValue) throws -> JSONValue
    ) throws -> ReplicaSet {
        var answer: ReplicaSet?
        try mutateReplicaSet(namespace: namespace, name: name, afterEvent: { answer = $0 }) { live in
            answer = live
            let requested = try change(try JSONValue(encoding: live))
            if let version = requested["metadata"]?["resourceVersion"]?.stringValue, !version.isEmpty,
                version != live.metadata.resourceVersion
            {
                throw CommandError.conflict(Resource.replicaSets, name)
            }
            var written = try Self.decodeReplicaSetStrictly(requested).replicaSet
            if written.name.isEmpty { written.metadata.name = name }
            let updated = try updatedReplicaSet(written, live: live)
            if updated.spec == live.spec && updated.metadata.labels == live.metadata.labels
                && updated.metadata.annotations == live.metadata.annotations
            {
                return nil
            }
            guard !dryRun else {
                answer = updated
                if updated.spec != live.spec { answer?.metadata.generation = (live.metadata.generation ?? 0) + 1 }
                return nil
            }
            return .replicaSetConfigured(ReplicaSetObject(replicaSet: updated))
        }
        guard let answer else { throw CommandError.notFound(Resource.replicaSets, name) }
        return answer
    }

    /// A ReplicaSet request body read the way the API server reads it with `fieldValidation=Strict`.
    public static func decodeReplicaSetStrictly(_ body: JSONValue) throws -> ReplicaSetManifest {
        let documents: [ManifestDocument]
        do {
            documents = try ManifestDecoder.decode(Data(body.canonicalJSON.utf8), source: "request")
        } catch {
            throw CommandError("Error from server (BadRequest): \(error.message)", status: .badRequest(error.message))
        }
        guard documents.count == 1, case .replicaSet(let manifest) = documents[0].object else {
            let message = "the body of the request is not a ReplicaSet"
            throw CommandError("Error from server (BadRequest): \(message)", status: .badRequest(message))
        }
        return manifest
    }
}
