import Cluster
import KubeModel

extension ControlPlane {
    /// `kubectl set image`: the Deployment as the PATCH answered it (before the controllers act on it), or nil when
    /// nothing changed, and the containers named that it does not have. As set_image.go does, the containers it has
    /// are patched all the same. A `dryRun` appends nothing and answers with the patched object it would have stored.
    public func setImage(
        namespace: String, name: String, images: [(container: String, image: String)], changeCause: String?,
        dryRun: Bool = false
    ) throws -> (answer: Deployment?, missingContainers: [String]) {
        var answer: Deployment?
        var missing: [String] = []
        let changed = try mutateDeployment(namespace: namespace, name: name, afterEvent: { answer = $0 }) { d, stream in
            let containers = d.spec.template.spec.containers + d.spec.template.spec.initContainers
            var changes: [String: String] = [:]
            for (container, image) in images {
                if container == "*" {
                    for c in containers { changes[c.name] = image }
                } else {
                    guard containers.contains(where: { $0.name == container }) else {
                        missing.append(container)
                        continue
                    }
                    changes[container] = image
                }
            }
            for (container, image) in changes where image.trimmingCharacters(in: .whitespaces).isEmpty {
                throw CommandError.client(
                    "failed to patch image update to pod template: Deployment.apps \"\(name)\" is invalid: "
                        + "spec.template.spec.containers[\(containers.firstIndex { $0.name == container } ?? 0)].image: Required value")
            }
            let effective = changes.filter { name, image in containers.first { $0.name == name }?.image != image }
            let causeChanges = changeCause.map { d.metadata[annotation: AnnotationKey.changeCause] != $0 } ?? false
            if effective.isEmpty && !causeChanges { return (nil, false) }
            // set_image.go sets containers and init containers alike; the event keeps them apart.
            let initNames = Set(d.spec.template.spec.initContainers.map(\.name))
            let initImages = effective.filter { initNames.contains($0.key) }
            let event = ClusterEvent.imageSet(ImageSet(
                images: effective.filter { !initNames.contains($0.key) }, initImages: initImages.isEmpty ? nil : initImages,
                changeCause: changeCause))
            guard dryRun else { return (event, true) }
            answer = preview(event, on: stream)
            return (nil, true)
        }
        return (changed ? answer : nil, missing)
    }

    /// `kubectl scale deployment/NAME --replicas=N [--current-replicas=M] [--resource-version=V]` (scale.go's
    /// preconditions, checked against the scale subresource in that order); a `dryRun` appends nothing.
    /// - Returns: The Deployment as the write stored it, before the controllers act on it (as it was, when the
    ///   count did not change): what the scale subresource answers from.
    @discardableResult
    public func scale(
        namespace: String, name: String, replicas: Int, currentReplicas: Int?, resourceVersion: String? = nil,
        dryRun: Bool = false
    ) throws -> Deployment? {
        var answer: Deployment?
        try mutateDeployment(namespace: namespace, name: name, afterEvent: { answer = $0 }) { d, _ in
            answer = d
            let current = d.spec.desiredReplicas
            if let expected = currentReplicas, expected != current {
                throw CommandError.client("Expected replicas to be \(expected), was \(current)")
            }
            if let expected = resourceVersion, let actual = d.metadata.resourceVersion, expected != actual {
                throw CommandError.client("Expected resource version to be \(expected), was \(actual)")
            }
            if replicas > Int(Int32.max) {
                throw CommandError.invalid(name, [FieldError(.invalid, "spec.replicas", value: String(replicas),
                                                             detail: "must be no greater than 2147483647")])
            }
            if replicas == current || dryRun { return (nil, ()) }
            return (.deploymentScaled(Scaled(from: current, to: replicas)), ())
        }
        return answer
    }

