extension Pod {
    /// Validates a Pod a user writes, as the v1.32 API server does on create, or on update when `old` is given.
    /// Call it on the defaulted object.
    ///
    /// An update may change metadata only here: upstream also lets images, `activeDeadlineSeconds`, added
    /// tolerations and a negative grace period change, which the kubelet would act on; Rollbook refuses those with
    /// upstream's message, without the spec diff it appends.
    ///
    /// Related Kubernetes source: `pkg/apis/core/validation/validation.go` (`ValidatePodCreate`,
    /// `validatePodMetadataAndSpec`, `ValidatePodUpdate`).
    public func validate(old: Pod? = nil) -> [FieldError] {
        guard let old else {
            var errors = metadata.validationErrorsForCreate()
            errors += spec.validationErrors(at: "spec")
            // validateContainersOnlyForPod: what a template may hold but a Pod may not.
            for (field, containers) in [("containers", spec.containers), ("initContainers", spec.initContainers)] {
                for (index, container) in containers.enumerated() {
                    errors += container.podOnlyValidationErrors(at: "spec.\(field)[\(index)]")
                }
            }
            if let ephemeral = spec.raw["ephemeralContainers"]?.arrayValue, !ephemeral.isEmpty {
                errors.append(FieldError(.forbidden, "spec.ephemeralContainers", detail: "cannot be set on create"))
            }
            if !(spec.nodeName ?? "").isEmpty, !(spec.raw["schedulingGates"]?.arrayValue ?? []).isEmpty {
                errors.append(FieldError(.forbidden, "spec.nodeName",
                                         detail: "cannot be set until all schedulingGates have been cleared"))
            }
            return errors
        }
        var errors = metadata.validationErrorsForUpdate(from: old.metadata)
        if spec != old.spec {
            errors.append(FieldError(.forbidden, "spec", detail: Self.immutableSpec))
        }
        return errors
    }

    /// `ValidatePodUpdate`'s message for a spec change it does not allow.
    static let immutableSpec = "pod updates may not change fields other than `spec.containers[*].image`,"
        + "`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing "
        + "tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)"
}
