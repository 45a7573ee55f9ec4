import Cluster
import Controllers
import KubeModel
import Manifests
import Store

extension ControlPlane {
    /// `kubectl apply --server-side -f`: each document is sent as it is, and the server merges it into the live object
    /// under the field manager `manager` (see ``ManagedFields/apply(_:by:force:at:)``), creating the object if there is
    /// none. A field another manager owns and the configuration changes is a conflict, refused unless `force`.
    ///
    /// kubectl's own follow-ups (apply.go) run in the same transaction: for the manager `kubectl`, the last-applied
    /// annotation is given an Apply owner (`kubectl-last-applied`), and the Update managers that own it (client-side
    /// apply's) are upgraded into the manager's Apply entry, after which the configuration is applied again so that
    /// what client-side apply set and the file dropped goes. A dry run decides the first apply alone and stores nothing.
    /// One command is one transaction: a conflict anywhere leaves the store as it was.
    public func serverSideApply(
        _ documents: [ManifestDocument], namespace: String, namespaceGiven: Bool, manager: String, force: Bool,
        dryRun: Bool
    ) throws -> [ApplyResult] {
        try simulating(dryRun: dryRun) { simulation in
            var results: [ApplyResult] = []
            for document in documents {
                let target = try resolveNamespace(document.object.metadata, flag: namespace, given: namespaceGiven)
                // The resource builder fills in the namespace of the object kubectl sends.
                var configuration = document.raw
                configuration["metadata"]?["namespace"] = .string(target)
                let request = ApplyRequest(
                    configuration: configuration, name: document.object.name, namespace: target, manager: manager,
                    force: force, dryRun: dryRun)
                var result = try serverSideApply(request, as: document.object, in: &simulation)
                if dryRun {
                    result.warning = try lastAppliedWarning(request, as: document.object, answer: result.answer, in: &simulation)
                } else {
                    try followUps(request, as: document.object, result: &result, in: &simulation)
                }
                results.append(result)
            }
            return results
        }
    }

    /// One server-side apply: what a PATCH of type `application/apply-patch+yaml` carries.
    public struct ApplyRequest: Sendable {
        public var configuration: JSONValue
        public var name: String
        public var namespace: String
        public var manager: String
        public var force: Bool
        public var dryRun: Bool

        public init(configuration: JSONValue, name: String, namespace: String, manager: String, force: Bool, dryRun: Bool) {
            self.configuration = configuration
            self.name = name
            self.namespace = namespace
            self.manager = manager
            self.force = force
            self.dryRun = dryRun
        }
    }

    /// kubectl's requests after a server-side apply by `kubectl` (saveLastApplyAnnotationIfNecessary, then
    /// migrateToSSAIfNecessary and the apply sent again).
    private func followUps(
        _ request: ApplyRequest, as object: ManifestObject, result: inout ApplyResult, in simulation: inout Simulation
    ) throws {
        guard request.manager == "kubectl", let answer = result.answer else { return }
        let (kind, id) = try written(object, request, in: &simulation)
        let annotationPath = ["metadata", "annotations", AnnotationKey.lastApplied]
        var fields = try managedFields(of: kind, name: request.name, in: id, simulation: simulation)
        if let lastApplied = answer.metadata[annotation: AnnotationKey.lastApplied], !lastApplied.isEmpty,
            !fields.appliers(own: annotationPath)
        {
            var saving = request
            saving.configuration = lastAppliedConfiguration(request, value: lastApplied)
            saving.manager = "kubectl-last-applied"
            saving.force = false
            do {
                result.answer = try serverSideApply(saving, as: object, in: &simulation).answer ?? result.answer
            } catch let refusal as CommandError where refusal.status?.code == 409 {
                // kubectl warns and goes on, without the migration that would follow.
                result.warning = Self.migrationWarning(refusal.status?.message ?? refusal.text)
                return
            }
            fields = try managedFields(of: kind, name: request.name, in: id, simulation: simulation)
        }
        let clientSide = fields.updaters(owning: annotationPath)
        var upgraded = fields
        upgraded.upgrade(from: clientSide, to: request.manager)
        guard !clientSide.isEmpty, upgraded.json != fields.json else { return }
        // The upgrade rewrites managedFields alone: the object, as the controllers have left it since, is stored again.
        let upgrade = ServerSideApply(manager: request.manager, upgradedFrom: clientSide)
        let stream = try simulation.stream(id)
        let event: ClusterEvent
        if kind == .replicaSet, let replicaSet = stream.replicaSets[request.name] {
            event = .replicaSetConfigured(ReplicaSetObject(replicaSet: replicaSet, serverSideApply: upgrade))
        } else if kind == .deployment, let deployment = stream.deployment {
            event = .deploymentConfigured(DeploymentObject(deployment: deployment, serverSideApply: upgrade))
        } else {
            return
        }
        try simulation.apply([event], to: id, actor: actor, at: now) { _ in }
        result.answer = try serverSideApply(request, as: object, in: &simulation).answer ?? result.answer
    }

