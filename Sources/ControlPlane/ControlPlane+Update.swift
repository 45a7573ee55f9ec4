import Cluster
import Foundation
import KubeModel
import Manifests

extension ControlPlane {
    /// `PATCH` of a Deployment: the patch applies to the stored object, and the result is stored as an
    /// update (see ``replaceDeployment(namespace:name:with:)``).
    ///
    /// - Parameter dryRun: A server-side dry run: nothing is stored, and the answer is what would have been.
    /// - Returns: The Deployment as stored once the command (and the controllers it woke) committed.
    public func patchDeployment(namespace: String, name: String, patch: ObjectPatch, dryRun: Bool = false) throws
        -> Deployment
    {
        try Self.patchDecoding { try updateDeployment(namespace: namespace, name: name, rollback: patch.replacesTemplate, dryRun: dryRun, Self.applying(patch)) }
    }

    /// `PUT` of a Deployment: the body replaces labels, annotations and spec.
    public func replaceDeployment(namespace: String, name: String, with body: JSONValue, dryRun: Bool = false) throws
        -> Deployment
    {
        try updateDeployment(namespace: namespace, name: name, rollback: false, dryRun: dryRun) { _ in body }
    }

    /// Stores `change(live)` the way the API server's update does: a `resourceVersion` in the result must
    /// still be the stored one (else 409 Conflict); the body is decoded strictly, server-managed fields
    /// (`uid`, `creationTimestamp`, `generation`, `status`) are kept, defaults are applied and the result is
    /// validated as an update.
    ///
    /// The change is recorded as the most specific user event that describes it, the one the matching
    /// CLI command records: a replica count alone is ``ClusterEvent/deploymentScaled(_:)``, images alone
    /// ``ClusterEvent/imageSet(_:)``, `paused` alone pause or resume, annotations alone
    /// ``ClusterEvent/deploymentAnnotated(_:)``, a template restored from an owned ReplicaSet by
    /// `rollout undo` ``ClusterEvent/deploymentRolledBack(_:)``; anything else is
    /// ``ClusterEvent/deploymentConfigured(_:)``. An update that changes nothing records nothing.
    func updateDeployment(
        namespace: String, name: String, rollback: Bool, dryRun: Bool = false,
        _ change: (JSONValue) throws -> JSONValue
    ) throws -> Deployment {
        let id = StreamID.deployment(namespace: namespace, name: name)
        var answer: Deployment?
        try mutateDeployment(namespace: namespace, name: name, afterEvent: { answer = $0 }) { live, stream in
            let requested = try change(try JSONValue(encoding: live))
            try CommandError.refusingStale(requested, stored: live.metadata.resourceVersion, Resource.deployments, name)
            var updated = try ControlPlane.decodeStrictly(requested, validation: fieldValidation)
            if updated.metadata.namespace == nil { updated.metadata.namespace = namespace }
            try updated.metadata.takeSystemFields(of: live.metadata, resource: Resource.deployments)
            updated.status = live.status
            if updated.spec.paused == false { updated.spec.paused = nil }
            updated.admit()
            let errors = updated.validate(old: live)
            if !errors.isEmpty { throw CommandError.invalid(name, errors) }
            let event = UpdateIntent.event(
                from: live, to: updated, rollback: rollback, replicaSets: stream.ownedReplicaSets)
            guard dryRun else { return (event, ()) }
            answer = event.flatMap { preview($0, on: stream) } ?? live
            return (nil, ())
        }
        // The API server answers with what it stored, before any controller acted on it.
        if let answer { return answer }
        guard let stored = try store.read({ try $0.stream(id) }).deployment else {
            throw CommandError.notFound(Resource.deployments, name)
        }
        return stored
    }

    /// The change a PATCH makes of the stored object, its refusal as the server's.
    static func applying(_ patch: ObjectPatch) -> (JSONValue) throws -> JSONValue {
        { live in
            do throws(PatchError) {
                return try patch.applied(to: live)
            } catch {
                throw error.commandError
            }
        }
    }

    /// A patch's strict decoding error as patch.go reports it: the patched object's unknown fields, without the
    /// codec's `Deployment in version "v1" cannot be handled as a Deployment: ` that a create's or update's body gets.
    static func patchDecoding<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch var error as CommandError {
            guard var status = error.status, status.code == 400,
                let strict = status.message.range(of: "strict decoding error: ")
            else { throw error }
            status.message = String(status.message[strict.lowerBound...])
            error.text = "Error from server (BadRequest): " + status.message
            error.status = status
            throw error
        }
    }

    /// A request body read the way the API server reads it with `fieldValidation=Strict`.
    ///
    /// - Throws: ``CommandError`` with a 400 `BadRequest` status for an unknown field or a wrong type.
    public static func decodeStrictly(_ body: JSONValue, validation: FieldValidation = .strict) throws -> Deployment {
        do {
            let documents = try ManifestDecoder.decode(Data(body.canonicalJSON.utf8), source: "request", validation: validation, fromFile: false)
            guard documents.count == 1 else {
                throw ManifestError.noObjects(command: "update")
            }
            guard let deployment = documents[0].object.deployment else {
                let message = "the body of the request is a \(documents[0].raw["kind"]?.stringValue ?? ""), not a Deployment"
                throw CommandError("Error from server (BadRequest): \(message)", status: .badRequest(message))
            }
            return deployment
        } catch let error as CommandError {
            throw error
        } catch {
            let message = error.message
            throw CommandError("Error from server (BadRequest): \(message)", status: .badRequest(message))
        }
    }
}

