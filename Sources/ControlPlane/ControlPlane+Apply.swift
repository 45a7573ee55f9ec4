import Cluster
import Controllers
import KubeModel
import Manifests
import Store

extension ControlPlane {
    public enum ApplyOutcome: String, Sendable {
        case created, configured, unchanged
    }

    public struct ApplyResult: Sendable {
        public var name: String
        public var outcome: ApplyOutcome
        /// Printed on stderr before the result line (e.g. the missing last-applied warning).
        public var warning: String?
        /// The object as the API server answered the create or patch, before any controller acted (the live one
        /// when unchanged). A dry run's answer keeps the stored resourceVersion: nothing was written.
        public var answer: Deployment?
        /// The object before the command, which a client dry run prints for one that exists.
        public var live: Deployment?
    }

    /// `kubectl apply -f`: every document is validated first; then all are applied in one transaction,
    /// so a bad document leaves the store untouched.
    /// A `dryRun` decides and validates the same and stores nothing.
    public func apply(
        _ documents: [ManifestDocument], namespace: String, namespaceGiven: Bool, dryRun: Bool = false
    ) throws -> [ApplyResult] {
        try store.write(command: newCommandInfo()) { writer in
            var simulation = try Simulation(writer: writer, now: now)
            try simulation.catchUp()
            var results: [ApplyResult] = []
            for document in documents {
                let manifest = document.object.deployment
                let targetNamespace = try resolveNamespace(manifest, flag: namespace, given: namespaceGiven)
                let id = StreamID.deployment(namespace: targetNamespace, name: manifest.name)
                let stream = try simulation.stream(id)
                var (event, result) = try decideApply(document, namespace: targetNamespace, stream: stream)
                result.answer = stream.deployment
                result.live = stream.deployment
                if let event {
                    try simulation.run(id, at: now) { reconciler in
                        reconciler.emit(event, actor: actor)
                        result.answer = reconciler.stream.deployment
                        reconciler.reconcile()
                    }
                    if dryRun { result.answer?.metadata.resourceVersion = stream.deployment?.metadata.resourceVersion }
                }
                results.append(result)
            }
            if dryRun { return results }
            try writer.commit(simulation.pending, streams: simulation.touchedStreams, node: nil)
            return results
        }
    }

    private func resolveNamespace(_ manifest: Deployment, flag: String, given: Bool) throws -> String {
        guard let own = manifest.metadata.namespace, !own.isEmpty else { return flag }
        if given && own != flag {
            throw CommandError.client(
                "the namespace from the provided object \"\(own)\" does not match the namespace \"\(flag)\". "
                    + "You must pass '--namespace=\(own)' to perform this operation.")
        }
        return own
    }

    private func decideApply(_ document: ManifestDocument, namespace: String, stream: DeploymentStream) throws
        -> (ClusterEvent?, ApplyResult)
    {
        let manifest = document.object.deployment
        let lastApplied = LastApplied.configuration(for: document.raw, namespace: namespace)
        guard let live = stream.deployment else {
            let created = try newDeployment(manifest, namespace: namespace, stream: stream, lastApplied: lastApplied)
            return (.deploymentCreated(DeploymentObject(deployment: created)),
                    ApplyResult(name: manifest.name, outcome: .created))
        }
        var warning: String?
        let previous = live.metadata[annotation: AnnotationKey.lastApplied]
        if previous == nil {
            warning = "Warning: resource deployments/\(manifest.name) is missing the "
                + "kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. "
                + "kubectl apply should only be used on resources created declaratively by either kubectl create "
                + "--save-config or kubectl apply. The missing annotation will be patched automatically."
        }
        let original = try previous.map { try JSONValue.parse($0) }
        var modified = document.raw
        var metadata = modified["metadata"]?.objectValue ?? [:]
        var annotations = metadata["annotations"]?.objectValue ?? [:]
        annotations[AnnotationKey.lastApplied] = .string(lastApplied)
        metadata["annotations"] = .object(annotations)
        modified["metadata"] = .object(metadata)
        var current = try JSONValue(encoding: live)
        current["status"] = .object([:])
        let merged = ThreeWayMerge.merge(original: original, modified: modified, current: current)
        var updated = try merged.decode(Deployment.self)
        updated.metadata.uid = live.metadata.uid
        updated.metadata.namespace = namespace
        updated.metadata.generation = live.metadata.generation
        updated.metadata.creationTimestamp = live.metadata.creationTimestamp
        updated.metadata.resourceVersion = live.metadata.resourceVersion
        updated.status = live.status
        updated.admit()
        let errors = updated.validate(old: live)
        if !errors.isEmpty { throw CommandError.invalid(manifest.name, errors) }
        if updated.spec == live.spec && updated.metadata.labels == live.metadata.labels
            && updated.metadata.annotations == live.metadata.annotations
        {
            return (nil, ApplyResult(name: manifest.name, outcome: .unchanged, warning: warning))
        }
        return (.deploymentConfigured(DeploymentObject(deployment: updated)),
                ApplyResult(name: manifest.name, outcome: .configured, warning: warning))
    }
}

extension ControlPlane {
    /// A Deployment as the API server stores it on create: namespace, UID, generation 1, creation time,
    /// defaults, then validation (which throws kubectl's "is invalid" error).
    func newDeployment(_ manifest: Deployment, namespace: String, stream: DeploymentStream, lastApplied: String?)
        throws -> Deployment
    {
        var created = manifest
        created.metadata.namespace = namespace
        if let lastApplied { created.metadata[annotation: AnnotationKey.lastApplied] = lastApplied }
        created.metadata.uid = Identifiers.uid("deployment/\(namespace)/\(manifest.name)/\(stream.version)")
        created.metadata.generation = 1
        created.metadata.creationTimestamp = now
        created.metadata.resourceVersion = nil
        created.status = DeploymentStatus()
        created.admit()
        let errors = created.validate()
        if !errors.isEmpty { throw CommandError.invalid(manifest.name, errors) }
        return created
    }
}

extension JSONValue {
    /// Parses JSON text (used for the stored last-applied configuration).
    static func parse(_ text: String) throws -> JSONValue {
        try JSONCodec.parse(text)
    }
}

import Foundation
