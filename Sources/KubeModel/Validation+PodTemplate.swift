extension PodTemplateSpec {
    /// `ValidatePodTemplateSpecForReplicaSet`: the selector match, the template itself, then the two rules
    /// only controllers impose (`restartPolicy: Always`, no `activeDeadlineSeconds`).
    ///
    /// A nil selector converts to `labels.Nothing()`, which matches no labels; an empty one to
    /// `labels.Everything()`, which skips the match check.
    func validationErrorsForReplicaSet(selector: LabelSelector?, at path: String) -> [FieldError] {
        var errors: [FieldError] = []
        if !(selector?.isEmpty ?? false), !(selector?.matches(metadata.labels ?? [:]) ?? false) {
            errors.append(FieldError(.invalid, path + ".metadata.labels", value: GoSyntax.stringMap(metadata.labels),
                                     detail: "`selector` does not match template `labels`"))
        }
        errors += validationErrors(at: path)
        let restartPolicy = spec.raw["restartPolicy"]?.stringValue ?? ""
        if restartPolicy != "Always" {
            errors.append(FieldError(.notSupported(allowed: ["Always"]), path + ".spec.restartPolicy",
                                     value: goQuoted(restartPolicy)))
        }
        if !spec.raw["activeDeadlineSeconds"].isUnset {
            errors.append(FieldError(.forbidden, path + ".spec.activeDeadlineSeconds",
                                     detail: "activeDeadlineSeconds in ReplicaSet is not Supported"))
        }
        return errors
    }

    /// `ValidatePodTemplateSpec`: template labels and annotations (at `<path>.labels`, not `.metadata.labels`),
    /// then the pod spec, then the ban on ephemeral containers.
    func validationErrors(at path: String) -> [FieldError] {
        var errors = MetadataRules.labels(metadata.labels, at: path + ".labels")
        errors += MetadataRules.annotations(metadata.annotations, at: path + ".annotations")
        errors += spec.validationErrors(at: path + ".spec")
        if let ephemeral = spec.raw["ephemeralContainers"]?.arrayValue, !ephemeral.isEmpty {
            errors.append(FieldError(.forbidden, path + ".spec.ephemeralContainers",
                                     detail: "ephemeral containers not allowed in pod template"))
        }
        return errors
    }
}

extension PodSpec {
    /// `ValidatePodSpec`, in upstream order. Not checked: Windows security options and host-process pods,
    /// `overhead`, and resource names (see docs/notes/validation.md).
    func validationErrors(at path: String) -> [FieldError] {
        var errors: [FieldError] = []
        if raw["terminationGracePeriodSeconds"].isUnset {
            errors.append(FieldError(.required, path + ".terminationGracePeriodSeconds"))
        }
        let (volumes, volumeErrors) = VolumeRules.volumes(raw["volumes"]?.arrayValue ?? [], at: path + ".volumes")
        errors += volumeErrors
        let pod = ContainerRules.PodContext(volumes: volumes, gracePeriod: raw["terminationGracePeriodSeconds"]?.intValue ?? 30)
        errors += ContainerRules.containers(containers, pod: pod, at: path + ".containers")
        errors += ContainerRules.initContainers(initContainers, regular: containers, pod: pod, at: path + ".initContainers")
        errors += PodNetworkRules.hostNetworkPorts(raw, at: path)
        errors += enumErrors("restartPolicy", allowed: ["Always", "OnFailure", "Never"], at: path)
        errors += enumErrors("dnsPolicy", allowed: ["ClusterFirstWithHostNet", "ClusterFirst", "Default", "None"],
                             at: path)
        errors += MetadataRules.labels(raw["nodeSelector"] == nil ? nil : nodeSelector, at: path + ".nodeSelector")
        errors += SecurityContextRules.pod(raw, at: path + ".securityContext")
        errors += AffinityRules.errors(raw["affinity"], at: path + ".affinity")
        errors += PodNetworkRules.dnsConfig(raw, at: path)
        errors += PlacementRules.readinessGates(list("readinessGates"), at: path + ".readinessGates")
        errors += PlacementRules.schedulingGates(list("schedulingGates"), at: path + ".schedulingGates")
        errors += PlacementRules.topologySpread(list("topologySpreadConstraints"), at: path + ".topologySpreadConstraints")
        errors += nameErrors("serviceAccountName", at: path, NameRules.dns1123Subdomain)
        errors += nameErrors("nodeName", at: path, NameRules.dns1123Subdomain)
        if let deadline = raw["activeDeadlineSeconds"]?.intValue, deadline < 1 || deadline > Int(Int32.max) {
            errors.append(FieldError(.invalid, path + ".activeDeadlineSeconds", value: String(deadline),
                                     detail: NameRules.inclusiveRangeError(1, Int(Int32.max))))
        }
        errors += nameErrors("hostname", at: path, NameRules.dns1123Label)
        errors += nameErrors("subdomain", at: path, NameRules.dns1123Label)
        errors += PlacementRules.tolerations(list("tolerations"), at: path + ".tolerations")
        errors += PodNetworkRules.hostAliases(list("hostAliases"), at: path + ".hostAliases")
        errors += nameErrors("priorityClassName", at: path, NameRules.dns1123Subdomain)
        errors += PlacementRules.classAndOS(raw, at: path)
        return errors
    }

    private func list(_ key: String) -> [JSONValue] { raw[key]?.arrayValue ?? [] }

    /// `validateRestartPolicy` / `validateDNSPolicy`: empty is required, anything else must be listed.
    private func enumErrors(_ key: String, allowed: [String], at path: String) -> [FieldError] {
        FieldError.oneOf(raw[key]?.stringValue ?? "", allowed, at: "\(path).\(key)")
    }

    /// An optional name field, checked only when set.
    private func nameErrors(_ key: String, at path: String, _ rule: (String) -> [String]) -> [FieldError] {
        guard let value = raw[key]?.stringValue, !value.isEmpty else { return [] }
        return FieldError.invalid(value, at: "\(path).\(key)", rule(value))
    }
}
