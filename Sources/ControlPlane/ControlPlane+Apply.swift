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
        public var answer: WatchedObject?
        /// The object before the command, which a client dry run prints for one that exists.
        public var live: WatchedObject?
        /// The resource as kubectl prints it before the name (`deployment.apps`).
        public var resource = "deployment.apps"
    }

    /// `kubectl apply -f`: every document is validated first; then all are applied in one transaction,
    /// so a bad document leaves the store untouched.
    /// A `dryRun` decides and validates the same and stores nothing.
    ///
    /// - Parameters:
    ///   - clientDryRun: `--dry-run=client`: kubectl never patches an existing object then, so nothing about the
    ///     patch (a Conflict, an invalid update) is decided; it is "configured".
    ///   - force: `--force`: where the patch would be refused as a Conflict (a stale
    ///     `metadata.resourceVersion` in the manifest) or as Invalid (an immutable field changed), delete the
    ///     Deployment (its dependents go in the background) and create it from the manifest, as apply's patcher
    ///     does. If the manifest is invalid as a new object too, nothing changes and the error is kubectl's.
    public func apply(
        _ documents: [ManifestDocument], namespace: String, namespaceGiven: Bool, dryRun: Bool = false,
        clientDryRun: Bool = false, force: Bool = false
    ) throws -> [ApplyResult] {
        try simulating(dryRun: dryRun) { simulation in
            var results: [ApplyResult] = []
            for document in documents {
                let targetNamespace = try resolveNamespace(document.object.metadata, flag: namespace, given: namespaceGiven)
                let manifest: Deployment
                switch document.object {
                case .deployment(let deployment): manifest = deployment
                case .replicaSet(let replicaSet):
                    results.append(try applyReplicaSet(
                        document, manifest: replicaSet, namespace: targetNamespace, simulation: &simulation,
                        patching: !clientDryRun, dryRun: dryRun))
                    continue
                case .pod(let pod):
                    results.append(try applyPod(
                        document, manifest: pod, namespace: targetNamespace, simulation: &simulation,
                        patching: !clientDryRun, dryRun: dryRun))
                    continue
                case .resourceQuota(let quota):
                    results.append(try applyQuota(
                        document, manifest: quota, namespace: targetNamespace, simulation: &simulation,
                        patching: !clientDryRun, dryRun: dryRun))
                    continue
                }
                let id = StreamID.deployment(namespace: targetNamespace, name: manifest.name)
                let stream = try simulation.stream(id)
                var (events, result) = try decideApply(
                    document, manifest: manifest, namespace: targetNamespace, stream: stream, patching: !clientDryRun,
                    force: force)
                result.answer = stream.deployment.map(WatchedObject.deployment)
                result.live = result.answer
                if case .deploymentCreated? = events.first {
                    try simulation.admitUserObject(
                        Resource.deployments, counted: ["count/deployments.apps"], name: manifest.name,
                        namespace: targetNamespace, source: document.source)
                }
                if !events.isEmpty {
                    try simulation.apply(events, to: id, actor: actor, at: now) {
                        result.answer = $0.deployment.map(WatchedObject.deployment)
                    }
                    if dryRun, case .deployment(var answer)? = result.answer {
                        answer.metadata.resourceVersion = stream.deployment?.metadata.resourceVersion
                        result.answer = .deployment(answer)
                    }
                }
                results.append(result)
            }
            // A manifest with fields the server drops (`--validate=warn|false`) always has a patch to send, which
            // kubectl reports as configured, though the object comes back as it was.
            for (index, document) in documents.enumerated()
            where results[index].outcome == .unchanged && !document.droppedFields.isEmpty {
                results[index].outcome = .configured
            }
            return results
        }
    }

    func resolveNamespace(_ metadata: ObjectMeta, flag: String, given: Bool) throws -> String {
        guard let own = metadata.namespace, !own.isEmpty else { return flag }
        if given && own != flag {
            throw CommandError.client(
                "the namespace from the provided object \"\(own)\" does not match the namespace \"\(flag)\". "
                    + "You must pass '--namespace=\(own)' to perform this operation.")
        }
        return own
    }

    private func decideApply(
        _ document: ManifestDocument, manifest: Deployment, namespace: String, stream: DeploymentStream, patching: Bool,
        force: Bool
    ) throws -> ([ClusterEvent], ApplyResult) {
        let lastApplied = LastApplied.configuration(for: document.raw, namespace: namespace)
        guard let live = stream.deployment else {
            // A client dry run sends nothing, so nothing validates the object.
            guard patching else { return ([], ApplyResult(name: manifest.name, outcome: .created)) }
            let created = try newDeployment(manifest, namespace: namespace, stream: stream, lastApplied: lastApplied)
            return ([.deploymentCreated(DeploymentObject(deployment: created))],
                    ApplyResult(name: manifest.name, outcome: .created, warning: created.metadata.nameWarningOnCreate.map {
                        "Warning: " + $0
                    }))
        }
        guard patching else { return ([], ApplyResult(name: manifest.name, outcome: .configured)) }
        // apply.go warns before it sends the patch, whatever the server then answers.
        let warning = Self.missingLastAppliedWarning(live.metadata, resource: "deployments")
        func warned(_ error: CommandError) -> CommandError {
            var error = error
            if let warning { error.text = warning + "\n" + error.text }
            return error
        }
        do {
            var (event, result) = try patch(
                live, with: document, manifest: manifest, namespace: namespace, lastApplied: lastApplied)
            result.warning = warning
            return (event.map { [$0] } ?? [], result)
        } catch let refusal as CommandError {
            guard force, let code = refusal.status?.code, code == 409 || code == 422 else { throw warned(refusal) }
            // deleteAndCreate. The new object is made as of the stream version after the deletion: its own uid.
            var next = stream
            next.version += 1
            let created: Deployment
            do {
                created = try newDeployment(manifest, namespace: namespace, stream: next, lastApplied: lastApplied)
            } catch let invalid as CommandError {
                throw warned(invalid)
            }
            let events: [ClusterEvent] = [
                .deploymentDeleted(Deleted(cascade: "background")), .deploymentCreated(DeploymentObject(deployment: created)),
            ]
            return (events, ApplyResult(name: manifest.name, outcome: .configured, warning: warning))
        }
    }

    /// The patch apply sends to an existing Deployment, as the API server takes it: a Conflict when the
    /// manifest names a `resourceVersion` other than the live one (kubectl's message quotes the patch), else
    /// the three-way merge, validated as an update.
    private func patch(
        _ live: Deployment, with document: ManifestDocument, manifest: Deployment, namespace: String, lastApplied: String
    ) throws -> (ClusterEvent?, ApplyResult) {
        let merged = try appliedPatch(
            document, live: try JSONValue(encoding: live), kind: .deployment, resource: Resource.deployments,
            namespace: namespace, lastApplied: lastApplied)
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
        // A template stored before a default existed differs from the manifest by that default alone: no change.
        if updated.spec == live.defaulted.spec && updated.metadata.labels == live.metadata.labels
            && updated.metadata.annotations == live.metadata.annotations
        {
            let outcome = try unchangedOutcome(
                document, live: try JSONValue(encoding: live), kind: .deployment, namespace: namespace,
                lastApplied: lastApplied)
            return (nil, ApplyResult(name: manifest.name, outcome: outcome))
        }
        return (.deploymentConfigured(DeploymentObject(deployment: updated)),
                ApplyResult(name: manifest.name, outcome: .configured))
    }

    /// A manifest naming another object's UID: apply's patch carries it, and the server's UID precondition refuses
    /// it as a Conflict, which apply.go reports as it reports a stale `resourceVersion`.
    func refuseForeignUID(
        _ modified: JSONValue, live: JSONValue, resource: String, kind: TypedObject, original: JSONValue?, source: String,
        namespace: String
    ) throws {
        let stored = live["metadata"]?["uid"]?.stringValue
        guard let uid = modified["metadata"]?["uid"]?.stringValue, !uid.isEmpty, uid != stored else { return }
        let name = live["metadata"]?["name"]?.stringValue ?? ""
        let refusal = CommandError.uidPrecondition(resource, name, namespace: namespace, given: uid, stored: stored)
        throw try conflict(
            live, kind: kind, original: original, modified: modified, source: source, namespace: namespace,
            refusal: refusal.status)
    }

    /// The object apply's patch makes of the live one (JSON, any kind): the three-way merge of the last applied
    /// configuration, the manifest with its new one, and the live object without its status. A `resourceVersion` or
    /// `uid` in the manifest that the live object does not have is the server's Conflict, worded as apply.go words it.
    func appliedPatch(
        _ document: ManifestDocument, live: JSONValue, kind: TypedObject, resource: String, namespace: String,
        lastApplied: String
    ) throws -> JSONValue {
        let original = try live["metadata"]?["annotations"]?[AnnotationKey.lastApplied]?.stringValue
            .map { try JSONValue.parse($0) }
        let modified = LastApplied.annotatedObject(document.raw, namespace: namespace, configuration: lastApplied)
        if let version = modified["metadata"]?["resourceVersion"]?.stringValue, !version.isEmpty,
            version != live["metadata"]?["resourceVersion"]?.stringValue
        {
            throw try conflict(
                live, kind: kind, original: original, modified: modified, source: document.source, namespace: namespace)
        }
        try refuseForeignUID(
            modified, live: live, resource: resource, kind: kind, original: original, source: document.source,
            namespace: namespace)
        var current = live
        current["status"] = .object([:])
        return ThreeWayMerge.merge(original: original, modified: modified, current: current)
    }

    /// apply.go's outcome for an object the patch leaves as it was: `unchanged` only when kubectl's three-way patch is
    /// empty (it sends none then). A manifest that writes a value the server stores in another form (`1024Mi` for
    /// `1Gi`, `0.5` for `500m`) makes a patch each time, which changes nothing: `configured`.
    func unchangedOutcome(
        _ document: ManifestDocument, live: JSONValue, kind: TypedObject, namespace: String, lastApplied: String
    ) throws -> ApplyOutcome {
        let original = try live["metadata"]?["annotations"]?[AnnotationKey.lastApplied]?.stringValue
            .map { try JSONValue.parse($0) }
        let modified = LastApplied.annotatedObject(document.raw, namespace: namespace, configuration: lastApplied)
        let patch = ThreeWayPatch.create(original: original, modified: modified, current: kind.completed(live))
        return patch == .object([:]) ? .unchanged : .configured
    }

    /// apply.go's warning, printed before it sends the patch whatever the server then answers.
    static func missingLastAppliedWarning(_ live: ObjectMeta, resource: String) -> String? {
        guard live[annotation: AnnotationKey.lastApplied] == nil else { return nil }
        return "Warning: resource \(resource)/\(live.name) is missing the "
            + "kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. "
            + "kubectl apply should only be used on resources created declaratively by either kubectl create "
            + "--save-config or kubectl apply. The missing annotation will be patched automatically."
    }

    /// apply.go's error for a patch the server refused as a Conflict, after its retries (each gets the same answer).
    ///
    /// - Parameter refusal: The server's Conflict, when it is not the stale `resourceVersion`'s (a UID precondition).
    func conflict(
        _ live: JSONValue, kind: TypedObject, original: JSONValue?, modified: JSONValue, source: String, namespace: String,
        refusal: ServerStatus? = nil
    ) throws -> CommandError {
        let resource = Self.resourceNames(kind).resource
        let name = live["metadata"]?["name"]?.stringValue ?? ""
        let core = kind == .pod || kind == .resourceQuota
        let status = refusal ?? ServerStatus.conflict(core ? resource : "\(resource).apps", name)
        return try patchRefused(
            live, kind: kind, original: original, modified: modified, source: source, namespace: namespace, status: status)
    }

    /// apply.go's error for a patch the server refused: the patch, the object it was for, and the server's answer.
    func patchRefused(
        _ live: JSONValue, kind: TypedObject, original: JSONValue?, modified: JSONValue, source: String, namespace: String,
        status: ServerStatus
    ) throws -> CommandError {
        let current = kind.completed(live)
        let patch = ObjectPrinter.compactJSON(ThreeWayPatch.create(original: original, modified: modified, current: current))
        let (resource, kindName, group) = Self.resourceNames(kind)
        let name = live["metadata"]?["name"]?.stringValue ?? ""
        return CommandError(
            """
            Error from server (\(status.reason)): error when applying patch:
            \(patch)
            to:
            Resource: "\(group)/v1, Resource=\(resource)", GroupVersionKind: "\(group)/v1, Kind=\(kindName)"
            Name: "\(name)", Namespace: "\(namespace)"
            for: "\(source)": error when patching "\(source)": \(status.message)
            """, status: status)
    }

    private static func resourceNames(_ kind: TypedObject) -> (resource: String, kind: String, group: String) {
        switch kind {
        case .replicaSet: ("replicasets", "ReplicaSet", "apps")
        case .pod: ("pods", "Pod", "")
        case .resourceQuota: ("resourcequotas", "ResourceQuota", "")
        default: ("deployments", "Deployment", "apps")
        }
    }

    /// Whether the namespace holds a Deployment, ReplicaSet or Pod of this name.
    public func objectNamed(_ name: String, namespace: String) throws -> Bool {
        try read { reader in
            try reader.stream(.deployment(namespace: namespace, name: name)).deployment != nil
                || reader.streamID(ofReplicaSet: name, namespace: namespace) != nil
                || reader.streamID(ofPod: name, namespace: namespace) != nil
        }
    }

    /// A manifest with fields the schema lacks, for an object that exists: apply sends its patch, and under strict
    /// field validation the server refuses it (patch.go's strategic patcher: a BadRequest `strict decoding error`),
    /// which apply.go reports with the patch. Nil when the object does not exist (the create's error is the loader's).
    public func unknownFieldsRefusal(_ document: ManifestDocument, namespace: String, strictError: String) throws
        -> CommandError?
    {
        let own = document.object.metadata.namespace.flatMap { $0.isEmpty ? nil : $0 } ?? namespace
        let name = document.object.name
        let found: (JSONValue, TypedObject)? = try read { reader in
            switch document.object {
            case .deployment:
                return try reader.stream(.deployment(namespace: own, name: name)).deployment
                    .map { (try JSONValue(encoding: $0), .deployment) }
            case .replicaSet:
                guard let id = try reader.streamID(ofReplicaSet: name, namespace: own) else { return nil }
                return try reader.stream(id).replicaSets[name].map { (try JSONValue(encoding: $0), .replicaSet) }
            case .pod:
                guard let id = try reader.streamID(ofPod: name, namespace: own) else { return nil }
                return try reader.stream(id).pods[name].map { (try JSONValue(encoding: $0), .pod) }
            case .resourceQuota:
                return try reader.quotas(namespace: own).first { $0.name == name }
                    .map { (try JSONValue(encoding: $0), .resourceQuota) }
            }
        }
        guard let (live, kind) = found else { return nil }
        let original = try live["metadata"]?["annotations"]?[AnnotationKey.lastApplied]?.stringValue
            .map { try JSONValue.parse($0) }
        let modified = LastApplied.annotatedObject(document.raw, namespace: own)
        return try patchRefused(
            live, kind: kind, original: original, modified: modified, source: document.source, namespace: own,
            status: .badRequest(strictError))
    }
}

extension ControlPlane {
    /// A Deployment as the API server stores it on create: namespace, UID, generation 1, creation time,
    /// defaults, then validation (which throws kubectl's "is invalid" error).
    func newDeployment(_ manifest: Deployment, namespace: String, stream: DeploymentStream, lastApplied: String?)
        throws -> Deployment
    {
        var created = manifest
        created.metadata.stampForCreate(
            namespace: namespace, uid: Identifiers.uid("deployment/\(namespace)/\(manifest.name)/\(stream.version)"),
            at: now, generation: 1, lastApplied: lastApplied)
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
