/// Where a pod may run: tolerations, topology spread, scheduling and readiness gates, preemption, runtime class and
/// OS (`ValidatePodSpec`'s scheduling rules, v1.32).
enum PlacementRules {
    static let effects = ["NoSchedule", "PreferNoSchedule", "NoExecute"]

    /// `ValidateTolerations`. A bad value is reported at `operator`, its messages joined by `;`, as upstream does.
    static func tolerations(_ tolerations: [JSONValue], at path: String) -> [FieldError] {
        var errors: [FieldError] = []
        for (index, toleration) in tolerations.enumerated() {
            let itemPath = "\(path)[\(index)]"
            let key = toleration.string("key"), operatorName = toleration.string("operator")
            let value = toleration.string("value"), effect = toleration.string("effect")
            if !key.isEmpty { errors += MetadataRules.labelName(key, at: itemPath + ".key") }
            if key.isEmpty && operatorName != "Exists" {
                errors.append(FieldError(.invalid, itemPath + ".operator", value: goQuoted(operatorName),
                                         detail: "operator must be Exists when `key` is empty, which means \"match all values and all keys\""))
            }
            if !toleration["tolerationSeconds"].isUnset && effect != "NoExecute" {
                errors.append(FieldError(.invalid, itemPath + ".effect", value: goQuoted(effect),
                                         detail: "effect must be 'NoExecute' when `tolerationSeconds` is set"))
            }
            switch operatorName {
            case "Equal", "":
                let messages = NameRules.labelValue(value)
                if !messages.isEmpty {
                    errors.append(FieldError(.invalid, itemPath + ".operator", value: goQuoted(value),
                                             detail: messages.joined(separator: ";")))
                }
            case "Exists":
                if !value.isEmpty {
                    errors.append(FieldError(.invalid, itemPath + ".operator", value: goQuoted(value),
                                             detail: "value must be empty when `operator` is 'Exists'"))
                }
            default:
                errors.append(FieldError(.notSupported(allowed: ["Equal", "Exists"]), itemPath + ".operator",
                                         value: goQuoted(operatorName)))
            }
            if !effect.isEmpty && !effects.contains(effect) {
                errors.append(FieldError(.notSupported(allowed: effects), itemPath + ".effect", value: goQuoted(effect)))
            }
        }
        return errors
    }

    /// `validateTopologySpreadConstraints`. A repeated (key, action) pair is reported on its first occurrence.
    static func topologySpread(_ constraints: [JSONValue], at path: String) -> [FieldError] {
        var errors: [FieldError] = []
        let actions = ["DoNotSchedule", "ScheduleAnyway"], policies = ["Honor", "Ignore"]
        for (index, constraint) in constraints.enumerated() {
            let itemPath = "\(path)[\(index)]"
            let maxSkew = constraint["maxSkew"]?.intValue ?? 0
            let key = constraint.string("topologyKey"), action = constraint.string("whenUnsatisfiable")
            if maxSkew <= 0 {
                errors.append(FieldError(.invalid, itemPath + ".maxSkew", value: String(maxSkew), detail: "must be greater than zero"))
            }
            if key.isEmpty { errors.append(FieldError(.required, itemPath + ".topologyKey", detail: "can not be empty")) }
            if !actions.contains(action) {
                errors.append(FieldError(.notSupported(allowed: actions), itemPath + ".whenUnsatisfiable", value: goQuoted(action)))
            }
            let repeated = constraints[(index + 1)...].contains {
                $0.string("topologyKey") == key && $0.string("whenUnsatisfiable") == action
            }
            if repeated {
                errors.append(FieldError(.duplicate, itemPath + ".{topologyKey, whenUnsatisfiable}",
                                         value: goQuoted("{\(key), \(action)}")))
            }
            if let minDomains = constraint["minDomains"]?.intValue {
                if minDomains <= 0 {
                    errors.append(FieldError(.invalid, itemPath + ".minDomains", value: String(minDomains),
                                             detail: "must be greater than zero"))
                }
                if action != "DoNotSchedule" {
                    errors.append(FieldError(.invalid, itemPath + ".minDomains", value: String(minDomains),
                                             detail: "can only use minDomains if whenUnsatisfiable=DoNotSchedule, not \(action)"))
                }
            }
            for policy in ["nodeAffinityPolicy", "nodeTaintsPolicy"] {
                guard let value = constraint[policy]?.stringValue, !policies.contains(value) else { continue }
                errors.append(FieldError(.notSupported(allowed: policies), "\(itemPath).\(policy)", value: goQuoted(value)))
            }
            let selector = constraint.labelSelector("labelSelector")
            errors += matchLabelKeys(constraint.list("matchLabelKeys"), selector: selector, at: itemPath + ".matchLabelKeys")
            if let selector { errors += selector.validationErrors(at: itemPath + ".labelSelector") }
        }
        return errors
    }