    /// `kubectl annotate deployment/NAME k=v k2-`; a `dryRun` appends nothing. A `resourceVersion` the
    /// Deployment has moved past is a Conflict, as the patch carrying it gets from the server.
    /// - Returns: The Deployment as the PATCH answered it (the live one when nothing changed).
    @discardableResult
    public func annotate(
        namespace: String, name: String, set: [(String, String)], remove: [String], overwrite: Bool,
        recording changeCause: String? = nil, resourceVersion: String? = nil, dryRun: Bool = false
    ) throws -> Deployment? {
        var answer: Deployment?
        try mutateDeployment(namespace: namespace, name: name, afterEvent: { answer = $0 }) { d, stream in
            answer = d
            if !overwrite { try Self.refuseAnnotationOverwrites(of: d.metadata, set: set) }
            // kubectl checks the clash itself; the version is the server's precondition on the patch.
            if let resourceVersion, resourceVersion != d.metadata.resourceVersion {
                throw CommandError.conflict(Resource.deployments, name)
            }
            var changed: [String: String] = [:]
            // `--record`'s change-cause comes after the overwrite check, and replaces any.
            let set = set + (changeCause.map { [(AnnotationKey.changeCause, $0)] } ?? [])
            for (key, value) in set where d.metadata[annotation: key] != value { changed[key] = value }
            let removed = remove.filter { d.metadata[annotation: $0] != nil }
            if changed.isEmpty && removed.isEmpty { return (nil, ()) }
            // The API server validates the patched object: annotation keys must be qualified names.
            var updated = d
            var annotations = (d.metadata.annotations ?? [:]).merging(changed) { $1 }
            for key in removed { annotations[key] = nil }
            updated.metadata.annotations = annotations.isEmpty ? nil : annotations
            let errors = updated.validate(old: d)
            if !errors.isEmpty { throw CommandError.invalid(name, errors) }
            let event = ClusterEvent.deploymentAnnotated(Annotated(set: changed, removed: removed))
            guard dryRun else { return (event, ()) }
            answer = preview(event, on: stream)
            return (nil, ())
        }
        return answer
    }

    /// kubectl's `validateNoAnnotationOverwrites`, without `--overwrite`: an annotation that has another value is
    /// refused, except the change-cause, which may always be overwritten.
    public static func refuseAnnotationOverwrites(of live: ObjectMeta, set: [(String, String)]) throws {
        let clashes = set.filter { key, value in
            guard key != AnnotationKey.changeCause, let existing = live[annotation: key] else { return false }
            return existing != value
        }
        guard !clashes.isEmpty else { return }
        let list = clashes.map { "'\($0.0)' already has a value (\(live[annotation: $0.0] ?? ""))" }
        throw CommandError.client(
            "--overwrite is false but found the following declared annotation(s): " + list.joined(separator: "; "))
    }

    /// `kubectl delete deployment NAME [--cascade=background|orphan]`.
    public func delete(namespace: String, name: String, cascade: String = "background") throws {
        try mutateDeployment(namespace: namespace, name: name) { _, _ in
            (.deploymentDeleted(Deleted(cascade: cascade)), ())
        }
    }
}

import Foundation

extension ControlPlane {
    /// `kubectl delete pod NAME`: the pod goes; its ReplicaSet notices and creates a replacement.
    public func deletePod(namespace: String, name: String) throws {
        guard let id = try store.read({ try $0.streamID(ofPod: name, namespace: namespace) }) else {
            throw CommandError.notFound(Resource.pods, name)
        }
        try mutate(id) { stream, _ in
            guard stream.pods[name] != nil else { throw CommandError.notFound(Resource.pods, name) }
            return (.podDeleteRequested(ObjectName(name: name)), ())
        }
    }

    /// `kubectl delete rs NAME`: the ReplicaSet and (by background cascade) its pods go; a Deployment that
    /// still wants that template creates it again, and adopts pods an orphaning delete left.
    ///
    /// - Parameter cascade: `background`, or `orphan` to leave the pods, without their owner reference.
    public func deleteReplicaSet(namespace: String, name: String, cascade: String = "background") throws {
        // Found inside the write's transaction: a claim may have moved it since any earlier read.
        try store.write(command: newCommandInfo()) { writer in
            var simulation = try Simulation(writer: writer, now: now)
            try simulation.catchUp()
            guard let id = try simulation.streamHolding(replicaSet: name, namespace: namespace) else {
                throw CommandError.notFound(Resource.replicaSets, name)
            }
            let deletion = ClusterEvent.replicaSetDeleteRequested(ReplicaSetDeletion(name: name, cascade: cascade))
            try simulation.apply([deletion], to: id, actor: actor, at: now)
            try writer.commit(simulation)
        }
    }
}
