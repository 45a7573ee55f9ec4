/// `ValidateResourceQuota` (pkg/apis/core/validation): the name, each hard limit's resource and value, the scopes.
extension ResourceQuota {
    /// Names valid anywhere a resource is named (`standardResources`), without a domain.
    static let standardResources: Set<String> = [
        "cpu", "memory", "ephemeral-storage", "requests.cpu", "requests.memory", "requests.ephemeral-storage",
        "limits.cpu", "limits.memory", "limits.ephemeral-storage", "pods", "services", "replicationcontrollers",
        "resourcequotas", "secrets", "configmaps", "persistentvolumeclaims", "storage", "requests.storage",
        "services.nodeports", "services.loadbalancers",
    ]

    /// `standardQuotaResources`: what a quota may limit, without a domain.
    static let standardQuotaResources = standardResources.subtracting(["storage"])

    /// `integerResources`: counts, which must be whole.
    static let integerResources: Set<String> = [
        "pods", "services", "replicationcontrollers", "resourcequotas", "secrets", "configmaps",
        "persistentvolumeclaims", "services.nodeports", "services.loadbalancers",
    ]

    static let standardScopes: Set<String> = [
        "Terminating", "NotTerminating", "BestEffort", "NotBestEffort", "PriorityClass", "CrossNamespacePodAffinity",
    ]

    public func validate(old: ResourceQuota? = nil) -> [FieldError] {
        var errors = old.map { metadata.validationErrorsForUpdate(from: $0.metadata) } ?? metadata.validationErrorsForCreate()
        let hard = spec.hard ?? [:]
        for name in hard.keys.sorted() {
            let path = "spec.hard[\(name)]"
            errors += Self.resourceNameErrors(name, at: path)
            guard let quantity = Quantity(parsing: hard[name]!) else { continue }
            if quantity.isNegative {
                errors.append(FieldError(.invalid, path, value: goQuoted(quantity.description),
                                         detail: "must be greater than or equal to 0"))
            }
            let integral = Self.integerResources.contains(name) || PodQuota.isExtended(name)
            if integral && quantity.milliValue % 1000 != 0 {
                errors.append(FieldError(.invalid, path, value: Self.goDump(hard[name]!), detail: "must be an integer"))
            }
        }
        errors += scopeErrors()
        if let old { errors += scopeUpdateErrors(from: old) }
        return errors
    }

    /// `ValidateResourceQuotaResourceName`: a qualified name; without a domain, a standard one, and one quota takes.
    static func resourceNameErrors(_ name: String, at path: String) -> [FieldError] {
        let syntax = FieldError.invalid(name, at: path, NameRules.qualifiedName(name))
        guard syntax.isEmpty else { return syntax }
        guard !name.contains("/") else { return [] }
        let hugePages = name.hasPrefix("hugepages-") || name.hasPrefix("requests.hugepages-")
        var errors: [FieldError] = []
        if !standardResources.contains(name) && !hugePages {
            errors.append(FieldError(.invalid, path, value: goQuoted(name), detail: "must be a standard resource type or fully qualified"))
        }
        if !standardQuotaResources.contains(name) && !hugePages {
            errors.append(FieldError(.invalid, path, value: goQuoted(name), detail: "must be a standard resource for quota"))
        }
        return errors
    }

    /// `validateResourceQuotaScopes` (without its check of each scope against the limited resources).
    private func scopeErrors() -> [FieldError] {
        var errors: [FieldError] = []
        let scopes = spec.scopes ?? []
        let value = Self.scopesValue(scopes)
        for scope in scopes where !Self.standardScopes.contains(scope) {
            errors.append(FieldError(.invalid, "spec.scopes", value: value, detail: "unsupported scope"))
        }
        for pair in [["BestEffort", "NotBestEffort"], ["Terminating", "NotTerminating"]] where pair.allSatisfy(scopes.contains) {
            errors.append(FieldError(.invalid, "spec.scopes", value: value, detail: "conflicting scopes"))
        }
        return errors + scopeSelectorErrors()
    }