    private static func matchLabelKeys(_ keys: [JSONValue], selector: LabelSelector?, at path: String) -> [FieldError] {
        guard !keys.isEmpty else { return [] }
        var errors: [FieldError] = []
        if selector == nil {
            errors.append(FieldError(.forbidden, path, detail: "must not be specified when labelSelector is not set"))
        }
        let selectorKeys = Set((selector?.matchLabels ?? [:]).keys).union((selector?.matchExpressions ?? []).map(\.key))
        for (index, value) in keys.enumerated() {
            let key = value.stringValue ?? "", keyPath = "\(path)[\(index)]"
            errors += MetadataRules.labelName(key, at: keyPath)
            if selectorKeys.contains(key) {
                errors.append(FieldError(.invalid, keyPath, value: goQuoted(key), detail: "exists in both matchLabelKeys and labelSelector"))
            }
        }
        return errors
    }

    /// `validateSchedulingGates`: qualified names, each once (reported at the item, not its `name`).
    static func schedulingGates(_ gates: [JSONValue], at path: String) -> [FieldError] {
        var errors: [FieldError] = []
        var seen: Set<String> = []
        for (index, gate) in gates.enumerated() {
            let name = gate.string("name"), itemPath = "\(path)[\(index)]"
            errors += FieldError.invalid(name, at: itemPath, NameRules.qualifiedName(name))
            if !seen.insert(name).inserted { errors.append(FieldError(.duplicate, itemPath, value: goQuoted(name))) }
        }
        return errors
    }

    static func readinessGates(_ gates: [JSONValue], at path: String) -> [FieldError] {
        gates.enumerated().flatMap { index, gate in
            let type = gate.string("conditionType")
            return FieldError.invalid(type, at: "\(path)[\(index)].conditionType", NameRules.qualifiedName(type))
        }
    }

    /// `preemptionPolicy`, `runtimeClassName` and `os`, each checked only when set.
    static func classAndOS(_ spec: [String: JSONValue], at path: String) -> [FieldError] {
        var errors: [FieldError] = []
        if let runtimeClass = spec["runtimeClassName"]?.stringValue {
            errors += FieldError.invalid(runtimeClass, at: path + ".runtimeClassName",
                                         NameRules.nameIsDNSSubdomain(runtimeClass, prefix: false))
        }
        if let policy = spec["preemptionPolicy"]?.stringValue {
            if policy.isEmpty {
                errors.append(FieldError(.required, path + ".preemptionPolicy"))
            } else if policy != "PreemptLowerPriority" && policy != "Never" {
                errors.append(FieldError(.notSupported(allowed: ["PreemptLowerPriority", "Never"]), path + ".preemptionPolicy",
                                         value: goQuoted(policy)))
            }
        }
        if let os = spec["os"], os != .null { errors += OSRules.errors(os.string("name"), spec: spec, at: path) }
        return errors
    }
}
