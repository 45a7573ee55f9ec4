import Cluster
import Controllers
import KubeModel
import Manifests

/// ResourceQuotas users write: created, applied and deleted like the other kinds, each write followed at once by
/// the quota controller's count of what the namespace already uses.
extension ControlPlane {
    /// A quota as the API server stores it on create, or kubectl's "is invalid" error.
    func newQuota(_ manifest: ResourceQuota, namespace: String, seed: Int, lastApplied: String? = nil) throws
        -> ResourceQuota
    {
        var created = manifest
        created.metadata.stampForCreate(
            namespace: namespace, uid: Identifiers.uid("resourcequota/\(namespace)/\(created.name)/\(seed)"),
            at: now, generation: nil, lastApplied: lastApplied)
        created.status = nil
        let errors = created.validate()
        if !errors.isEmpty { throw CommandError.invalid(created.name, errors, kind: "ResourceQuota", group: "") }
        return created
    }

    /// A user's update of a stored quota: system fields and status are the stored ones.
    func updatedQuota(_ manifest: ResourceQuota, live: ResourceQuota) throws -> ResourceQuota {
        var updated = manifest
        try updated.metadata.takeSystemFields(of: live.metadata, resource: Resource.resourceQuotas)
        updated.metadata.namespace = live.metadata.namespace
        updated.status = live.status
        let errors = updated.validate(old: live)
        if !errors.isEmpty { throw CommandError.invalid(live.name, errors, kind: "ResourceQuota", group: "") }
        return updated
    }

    /// Stores a created or updated quota, then the controller's count of it when it is new or its limits changed (the
    /// controller ignores other updates: a status a user wrote stays until its next count of the namespace).
    /// - Returns: The quota as the write stored it, before the count.
    @discardableResult
    func writeQuota(_ quota: ResourceQuota, in simulation: inout Simulation) throws -> ResourceQuota {
        let key = QuotaState.key(namespace: quota.namespace, name: quota.name)
        let before = simulation.quotas.quotas[key]
        simulation.emitQuota(.resourceQuotaWritten(quota), actor: actor, at: now)
        let stored = simulation.quotas.quotas[key]!
        if before?.spec.hard != quota.spec.hard { try simulation.recountQuotas(in: quota.namespace, at: now) }
        return stored
    }

    /// `create -f` of a quota: AlreadyExists when the namespace has one of the name.
    func createQuota(_ manifest: ResourceQuota, namespace: String, source: String?, in simulation: inout Simulation)
        throws -> ResourceQuota
    {
        if simulation.quotas.quota(namespace: namespace, name: manifest.name) != nil {
            let subject = "\(Resource.resourceQuotas) \"\(manifest.name)\" already exists"
            throw CommandError(
                "Error from server (AlreadyExists): " + (source.map { "error when creating \"\($0)\": " } ?? "") + subject,
                status: .alreadyExists(Resource.resourceQuotas, manifest.name))
        }
        let created = try newQuota(manifest, namespace: namespace, seed: simulation.quotas.version)
        try simulation.admitUserObject(
            Resource.resourceQuotas, counted: Self.quotaCounts, name: manifest.name, namespace: namespace, source: source)
        return try writeQuota(created, in: &simulation)
    }

    /// What a new quota counts under: quota limits quotas too.
    static let quotaCounts = ["resourcequotas", "count/resourcequotas"]

    /// `kubectl create quota NAME --hard=… --scopes=…` (create_quota.go), one command.
    public func createQuota(_ manifest: ResourceQuota, namespace: String, dryRun: Bool) throws -> ResourceQuota {
        try simulating(dryRun: dryRun) { simulation in
            var created = try createQuota(manifest, namespace: namespace, source: nil, in: &simulation)
            // A dry run stores nothing, so the answer has no resourceVersion.
            if dryRun { created.metadata.resourceVersion = nil }
            return created
        }
    }

    /// `kubectl apply -f` of a quota: created with its last-applied annotation, else the three-way merge.
    func applyQuota(
        _ document: ManifestDocument, manifest: ResourceQuota, namespace: String, simulation: inout Simulation,
        patching: Bool, dryRun: Bool
    ) throws -> ApplyResult {
        let name = manifest.name
        let lastApplied = LastApplied.configuration(for: document.raw, namespace: namespace)
        let live = simulation.quotas.quota(namespace: namespace, name: name)
        var result = ApplyResult(name: name, outcome: live == nil ? .created : .configured)
        result.resource = "resourcequota"
        result.live = live.map(WatchedObject.resourceQuota)
        result.answer = result.live
        guard patching else { return result }
        let written: ResourceQuota
        if let live {
            result.warning = Self.missingLastAppliedWarning(live.metadata, resource: Resource.resourceQuotas)
            do {
                let merged = try appliedPatch(
                    document, live: try JSONValue(encoding: live), kind: .resourceQuota, resource: Resource.resourceQuotas,
                    namespace: namespace, lastApplied: lastApplied)
                written = try updatedQuota(try Self.decodeQuotaStrictly(merged, validation: fieldValidation), live: live)
            } catch var refusal as CommandError {
                if let warning = result.warning { refusal.text = warning + "\n" + refusal.text }
                throw refusal
            }
            if written.metadata == live.metadata && written.spec == live.spec {
                result.outcome = try unchangedOutcome(
                    document, live: try JSONValue(encoding: live), kind: .resourceQuota, namespace: namespace,
                    lastApplied: lastApplied)
                return result
            }
        } else {
            written = try newQuota(manifest, namespace: namespace, seed: simulation.quotas.version, lastApplied: lastApplied)
            try simulation.admitUserObject(
                Resource.resourceQuotas, counted: Self.quotaCounts, name: name, namespace: namespace, source: document.source)
        }
        var answer = try writeQuota(written, in: &simulation)
        if dryRun { answer.metadata.resourceVersion = live?.metadata.resourceVersion }
        result.answer = .resourceQuota(answer)
        return result
    }