    /// `validateScopedResourceSelectorRequirement`: its paths name no index, as upstream's do.
    private func scopeSelectorErrors() -> [FieldError] {
        guard let selector = spec.scopeSelector else { return [] }
        let path = "spec.scopeSelector.matchExpressions"
        var errors: [FieldError] = []
        var names: Set<String> = []
        for requirement in selector.matchExpressions ?? [] {
            if !Self.standardScopes.contains(requirement.scopeName) {
                errors.append(FieldError(.invalid, path + ".scopeName", value: goQuoted(requirement.scopeName),
                                         detail: "unsupported scope"))
            }
            let existsOnly = ["BestEffort", "NotBestEffort", "Terminating", "NotTerminating", "CrossNamespacePodAffinity"]
            if existsOnly.contains(requirement.scopeName) && requirement.operator != "Exists" {
                errors.append(FieldError(
                    .invalid, path + ".operator", value: goQuoted(requirement.operator),
                    detail: "must be 'Exist' when scope is any of ResourceQuotaScopeTerminating, "
                        + "ResourceQuotaScopeNotTerminating, ResourceQuotaScopeBestEffort, "
                        + "ResourceQuotaScopeNotBestEffort or ResourceQuotaScopeCrossNamespacePodAffinity"))
            }
            let values = requirement.values ?? []
            switch requirement.operator {
            case "In", "NotIn":
                if values.isEmpty {
                    errors.append(FieldError(
                        .required, path + ".values",
                        detail: "must be at least one value when `operator` is 'In' or 'NotIn' for scope selector"))
                }
            case "Exists", "DoesNotExist":
                if !values.isEmpty {
                    errors.append(FieldError(
                        .invalid, path + ".values", value: "[]string{" + values.map(goQuoted).joined(separator: ", ") + "}",
                        detail: "must be no value when `operator` is 'Exist' or 'DoesNotExist' for scope selector"))
                }
            default:
                errors.append(FieldError(.invalid, path + ".operator", value: goQuoted(requirement.operator),
                                         detail: "not a valid selector operator"))
            }
            names.insert(requirement.scopeName)
        }
        for pair in [["BestEffort", "NotBestEffort"], ["Terminating", "NotTerminating"]] where pair.allSatisfy(names.contains) {
            errors.append(FieldError(.invalid, path, value: "[]core.ResourceQuotaScope(nil)", detail: "conflicting scopes"))
        }
        return errors
    }

    /// `ValidateResourceQuotaUpdate`'s rule beyond the spec's own: the scopes cannot change.
    func scopeUpdateErrors(from old: ResourceQuota) -> [FieldError] {
        guard Set(spec.scopes ?? []) != Set(old.spec.scopes ?? []) else { return [] }
        return [FieldError(.invalid, "spec.scopes", value: Self.scopesValue(spec.scopes ?? []), detail: "field is immutable")]
    }

    /// `%#v` of a `[]core.ResourceQuotaScope`.
    private static func scopesValue(_ scopes: [String]) -> String {
        scopes.isEmpty ? "[]core.ResourceQuotaScope(nil)" : "[]core.ResourceQuotaScope{" + scopes.map(goQuoted).joined(separator: ", ") + "}"
    }

    /// How `field.Invalid` prints a `resource.Quantity` value (`%#v`: its method set has no `String`), as
    /// `ParseQuantity` leaves the text the API server received: the digits as written, scaled by the suffix.
    static func goDump(_ text: String) -> String {
        let number = text.prefix { $0.isNumber || $0 == "." || $0 == "-" || $0 == "+" }
        let suffix = String(text.dropFirst(number.count))
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        let digits = parts.joined()
        let decimal = ["n": -9, "u": -6, "m": -3, "": 0, "k": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18]
        let binary = ["Ki": 10, "Mi": 20, "Gi": 30, "Ti": 40, "Pi": 50, "Ei": 60]
        var value = Int64(digits) ?? 0, scale = 0, format = "DecimalSI"
        if let power = decimal[suffix] {
            scale = power - (parts.count == 2 ? parts[1].count : 0)
        } else if let shift = binary[suffix] {
            value <<= Int64(shift)
            format = "BinarySI"
        } else if let power = Int(suffix.dropFirst()) {
            scale = power - (parts.count == 2 ? parts[1].count : 0)
            format = "DecimalExponent"
        }
        return "resource.Quantity{i:resource.int64Amount{value:\(value), scale:\(scale)}, "
            + "d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:\"\", Format:\"\(format)\"}"
    }
}

extension ResourceQuota {
    /// `ValidateResourceQuotaStatusUpdate`'s checks of the status: each resource named as in the spec, no quantity
    /// negative.
    public func statusErrors() -> [FieldError] {
        var errors: [FieldError] = []
        for (field, list) in [("hard", status?.hard ?? [:]), ("used", status?.used ?? [:])] {
            for name in list.keys.sorted() {
                let path = "status.\(field)[\(name)]"
                errors += Self.resourceNameErrors(name, at: path)
                if let quantity = Quantity(parsing: list[name]!), quantity.isNegative {
                    errors.append(FieldError(.invalid, path, value: goQuoted(quantity.description),
                                             detail: "must be greater than or equal to 0"))
                }
            }
        }
        return errors
    }
}
