extension ReplicaSet {
    /// Validates a ReplicaSet a user writes, as the v1.32 API server does on create, or on update when `old` is
    /// given. Call it on the defaulted object (``applyDefaults()`` first).
    ///
    /// - Parameter selectorGiven: whether the manifest had `spec.selector` at all: apps/v1 holds it in a pointer,
    ///   so a missing one is `Required value` where an empty one is the empty-selector error.
    ///
    /// Related Kubernetes source: `pkg/apis/apps/validation/validation.go` (`ValidateReplicaSet`,
    /// `ValidateReplicaSetSpec`, `ValidateReplicaSetUpdate`).
    public func validate(old: ReplicaSet? = nil, selectorGiven: Bool = true) -> [FieldError] {
        var errors = old.map { metadata.validationErrorsForUpdate(from: $0.metadata) } ?? metadata.validationErrorsForCreate()
        errors += FieldError.nonNegative(spec.replicas ?? 0, at: "spec.replicas")
        errors += FieldError.nonNegative(spec.minReadySeconds ?? 0, at: "spec.minReadySeconds")
        errors += spec.template.validationErrors(selectedBy: selectorGiven ? spec.selector : nil)
        if let old, !spec.selector.semanticallyEquals(old.spec.selector) {
            errors.append(FieldError(.invalid, "spec.selector", value: GoSyntax.labelSelector(spec.selector),
                                     detail: FieldError.immutable))
        }
        return errors
    }

    /// The apps/v1 defaults (`SetDefaults_ReplicaSet` and the pod template's).
    public mutating func applyDefaults() {
        if spec.replicas == nil { spec.replicas = 1 }
        spec.template.spec.applyDefaults()
    }
}