    /// A server dry run sends kubectl's follow-ups as dry runs too, each against the stored object: giving the
    /// last-applied annotation the answer's value is then a change, which client-side apply's manager owns (a
    /// conflict, which kubectl reports as a warning and goes on).
    private func lastAppliedWarning(
        _ request: ApplyRequest, as object: ManifestObject, answer: WatchedObject?, in simulation: inout Simulation
    ) throws -> String? {
        guard request.manager == "kubectl", let answer,
            let lastApplied = answer.metadata[annotation: AnnotationKey.lastApplied], !lastApplied.isEmpty
        else { return nil }
        let (kind, id) = try written(object, request, in: &simulation)
        var stored = try FieldManagerHistory.fields(
            kind, named: request.name, in: id, writes: try simulation.reader.writes(to: kind, in: id))
            ?? ManagedFields(kind: kind == .deployment ? .deployment : .replicaSet)
        guard !stored.appliers(own: ["metadata", "annotations", AnnotationKey.lastApplied]) else { return nil }
        do {
            _ = try stored.apply(
                lastAppliedConfiguration(request, value: lastApplied), by: "kubectl-last-applied", force: false, at: now)
            return nil
        } catch {
            return Self.migrationWarning(error.message)
        }
    }

    /// apply.go's warning when saving the last-applied annotation for server-side apply fails.
    private static func migrationWarning(_ error: String) -> String {
        "Warning: failed to migrate kubectl.kubernetes.io/last-applied-configuration for Server-Side Apply. "
            + "This is non-fatal and will be retried next time you apply. Error: \(error)"
    }

    /// What saveLastApplyAnnotationIfNecessary applies: the object's identity and the annotation alone.
    private func lastAppliedConfiguration(_ request: ApplyRequest, value: String) -> JSONValue {
        .object([
            "apiVersion": request.configuration["apiVersion"] ?? .null, "kind": request.configuration["kind"] ?? .null,
            "metadata": .object([
                "name": .string(request.name), "namespace": .string(request.namespace),
                "annotations": .object([AnnotationKey.lastApplied: .string(value)]),
            ]),
        ])
    }

    /// The kind of writes and the stream of the object a request names.
    private func written(_ object: ManifestObject, _ request: ApplyRequest, in simulation: inout Simulation) throws
        -> (WrittenKind, StreamID)
    {
        switch object {
        case .deployment: return (.deployment, .deployment(namespace: request.namespace, name: request.name))
        case .replicaSet:
            let id = try simulation.streamHolding(replicaSet: request.name, namespace: request.namespace)
                ?? .deployment(namespace: request.namespace, name: request.name)
            return (.replicaSet, id)
        case .pod, .resourceQuota:
            let message = "server-side apply of \(object.resource)s is not supported: Rollbook tracks the field managers of "
                + "Deployments and ReplicaSets only"
            throw CommandError(
                "error: " + message, status: ServerStatus(code: 415, reason: "UnsupportedMediaType", message: message))
        }
    }

