/// `validateAffinity` (v1.32): node affinity, then pod affinity and anti-affinity. Node affinity's values are not
/// checked as label values until v1.33.
enum AffinityRules {
    static func errors(_ affinity: JSONValue?, at path: String) -> [FieldError] {
        guard let affinity, affinity != .null else { return [] }
        var errors: [FieldError] = []
        if let node = affinity["nodeAffinity"], node != .null {
            errors += nodeAffinity(node, at: path + ".nodeAffinity")
        }
        for kind in ["podAffinity", "podAntiAffinity"] {
            guard let pod = affinity[kind], pod != .null else { continue }
            errors += podAffinity(pod, at: "\(path).\(kind)")
        }
        return errors
    }

    private static func nodeAffinity(_ affinity: JSONValue, at path: String) -> [FieldError] {
        var errors: [FieldError] = []
        if let required = affinity["requiredDuringSchedulingIgnoredDuringExecution"], required != .null {
            let requiredPath = path + ".requiredDuringSchedulingIgnoredDuringExecution"
            let terms = required.list("nodeSelectorTerms")
            if terms.isEmpty {
                errors.append(FieldError(.required, requiredPath + ".nodeSelectorTerms",
                                         detail: "must have at least one node selector term"))
            }
            for (index, term) in terms.enumerated() {
                errors += nodeSelectorTerm(term, at: "\(requiredPath).nodeSelectorTerms[\(index)]")
            }
        }
        for (index, preferred) in affinity.list("preferredDuringSchedulingIgnoredDuringExecution").enumerated() {
            let itemPath = "\(path).preferredDuringSchedulingIgnoredDuringExecution[\(index)]"
            errors += weight(preferred, at: itemPath)
            errors += nodeSelectorTerm(preferred["preference"] ?? .object([:]), at: itemPath + ".preference")
        }
        return errors
    }

    private static func weight(_ weighted: JSONValue, at path: String) -> [FieldError] {
        let weight = weighted["weight"]?.intValue ?? 0
        guard weight <= 0 || weight > 100 else { return [] }
        return [FieldError(.invalid, path + ".weight", value: String(weight), detail: "must be in the range 1-100")]
    }

    private static func nodeSelectorTerm(_ term: JSONValue, at path: String) -> [FieldError] {
        var errors: [FieldError] = []
        for (index, requirement) in term.list("matchExpressions").enumerated() {
            errors += nodeSelectorRequirement(requirement, at: "\(path).matchExpressions[\(index)]")
        }
        for (index, requirement) in term.list("matchFields").enumerated() {
            errors += nodeFieldRequirement(requirement, at: "\(path).matchFields[\(index)]")
        }
        return errors
    }

    /// `ValidateNodeSelectorRequirement`: the operator and the number of values, then the key.
    private static func nodeSelectorRequirement(_ requirement: JSONValue, at path: String) -> [FieldError] {
        var errors: [FieldError] = []
        let operatorName = requirement.string("operator"), count = requirement.list("values").count
        switch operatorName {
        case "In", "NotIn":
            if count == 0 {
                errors.append(FieldError(.required, path + ".values", detail: "must be specified when `operator` is 'In' or 'NotIn'"))
            }
        case "Exists", "DoesNotExist":
            if count > 0 {
                errors.append(FieldError(.forbidden, path + ".values",
                                         detail: "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"))
            }
        case "Gt", "Lt":
            if count != 1 {
                errors.append(FieldError(.required, path + ".values",
                                         detail: "must be specified single value when `operator` is 'Lt' or 'Gt'"))
            }
        default:
            errors.append(FieldError(.invalid, path + ".operator", value: goQuoted(operatorName), detail: "not a valid selector operator"))
        }
        return errors + MetadataRules.labelName(requirement.string("key"), at: path + ".key")
    }

