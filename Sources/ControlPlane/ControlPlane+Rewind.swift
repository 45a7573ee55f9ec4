import Cluster
import Controllers
import KubeModel
import Store

/// What `rollbook rewind` does to one Deployment to bring it back to a point in the log.
public struct RewindPlan: Sendable, Hashable {
    public enum Action: String, Sendable, Hashable {
        /// Spec, labels or annotations differ: one `DeploymentConfigured` restores them.
        case configured
        /// It was deleted since: a `DeploymentCreated` brings it back (as a new object, with a new uid).
        case created
        /// It was created since: a `DeploymentDeleted` (cascade background) removes it.
        case deleted
        /// Its selector changed since (selectors are immutable): it is deleted and created again.
        case recreated
        case unchanged
    }

    public var namespace: String
    public var name: String
    public var action: Action
    /// The Deployment now, if it exists.
    public var current: Deployment?
    /// The Deployment as it will be after the rewind (uid and generation aside); nil if it will not exist.
    public var target: Deployment?
}

extension ControlPlane {
    /// Plans a rewind of the named Deployments (or, for nil, of every Deployment that exists now or existed
    /// at the point in `namespace`) to `point`. Only reads, and without letting time catch up: a catch-up
    /// changes status and pods, never what a rewind restores, so `--dry-run` can plan on a read-only store.
    public static func planRewind(
        in store: SQLiteStore, namespace: String, names: [String]?, to point: PointInTime, now: Timestamp
    ) throws -> [RewindPlan] {
        let targets: [String]
        if let names {
            targets = names
        } else {
            let past = try store.read(at: point) { try $0.deployments(namespace: namespace).map(\.name) }
            let present = try store.read { try $0.deployments(namespace: namespace).map(\.name) }
            targets = Set(past + present).sorted()
        }
        return try targets.map { name in
            let id = StreamID.deployment(namespace: namespace, name: name)
            let then = try store.read(at: point) { try $0.stream(id).deployment }
            let current = try store.read { try $0.stream(id).deployment }
            if names != nil, then == nil, current == nil { throw CommandError.notFound(Resource.deployments, name) }
            return RewindPlan.make(namespace: namespace, name: name, current: current, then: then, now: now)
        }
    }

    /// Carries out one plan as ordinary commands (two for ``RewindPlan/Action/recreated``). The state is
    /// read again inside each command's transaction, so a change made since planning is not overwritten
    /// blindly: a Deployment that appeared or vanished in between is reported by the usual errors.
    ///
    /// Nothing is erased: every step is a new user event, and the controllers reconcile after it as after
    /// any `apply` or `delete`.
    public func rewind(_ plan: RewindPlan) throws {
        switch plan.action {
        case .unchanged:
            return
        case .deleted:
            try delete(namespace: plan.namespace, name: plan.name)
        case .configured:
            guard let target = plan.target else { return }
            try mutateDeployment(namespace: plan.namespace, name: plan.name) { current, _ in
                let updated = RewindPlan.restoring(current, to: target)
                if RewindPlan.sameUserState(updated, current) { return (nil, ()) }
                let errors = updated.validate(old: current)
                if !errors.isEmpty { throw CommandError.invalid(plan.name, errors) }
                return (.deploymentConfigured(DeploymentObject(deployment: updated)), ())
            }
        case .created, .recreated:
            guard let target = plan.target else { return }
            if plan.action == .recreated { try delete(namespace: plan.namespace, name: plan.name) }
            try mutate(.deployment(namespace: plan.namespace, name: plan.name)) { stream, _ in
                if stream.deployment != nil {
                    throw CommandError(
                        "Error from server (AlreadyExists): \(Resource.deployments) \"\(plan.name)\" already exists")
                }
                let created = RewindPlan.recreating(
                    target, namespace: plan.namespace, version: stream.version, now: now)
                let errors = created.validate()
                if !errors.isEmpty { throw CommandError.invalid(plan.name, errors) }
                return (.deploymentCreated(DeploymentObject(deployment: created)), ())
            }
        }
    }
}

extension RewindPlan {
    static func make(namespace: String, name: String, current: Deployment?, then: Deployment?, now: Timestamp)
        -> RewindPlan
    {
        var plan = RewindPlan(namespace: namespace, name: name, action: .unchanged, current: current, target: nil)
        switch (current, then) {
        case (nil, nil):
            break
        case (.some, nil):
            plan.action = .deleted
        case (nil, .some(let then)):
            plan.action = .created
            plan.target = recreating(then, namespace: namespace, version: 0, now: now)
        case (.some(let current), .some(let then)):
            if current.spec.selector != then.spec.selector {
                plan.action = .recreated
                plan.target = recreating(then, namespace: namespace, version: 0, now: now)
            } else {
                let restored = restoring(current, to: then)
                plan.target = restored
                plan.action = sameUserState(restored, current) ? .unchanged : .configured
            }
        }
        return plan
    }

    /// `current` with the spec (replicas and paused state included), labels and annotations it had at the
    /// point. The revision annotation stays: the controller owns it and sets it on its next sync.
    static func restoring(_ current: Deployment, to then: Deployment) -> Deployment {
        var updated = current
        updated.spec = then.spec
        updated.metadata.labels = then.metadata.labels
        var annotations = then.metadata.annotations ?? [:]
        annotations[AnnotationKey.revision] = current.metadata[annotation: AnnotationKey.revision]
        updated.metadata.annotations = annotations.isEmpty ? nil : annotations
        return updated
    }

    /// A new Deployment object with the old one's spec, labels and annotations, as `apply` creates one.
    static func recreating(_ then: Deployment, namespace: String, version: Int, now: Timestamp) -> Deployment {
        var created = then
        created.metadata.namespace = namespace
        created.metadata.uid = Identifiers.uid("deployment/\(namespace)/\(then.name)/\(version)")
        created.metadata.generation = 1
        created.metadata.creationTimestamp = now
        created.metadata.resourceVersion = nil
        created.metadata[annotation: AnnotationKey.revision] = nil
        created.status = DeploymentStatus()
        return created
    }

    /// Whether two Deployments agree on everything a rewind restores.
    static func sameUserState(_ a: Deployment, _ b: Deployment) -> Bool {
        a.spec == b.spec && a.metadata.labels == b.metadata.labels && a.metadata.annotations == b.metadata.annotations
    }
}