    /// One apply request against the object as this command has left it; appends the write when the object or its
    /// field managers change.
    func serverSideApply(_ request: ApplyRequest, as object: ManifestObject, in simulation: inout Simulation) throws
        -> ApplyResult
    {
        let (kind, id) = try written(object, request, in: &simulation)
        try refuseUndeclaredFields(request, kind: kind)
        let stream = try simulation.stream(id)
        var fields = try managedFields(of: kind, name: request.name, in: id, simulation: simulation)
        let before = fields.json
        let resource = kind == .deployment ? Resource.deployments : Resource.replicaSets
        let live: WatchedObject? = kind == .deployment
            ? stream.deployment.map(WatchedObject.deployment) : stream.replicaSets[request.name].map(WatchedObject.replicaSet)
        try checkPreconditions(request, live: live?.metadata, resource: resource)
        let merged: JSONValue
        do {
            merged = try fields.apply(request.configuration, by: request.manager, force: request.force, at: now)
        } catch {
            // errors.NewApplyConflict: the causes are the details, with no object named.
            let status = ServerStatus(code: 409, reason: "Conflict", message: error.message, causes: error.causes)
            throw CommandError("Error from server (Conflict): \(error.message)", status: status)
        }
        let record = ServerSideApply(manager: request.manager, configuration: request.configuration)
        var result = ApplyResult(name: request.name, outcome: live == nil ? .created : .configured)
        result.resource = kind == .deployment ? "deployment.apps" : "replicaset.apps"
        result.live = live
        result.answer = live
        let event: ClusterEvent
        switch live {
        case .deployment(let current)?:
            var updated = try storedUpdate(merged, of: current, request: request)
            updated.status = current.status
            fields.stored(try JSONValue(encoding: updated))
            let same = updated.spec == current.defaulted.spec && updated.metadata.labels == current.metadata.labels
                && updated.metadata.annotations == current.metadata.annotations
            if same && fields.json == before { return result }
            event = .deploymentConfigured(DeploymentObject(deployment: updated, serverSideApply: record))
        case .replicaSet(let current)?:
            let updated = try storedUpdate(merged, of: current, request: request)
            fields.stored(try JSONValue(encoding: updated))
            if updated.writesNothing(over: current) && fields.json == before { return result }
            event = .replicaSetConfigured(ReplicaSetObject(replicaSet: updated, serverSideApply: record))
        default:
            event = try created(merged, kind: kind, request: request, stream: stream, record: record)
        }
        try simulation.apply([event], to: id, actor: actor, at: now) { stream in
            var answer: WatchedObject? = kind == .deployment
                ? stream.deployment.map(WatchedObject.deployment)
                : stream.replicaSets[request.name].map(WatchedObject.replicaSet)
            if request.dryRun, let version = live?.metadata.resourceVersion { answer?.metadata.resourceVersion = version }
            result.answer = answer
        }
        return result
    }

    /// structuredmerge.go's typed conversion of the configuration: a field the schema does not declare, or a keyed list
    /// with a duplicate or keyless item, fails it whatever the request's field validation, and the API server answers
    /// 500 with the converter's error.
    private func refuseUndeclaredFields(_ request: ApplyRequest, kind: WrittenKind) throws {
        let typed: TypedObject = kind == .deployment ? .deployment : .replicaSet
        let errors = typed.typedConversionErrors(in: request.configuration)
        guard !errors.isEmpty else { return }
        let detail = errors.count == 1 ? errors[0] : (["errors:"] + errors.map { "  " + $0 }).joined(separator: "\n")
        let kindName = kind == .deployment ? "Deployment" : "ReplicaSet"
        let message = "failed to create typed patch object (\(request.namespace)/\(request.name); apps/v1, Kind=\(kindName)): "
            + detail
        throw CommandError("Error from server: " + message, status: ServerStatus(code: 500, reason: "", message: message))
    }

    /// What the apply handler and the field manager refuse before merging (patch.go, structuredmerge.go).
    private func checkPreconditions(_ request: ApplyRequest, live: ObjectMeta?, resource: String) throws {
        let metadata = request.configuration["metadata"]
        if metadata?["managedFields"] != nil {
            throw CommandError(
                "Error from server (BadRequest): metadata.managedFields must be nil",
                status: .badRequest("metadata.managedFields must be nil"))
        }
        if let uid = metadata?["uid"]?.stringValue, !uid.isEmpty {
            guard let live else {
                let message = "uid mismatch: the provided object specified uid \(uid), and no existing object was found"
                var status = ServerStatus.conflict(resource, request.name)
                status.message = message
                throw CommandError("Error from server (Conflict): \(message)", status: status)
            }
            if uid != live.uid {
                throw CommandError.uidPrecondition(
                    resource, request.name, namespace: request.namespace, given: uid, stored: live.uid)
            }
        }
        if let live {
            try CommandError.refusingStale(request.configuration, stored: live.resourceVersion, resource, request.name)
        }
    }