/// Which user event an update amounts to.
enum UpdateIntent {
    static func event(from stored: Deployment, to updated: Deployment, rollback: Bool, replicaSets: [ReplicaSet])
        -> ClusterEvent?
    {
        // Compared with the defaults of today, so a template stored before one existed does not differ by it.
        let live = stored.defaulted
        let sameLabels = (live.metadata.labels ?? [:]) == (updated.metadata.labels ?? [:])
        let liveAnnotations = live.metadata.annotations ?? [:]
        let newAnnotations = updated.metadata.annotations ?? [:]
        let sameAnnotations = liveAnnotations == newAnnotations
        if sameLabels && sameAnnotations && live.spec == updated.spec { return nil }
        if sameLabels, rollback, let target = rollbackTarget(live, updated, replicaSets) {
            return .deploymentRolledBack(
                RolledBack(
                    toRevision: target.revision ?? 0, template: updated.spec.template, annotations: newAnnotations))
        }
        guard sameLabels else { return .deploymentConfigured(DeploymentObject(deployment: updated)) }
        var spec = live.spec
        if sameAnnotations {
            spec.replicas = updated.spec.replicas
            if spec == updated.spec {
                return .deploymentScaled(Scaled(from: live.spec.desiredReplicas, to: updated.spec.desiredReplicas))
            }
            spec = live.spec
            spec.paused = updated.spec.paused
            if spec == updated.spec {
                return updated.spec.isPaused ? .deploymentPaused(Empty()) : .deploymentResumed(Empty())
            }
            if let restartedAt = restart(live.spec, updated.spec) {
                return .deploymentRestarted(Restarted(restartedAt: restartedAt))
            }
        }
        if live.spec == updated.spec {
            let set = newAnnotations.filter { liveAnnotations[$0.key] != $0.value }
            let removed = liveAnnotations.keys.filter { newAnnotations[$0] == nil }.sorted()
            return .deploymentAnnotated(Annotated(set: set, removed: removed))
        }
        if let images = imagesOnly(live, updated) { return .imageSet(images) }
        return .deploymentConfigured(DeploymentObject(deployment: updated))
    }

    /// The owned ReplicaSet whose template the update restores, when only the template (and annotations)
    /// changed.
    private static func rollbackTarget(_ live: Deployment, _ updated: Deployment, _ replicaSets: [ReplicaSet])
        -> ReplicaSet?
    {
        var spec = live.spec
        spec.template = updated.spec.template
        guard spec == updated.spec else { return nil }
        return replicaSets.first { $0.spec.template.equalIgnoringHash(updated.spec.template) }
    }

    /// `kubectl rollout restart`: only the template's `restartedAt` annotation changed.
    private static func restart(_ live: DeploymentSpec, _ updated: DeploymentSpec) -> String? {
        guard let stamp = updated.template.metadata.annotations?[AnnotationKey.restartedAt],
            live.template.metadata.annotations?[AnnotationKey.restartedAt] != stamp
        else { return nil }
        var spec = live
        var annotations = spec.template.metadata.annotations ?? [:]
        annotations[AnnotationKey.restartedAt] = stamp
        spec.template.metadata.annotations = annotations
        return spec == updated ? stamp : nil
    }

    /// `kubectl set image`: only container images changed, and at most the change-cause annotation was set.
    private static func imagesOnly(_ live: Deployment, _ updated: Deployment) -> ImageSet? {
        var liveAnnotations = live.metadata.annotations ?? [:]
        let cause = updated.metadata[annotation: AnnotationKey.changeCause]
        if cause != liveAnnotations[AnnotationKey.changeCause] {
            guard let cause else { return nil }
            liveAnnotations[AnnotationKey.changeCause] = cause
        }
        guard liveAnnotations == (updated.metadata.annotations ?? [:]) else { return nil }
        let before = live.spec.template.spec.containers
        let after = updated.spec.template.spec.containers
        guard before.map(\.name) == after.map(\.name) else { return nil }
        var images: [String: String] = [:]
        var spec = live.spec
        var containers = before
        for index in containers.indices where containers[index].image != after[index].image {
            images[after[index].name] = after[index].image
            containers[index].image = after[index].image
        }
        spec.template.spec.containers = containers
        guard !images.isEmpty, spec == updated.spec else { return nil }
        let changedCause = cause != live.metadata[annotation: AnnotationKey.changeCause] ? cause : nil
        return ImageSet(images: images, changeCause: changedCause)
    }
}

extension Error {
    /// The text of a manifest or patch error, else the error's description.
    var message: String {
        if let error = self as? ManifestError { return error.message }
        return "\(self)"
    }
}
