extension Deployment {
    /// Validates the Deployment the way the v1.32 API server does on create, or on update when `old` is given.
    ///
    /// Call it on the *defaulted* object (``applyDefaults()`` first), as the server validates after defaulting;
    /// `progressDeadlineSeconds`, for instance, is then 600 and takes part in the `minReadySeconds` rule.
    /// Errors come in upstream order: metadata, `spec.replicas`, the selector, the template (the labels mismatch
    /// first, then the pod spec), the strategy, `minReadySeconds`, `revisionHistoryLimit`,
    /// `progressDeadlineSeconds`, and on update the selector immutability check last.
    ///
    /// ```swift
    /// var web = Deployment(metadata: ObjectMeta(name: "web"), spec: spec)
    /// web.applyDefaults()
    /// let message = validationErrorMessage(kind: "Deployment", name: web.name, errors: web.validate())
    /// ```
    ///
    /// - Parameter old: The stored object, for an update; nil for a create.
    /// - Returns: Every problem found, empty when the object is valid.
    ///
    /// Related Kubernetes source: `pkg/apis/apps/validation/validation.go` (`ValidateDeployment`,
    /// `ValidateDeploymentUpdate`) and `pkg/registry/apps/deployment/strategy.go` (`ValidateUpdate`).
    public func validate(old: Deployment? = nil) -> [FieldError] {
        var errors: [FieldError]
        if let old {
            errors = metadata.validationErrorsForUpdate(from: old.metadata)
        } else {
            errors = metadata.validationErrorsForCreate()
        }
        errors += spec.validationErrors()
        if let old { errors += spec.selectorImmutabilityErrors(old: old.spec) }
        return errors
    }
}

extension DeploymentSpec {
    /// `ValidateDeploymentSpec`.
    ///
    /// A selector that does not convert to a `labels.Selector` adds `invalid label selector` and skips the whole
    /// template, containers included, exactly as upstream does.
    func validationErrors() -> [FieldError] {
        var errors = FieldError.nonNegative(desiredReplicas, at: "spec.replicas")
        errors += template.validationErrors(selectedBy: selector)
        errors += strategyValidationErrors()
        let minReady = minReadySeconds ?? 0
        errors += FieldError.nonNegative(minReady, at: "spec.minReadySeconds")
        if let revisionHistoryLimit {
            errors += FieldError.nonNegative(revisionHistoryLimit, at: "spec.revisionHistoryLimit")
        }
        if let deadline = progressDeadlineSeconds {
            errors += FieldError.nonNegative(deadline, at: "spec.progressDeadlineSeconds")
            if deadline <= minReady {
                errors.append(FieldError(.invalid, "spec.progressDeadlineSeconds", value: String(deadline),
                                         detail: "must be greater than minReadySeconds"))
            }
        }
        return errors
    }

    /// The apps/v1 registry check: `spec.selector` may not change after creation.
    ///
    /// Comparison is `apiequality.Semantic.DeepEqual`, so a nil and an empty map or list are the same.
    func selectorImmutabilityErrors(old: DeploymentSpec) -> [FieldError] {
        switch (selector, old.selector) {
        case (nil, nil):
            return []
        case (let new?, let old?) where new.semanticallyEquals(old):
            return []
        default:
            // A nil pointer is rendered as the quoted string "null" by field.Error.
            let value = selector.map(GoSyntax.labelSelector) ?? goQuoted("null")
            return [FieldError(.invalid, "spec.selector", value: value, detail: FieldError.immutable)]
        }
    }
}

/// The text `kubectl` prints for a 422 Invalid answer, without the trailing newline.
///
/// Causes are printed once each. One cause gives `The Deployment "web" is invalid: <cause>`; several give the same head followed by a
/// space and one `* <cause>` line per error (kubectl's `MultilineError`). No causes give just the head.
///
/// - Parameters:
///   - kind: The kind as the server reports it in the status details, e.g. `Deployment`.
///   - name: The object's name; kubectl quotes it with Go's `%q`.
///   - errors: The validation errors, in order.
/// The API server's message of an Invalid status (`NewInvalid`): `Pod "x" is invalid: <error>`, several errors
/// bracketed and comma-separated. What a controller's failed create records; kubectl reformats it for people.
public func invalidStatusMessage(kind: String, group: String, name: String, errors: [FieldError]) -> String {
    let qualified = group.isEmpty ? kind : "\(kind).\(group)"
    let list = errors.map(\.message)
    return "\(qualified) \(goQuoted(name)) is invalid: " + (list.count == 1 ? list[0] : "[" + list.joined(separator: ", ") + "]")
}

public func validationErrorMessage(kind: String, name: String, errors: [FieldError]) -> String {
    let head = "The \(kind) \(goQuoted(name)) is invalid"
    // kubectl's `statusCausesToAggrError` prints a cause whose `field: message` it has printed already only once.
    var seen: Set<String> = []
    let errors = errors.filter { seen.insert($0.message).inserted }
    switch errors.count {
    case 0: return head
    case 1: return head + ": " + errors[0].message
    default: return head + ": \n" + errors.map { "* " + $0.message }.joined(separator: "\n")
    }
}

extension PodTemplateSpec {
    /// `spec.selector` and `spec.template` of a Deployment or ReplicaSet (`ValidateDeploymentSpec`,
    /// `ValidateReplicaSetSpec` alike): the selector (required, not empty, convertible), then the template it must
    /// select. A selector that does not convert to a `labels.Selector` skips the whole template, as upstream does.
    func validationErrors(selectedBy selector: LabelSelector?) -> [FieldError] {
        var errors: [FieldError] = []
        if let selector {
            errors += selector.validationErrors(at: "spec.selector")
            if selector.isEmpty {
                errors.append(FieldError(.invalid, "spec.selector", value: GoSyntax.labelSelector(selector),
                                         detail: "empty selector is invalid for deployment"))
            }
        } else {
            errors.append(FieldError(.required, "spec.selector"))
        }
        if let selector, !selector.convertsToSelector {
            errors.append(FieldError(.invalid, "spec.selector", value: GoSyntax.labelSelector(selector),
                                     detail: "invalid label selector"))
        } else {
            errors += validationErrorsForReplicaSet(selector: selector, at: "spec.template")
        }
        return errors
    }
}