    /// `ValidateNodeFieldSelectorRequirement`: one node name, by `metadata.name`.
    private static func nodeFieldRequirement(_ requirement: JSONValue, at path: String) -> [FieldError] {
        var errors: [FieldError] = []
        let operatorName = requirement.string("operator"), values = requirement.list("values")
        switch operatorName {
        case "In", "NotIn":
            if values.count != 1 {
                errors.append(FieldError(.required, path + ".values",
                                         detail: "must be only one value when `operator` is 'In' or 'NotIn' for node field selector"))
            }
        default:
            errors.append(FieldError(.invalid, path + ".operator", value: goQuoted(operatorName), detail: "not a valid selector operator"))
        }
        let key = requirement.string("key")
        guard key == "metadata.name" else {
            return errors + [FieldError(.invalid, path + ".key", value: goQuoted(key), detail: "not a valid field selector key")]
        }
        for (index, value) in values.enumerated() {
            let name = value.stringValue ?? ""
            errors += FieldError.invalid(name, at: "\(path).values[\(index)]", NameRules.dns1123Subdomain(name))
        }
        return errors
    }

    private static func podAffinity(_ affinity: JSONValue, at path: String) -> [FieldError] {
        var errors: [FieldError] = []
        for (index, term) in affinity.list("requiredDuringSchedulingIgnoredDuringExecution").enumerated() {
            errors += podAffinityTerm(term, at: "\(path).requiredDuringSchedulingIgnoredDuringExecution[\(index)]")
        }
        for (index, weighted) in affinity.list("preferredDuringSchedulingIgnoredDuringExecution").enumerated() {
            let itemPath = "\(path).preferredDuringSchedulingIgnoredDuringExecution[\(index)]"
            errors += weight(weighted, at: itemPath)
            errors += podAffinityTerm(weighted["podAffinityTerm"] ?? .object([:]), at: itemPath + ".podAffinityTerm")
        }
        return errors
    }

    /// `validatePodAffinityTerm`. Two upstream quirks kept: bad namespaces are reported at `namespace` (no index), and
    /// a key in both `matchLabelKeys` and the selector at the term's path indexed by the key's position.
    private static func podAffinityTerm(_ term: JSONValue, at path: String) -> [FieldError] {
        var errors: [FieldError] = []
        let selector = term.labelSelector("labelSelector")
        if let selector { errors += selector.validationErrors(at: path + ".labelSelector") }
        if let namespaceSelector = term.labelSelector("namespaceSelector") {
            errors += namespaceSelector.validationErrors(at: path + ".namespaceSelector")
        }
        for namespace in term.list("namespaces") {
            let name = namespace.stringValue ?? ""
            errors += FieldError.invalid(name, at: path + ".namespace", NameRules.dns1123Label(name))
        }
        let matchKeys = term.list("matchLabelKeys").map { $0.stringValue ?? "" }
        let mismatchKeys = term.list("mismatchLabelKeys").map { $0.stringValue ?? "" }
        errors += labelKeys(matchKeys, selector: selector, at: path + ".matchLabelKeys")
        errors += labelKeys(mismatchKeys, selector: selector, at: path + ".mismatchLabelKeys")
        if let selector {
            var positions: [String: Int] = [:]
            for (index, key) in matchKeys.enumerated() { positions[key] = index }
            var seen = Set((selector.matchLabels ?? [:]).keys)
            for requirement in selector.matchExpressions ?? [] {
                if let index = positions[requirement.key], seen.contains(requirement.key) {
                    errors.append(FieldError(.invalid, "\(path)[\(index)]", value: goQuoted(requirement.key),
                                             detail: "exists in both matchLabelKeys and labelSelector"))
                }
                seen.insert(requirement.key)
            }
        }
        for (index, key) in matchKeys.enumerated() where mismatchKeys.contains(key) {
            errors.append(FieldError(.invalid, "\(path).matchLabelKeys[\(index)]", value: goQuoted(key),
                                     detail: "exists in both matchLabelKeys and mismatchLabelKeys"))
        }
        let topologyKey = term.string("topologyKey")
        if topologyKey.isEmpty { errors.append(FieldError(.required, path + ".topologyKey", detail: "can not be empty")) }
        return errors + MetadataRules.labelName(topologyKey, at: path + ".topologyKey")
    }

    private static func labelKeys(_ keys: [String], selector: LabelSelector?, at path: String) -> [FieldError] {
        guard !keys.isEmpty else { return [] }
        guard selector != nil else {
            return [FieldError(.forbidden, path, detail: "must not be specified when labelSelector is not set")]
        }
        return keys.enumerated().flatMap { index, key in MetadataRules.labelName(key, at: "\(path)[\(index)]") }
    }
}