    /// The merged Deployment as the registry's update stores it: defaults, system fields, the last-applied annotation
    /// kept in step with an apply by `kubectl` (lastappliedupdater.go), validation.
    private func storedUpdate(_ merged: JSONValue, of live: Deployment, request: ApplyRequest) throws -> Deployment {
        var updated = try JSONCodec.decode(Deployment.self, from: TypedObject.deployment.omittingEmpties(merged.withoutNulls))
        try updated.metadata.takeSystemFields(of: live.metadata, resource: Resource.deployments)
        updated.metadata.namespace = live.metadata.namespace
        keepLastApplied(&updated.metadata, live: live.metadata, request: request)
        updated.status = live.status
        updated.admit()
        let errors = updated.validate(old: live)
        if !errors.isEmpty { throw CommandError.invalid(live.name, errors) }
        return updated
    }

    private func storedUpdate(_ merged: JSONValue, of live: ReplicaSet, request: ApplyRequest) throws -> ReplicaSet {
        var manifest = ReplicaSetManifest(
            replicaSet: try JSONCodec.decode(ReplicaSet.self, from: TypedObject.replicaSet.omittingEmpties(merged.withoutNulls)),
            selectorGiven: merged["spec"]?["selector"] != nil)
        keepLastApplied(&manifest.replicaSet.metadata, live: live.metadata, request: request)
        return try updatedReplicaSet(manifest, live: live)
    }

    private func keepLastApplied(_ metadata: inout ObjectMeta, live: ObjectMeta, request: ApplyRequest) {
        guard request.manager == "kubectl", let current = live[annotation: AnnotationKey.lastApplied], !current.isEmpty
        else { return }
        metadata[annotation: AnnotationKey.lastApplied] = LastApplied.built(from: request.configuration)
    }

    /// The object an apply creates: the configuration merged into Go's empty object, then created as a POST would be.
    private func created(
        _ merged: JSONValue, kind: WrittenKind, request: ApplyRequest, stream: DeploymentStream, record: ServerSideApply
    ) throws -> ClusterEvent {
        switch kind {
        case .deployment:
            let manifest = try JSONCodec.decode(Deployment.self, from: TypedObject.deployment.omittingEmpties(merged.withoutNulls))
            let created = try newDeployment(manifest, namespace: request.namespace, stream: stream, lastApplied: nil)
            return .deploymentCreated(DeploymentObject(deployment: created, serverSideApply: record))
        case .replicaSet:
            let manifest = ReplicaSetManifest(
                replicaSet: try JSONCodec.decode(ReplicaSet.self, from: TypedObject.replicaSet.omittingEmpties(merged.withoutNulls)),
                selectorGiven: merged["spec"]?["selector"] != nil)
            let created = try newReplicaSet(manifest, namespace: request.namespace, stream: stream)
            return .replicaSetConfigured(ReplicaSetObject(replicaSet: created, serverSideApply: record))
        }
    }

    /// The object's field managers as the stored writes and this command's own have left them.
    func managedFields(of kind: WrittenKind, name: String, in id: StreamID, simulation: Simulation) throws -> ManagedFields {
        let types = Set(kind.eventTypes)
        let pending = simulation.pending.filter { $0.stream == id && types.contains($0.event.typeName) }.map {
            ObjectWrite(sequence: $0.sequence, event: $0.event, time: $0.time, argv: [], actor: $0.actor)
        }
        let writes = try simulation.reader.writes(to: kind, in: id) + pending
        return try FieldManagerHistory.fields(kind, named: name, in: id, writes: writes)
            ?? ManagedFields(kind: kind == .deployment ? .deployment : .replicaSet)
    }
}

extension JSONValue {
    /// Without `null` members: Go's typed decoding takes a null as the field's absence.
    var withoutNulls: JSONValue {
        switch self {
        case .object(let members): .object(members.compactMapValues { $0 == .null ? nil : $0.withoutNulls })
        case .array(let items): .array(items.map(\.withoutNulls))
        default: self
        }
    }
}

extension ControlPlane {
    /// One server-side apply request as `rollbook serve` takes it (a PATCH of type `application/apply-patch+yaml`):
    /// no kubectl follow-ups, which arrive as requests of their own. Returns the stored object and whether the apply
    /// created it.
    public func serverSideApply(_ document: ManifestDocument, request: ApplyRequest) throws -> (WatchedObject, Bool) {
        try simulating(dryRun: request.dryRun) { simulation in
            let result = try serverSideApply(request, as: document.object, in: &simulation)
            guard let answer = result.answer else { throw CommandError.notFound(result.resource, request.name) }
            return (answer, result.outcome == .created)
        }
    }
}
