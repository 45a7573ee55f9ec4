/// The downward API's selectors, shared by env `valueFrom` and `downwardAPI` volume files (v1.32).
enum DownwardAPIRules {
    /// Field paths an env variable may read (`validEnvDownwardAPIFieldPathExpressions`), sorted as upstream lists them.
    static let envFieldPaths = ["metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName",
                                "spec.serviceAccountName", "status.hostIP", "status.hostIPs", "status.podIP",
                                "status.podIPs"]
    /// Field paths a volume file may hold (`validVolumeDownwardAPIFieldPathExpressions`).
    static let volumeFieldPaths = ["metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace",
                                   "metadata.uid"]
    /// What `ConvertDownwardAPIFieldLabel` accepts for a Pod at all.
    private static let podFieldLabels: Set<String> = [
        "metadata.annotations", "metadata.labels", "metadata.name", "metadata.namespace", "metadata.uid", "spec.nodeName",
        "spec.restartPolicy", "spec.serviceAccountName", "spec.schedulerName", "status.phase", "status.hostIP",
        "status.hostIPs", "status.podIP", "status.podIPs",
    ]
    static let resources = ["limits.cpu", "limits.ephemeral-storage", "limits.memory", "requests.cpu",
                            "requests.ephemeral-storage", "requests.memory"]
    private static let byteDivisors: Set<String> = ["1", "1k", "1M", "1G", "1T", "1P", "1E", "1Ki", "1Mi", "1Gi", "1Ti",
                                                    "1Pi", "1Ei"]

    /// `validateDownwardAPIVolumeFile`; upstream passes the list's path, not the item's, so items share paths.
    static func volumeFile(_ file: JSONValue, at path: String) -> [FieldError] {
        var errors: [FieldError] = []
        let filePath = file.string("path")
        if filePath.isEmpty { errors.append(FieldError(.required, path + ".path")) }
        errors += VolumeRules.localNonReservedPath(filePath, at: path + ".path")
        let fieldRef = file["fieldRef"].isUnset ? nil : file["fieldRef"]
        let resourceRef = file["resourceFieldRef"].isUnset ? nil : file["resourceFieldRef"]
        if let fieldRef {
            errors += objectFieldSelector(fieldRef, allowed: volumeFieldPaths, at: path + ".fieldRef")
            if resourceRef != nil {
                errors.append(FieldError(.invalid, path, value: "\"resource\"",
                                         detail: "fieldRef and resourceFieldRef can not be specified simultaneously"))
            }
        } else if let resourceRef {
            errors += resourceFieldSelector(resourceRef, inVolume: true, at: path + ".resourceFieldRef")
        } else {
            errors.append(FieldError(.required, path, detail: "one of fieldRef and resourceFieldRef is required"))
        }
        errors += VolumeRules.fileMode(file["mode"], at: path + ".mode")
        return errors
    }

    /// `validateObjectFieldSelector`: the first problem only, as upstream returns at each.
    static func objectFieldSelector(_ selector: JSONValue, allowed: [String], at path: String) -> [FieldError] {
        let apiVersion = selector.string("apiVersion"), fieldPath = selector.string("fieldPath")
        if apiVersion.isEmpty { return [FieldError(.required, path + ".apiVersion")] }
        if fieldPath.isEmpty { return [FieldError(.required, path + ".fieldPath")] }
        let converted: String
        switch convert(fieldPath, apiVersion: apiVersion) {
        case .failure(let message):
            return [FieldError(.invalid, path + ".fieldPath", value: goQuoted(fieldPath),
                               detail: "error converting fieldPath: \(message.text)")]
        case .success(let label): converted = label
        }
        if let split = splitSubscript(converted) {
            let key = split.base == "metadata.annotations" ? split.subscript.lowercased() : split.subscript
            return FieldError.invalid(key, at: path, NameRules.qualifiedName(key))
        }
        guard allowed.contains(converted) else {
            return [FieldError(.notSupported(allowed: allowed), path + ".fieldPath", value: goQuoted(converted))]
        }
        return []
    }

    private struct ConversionError: Error { let text: String }

    /// `ConvertDownwardAPIFieldLabel`: `spec.host` is the old name of `spec.nodeName`.
    private static func convert(_ label: String, apiVersion: String) -> Result<String, ConversionError> {
        guard apiVersion == "v1" else { return .failure(ConversionError(text: "unsupported pod version: \(apiVersion)")) }
        if let base = splitSubscript(label)?.base {
            guard base == "metadata.annotations" || base == "metadata.labels" else {
                return .failure(ConversionError(text: "field label does not support subscript: \(label)"))
            }
            return .success(label)
        }
        if label == "spec.host" { return .success("spec.nodeName") }
        guard podFieldLabels.contains(label) else {
            return .failure(ConversionError(text: "field label not supported: \(label)"))
        }
        return .success(label)
    }

    /// `SplitMaybeSubscriptedPath`: `metadata.labels['app']` is (`metadata.labels`, `app`).
    private static func splitSubscript(_ path: String) -> (base: String, subscript: String)? {
        guard path.hasSuffix("']"), let open = path.range(of: "['") else { return nil }
        let base = String(path[..<open.lowerBound])
        guard !base.isEmpty, open.upperBound <= path.index(path.endIndex, offsetBy: -2) else { return nil }
        return (base, String(path[open.upperBound..<path.index(path.endIndex, offsetBy: -2)]))
    }

    /// `validateContainerResourceFieldSelector`: one of the name checks, then always the divisor's.
    static func resourceFieldSelector(_ selector: JSONValue, inVolume: Bool, at path: String) -> [FieldError] {
        var errors: [FieldError] = []
        let resource = selector.string("resource")
        let hugePages = resource.hasPrefix("requests.hugepages-") || resource.hasPrefix("limits.hugepages-")
        if inVolume && selector.string("containerName").isEmpty {
            errors.append(FieldError(.required, path + ".containerName"))
        } else if resource.isEmpty {
            errors.append(FieldError(.required, path + ".resource"))
        } else if !resources.contains(resource) && !hugePages {
            errors.append(FieldError(.notSupported(allowed: resources), path + ".resource", value: goQuoted(resource)))
        }
        guard let divisor = selector["divisor"].flatMap(Quantity.canonical), divisor != "0" else { return errors }
        let unit: String, allowed: Set<String>, listed: String
        switch resource {
        case "limits.cpu", "requests.cpu": (unit, allowed, listed) = ("cpu", ["1m", "1"], "1m and 1")
        case "limits.memory", "requests.memory": (unit, allowed, listed) = ("memory", byteDivisors, byteList)
        case "limits.ephemeral-storage", "requests.ephemeral-storage":
            (unit, allowed, listed) = ("local ephemeral storage", byteDivisors, byteList)
        case _ where hugePages: (unit, allowed, listed) = ("hugepages", byteDivisors, byteList)
        default: return errors
        }
        if !allowed.contains(divisor) {
            errors.append(FieldError(.invalid, path + ".divisor", value: goQuoted(resource),
                                     detail: "only divisor's values \(listed) are supported with the \(unit) resource"))
        }
        return errors
    }

    private static let byteList = "1, 1k, 1M, 1G, 1T, 1P, 1E, 1Ki, 1Mi, 1Gi, 1Ti, 1Pi, 1Ei"
}
