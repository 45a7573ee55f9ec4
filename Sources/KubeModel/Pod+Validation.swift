extension Pod {
    /// Validates a Pod a user writes, as the v1.32 API server does on create, or on update when `old` is given.
    /// Call it on the defaulted object.
    ///
    /// An update may change metadata and the containers' images (the kubelet restarts a container whose image
    /// changed); upstream also lets `activeDeadlineSeconds`, added tolerations and a negative grace period change,
    /// which Rollbook refuses with upstream's message, without the spec diff it appends.
    ///
    /// Related Kubernetes source: `pkg/apis/core/validation/validation.go` (`ValidatePodCreate`,
    /// `validatePodMetadataAndSpec`, `ValidatePodUpdate`).
    public func validate(old: Pod? = nil) -> [FieldError] {
        guard let old else {
            var errors = metadata.validationErrorsForCreate()
            errors += spec.validationErrors(at: "spec")
            return errors + podOnlyErrors()
        }
        var errors = metadata.validationErrorsForUpdate(from: old.metadata)
        guard spec != old.spec else { return errors }
        // ValidatePodUpdate: the old spec with the new images must be the new spec; each new image is checked as
        // ValidateContainerUpdates does (required, no blanks around it).
        var mutable = old.spec
        guard spec.containers.count == old.spec.containers.count,
            spec.initContainers.count == old.spec.initContainers.count
        else { return errors + [FieldError(.forbidden, "spec", detail: Self.immutableSpec)] }
        let images = (spec.initContainers + spec.containers).map(\.image)
        var index = 0
        mutable.mapEveryContainer { container in
            var changed = container
            changed.image = images[index]
            index += 1
            return changed
        }
        guard mutable == spec else { return errors + [FieldError(.forbidden, "spec", detail: Self.immutableSpec)] }
        for (field, containers) in [("containers", spec.containers), ("initContainers", spec.initContainers)] {
            for (position, container) in containers.enumerated() {
                let path = "spec.\(field)[\(position)]"
                if container.image.isEmpty {
                    errors.append(FieldError(.required, path + ".image"))
                } else {
                    errors += container.podOnlyValidationErrors(at: path)
                }
            }
        }
        return errors
    }

    /// What a Pod's create refuses that its template allows (`validateContainersOnlyForPod`, ephemeral containers, a
    /// node named before the scheduling gates clear): a ReplicaSet's Pods can fail these alone.
    public func podOnlyErrors() -> [FieldError] {
        var errors: [FieldError] = []
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

    /// `ValidatePodUpdate`'s message for a spec change it does not allow.
    static let immutableSpec = "pod updates may not change fields other than `spec.containers[*].image`,"
        + "`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing "
        + "tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)"
}