    /// A quota request body read the way the API server reads it.
    public static func decodeQuotaStrictly(_ body: JSONValue, validation: FieldValidation = .strict) throws -> ResourceQuota {
        try decodeBody(body, validation: validation, kind: "ResourceQuota") { object in
            guard case .resourceQuota(let quota) = object else { return nil }
            return quota
        }
    }

    /// `kubectl delete resourcequota NAME…`: each named quota goes, in one command; a missing one is NotFound after
    /// the others are gone.
    /// - Returns: The names deleted, in order.
    public func deleteQuotas(namespace: String, names: [String], dryRun: Bool) throws -> [String] {
        try simulating(dryRun: dryRun) { simulation in
            var deleted: [String] = []
            for name in names where simulation.quotas.quota(namespace: namespace, name: name) != nil {
                simulation.emitQuota(
                    .resourceQuotaDeleted(NamespacedName(namespace: namespace, name: name)), actor: actor, at: now)
                deleted.append(name)
            }
            return deleted
        }
    }
}

extension ControlPlane {
    /// `PUT` of a quota: the body replaces labels, annotations and spec; a stale `resourceVersion` is a Conflict.
    public func replaceQuota(namespace: String, name: String, with body: JSONValue, dryRun: Bool = false) throws
        -> ResourceQuota
    {
        try updateQuota(namespace: namespace, name: name, dryRun: dryRun) { _ in body }
    }

    /// `PATCH` of a quota (what `label`, `annotate`, `patch` and apply's patch send).
    public func patchQuota(namespace: String, name: String, patch: ObjectPatch, dryRun: Bool = false) throws
        -> ResourceQuota
    {
        try Self.patchDecoding { try updateQuota(namespace: namespace, name: name, dryRun: dryRun, Self.applying(patch)) }
    }

    /// Stores `change(live)`, decoded strictly and checked as an update.
    private func updateQuota(
        namespace: String, name: String, dryRun: Bool, _ change: (JSONValue) throws -> JSONValue
    ) throws -> ResourceQuota {
        try simulating(dryRun: dryRun) { simulation in
            let (live, body) = try Self.changed(namespace: namespace, name: name, in: simulation, change)
            let updated = try updatedQuota(try Self.decodeQuotaStrictly(body, validation: fieldValidation), live: live)
            guard updated.metadata != live.metadata || updated.spec != live.spec else { return live }
            var answer = try writeQuota(updated, in: &simulation)
            if dryRun { answer.metadata.resourceVersion = live.metadata.resourceVersion }
            return answer
        }
    }

    /// The stored quota and the body a write asks for: NotFound without one, a Conflict for a stale `resourceVersion`.
    private static func changed(
        namespace: String, name: String, in simulation: Simulation, _ change: (JSONValue) throws -> JSONValue
    ) throws -> (live: ResourceQuota, body: JSONValue) {
        guard let live = simulation.quotas.quota(namespace: namespace, name: name) else {
            throw CommandError.notFound(Resource.resourceQuotas, name)
        }
        let body = try change(try JSONValue(encoding: live))
        try CommandError.refusingStale(body, stored: live.metadata.resourceVersion, Resource.resourceQuotas, name)
        return (live, body)
    }

    /// `replace --force` of a quota: the stored one (if any) deleted, the manifest's created with a new UID.
    /// - Returns: Whether one was deleted, and the created quota.
    func forceReplaceQuota(_ manifest: ResourceQuota, namespace: String, in simulation: inout Simulation) throws
        -> (deleted: Bool, created: ResourceQuota)
    {
        let existed = simulation.quotas.quota(namespace: namespace, name: manifest.name) != nil
        if existed {
            simulation.emitQuota(
                .resourceQuotaDeleted(NamespacedName(namespace: namespace, name: manifest.name)), actor: actor, at: now)
        }
        let created = try newQuota(manifest, namespace: namespace, seed: simulation.quotas.version)
        return (existed, try writeQuota(created, in: &simulation))
    }
}

extension ControlPlane {
    /// A write of a quota's `status` subresource (what e2e's "should apply changes to a resourcequota status"
    /// patches): the status alone changes, validated as `ValidateResourceQuotaStatusUpdate` does. The quota controller
    /// writes its own count again at its next recount of the namespace.
    public func updateQuotaStatus(
        namespace: String, name: String, dryRun: Bool = false, _ change: (JSONValue) throws -> JSONValue
    ) throws -> ResourceQuota {
        try simulating(dryRun: dryRun) { simulation in
            let (live, requested) = try Self.changed(namespace: namespace, name: name, in: simulation, change)
            _ = try Self.decodeQuotaStrictly(requested, validation: fieldValidation)
            let status = ResourceQuotaStatus(
                hard: requested["status"]?["hard"]?.objectValue?.compactMapValues(Quantity.canonical),
                used: requested["status"]?["used"]?.objectValue?.compactMapValues(Quantity.canonical))
            var updated = live
            updated.status = status
            let errors = updated.statusErrors()
            if !errors.isEmpty { throw CommandError.invalid(name, errors, kind: "ResourceQuota", group: "") }
            guard status != live.status else { return live }
            simulation.emitQuota(
                .resourceQuotaStatusWritten(QuotaStatusUpdated(namespace: namespace, name: name, status: status)),
                actor: actor, at: now)
            var answer = simulation.quotas.quota(namespace: namespace, name: name)!
            if dryRun { answer.metadata.resourceVersion = live.metadata.resourceVersion }
            return answer
        }
    }
}
