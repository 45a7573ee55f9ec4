/// `validateOS`, `validateLinux` and `validateWindows` (v1.32): what a pod that names its OS may not set.
enum OSRules {
    private static let windowsPodFields = [
        ("appArmorProfile", "securityContext.appArmorProfile"), ("seLinuxOptions", "securityContext.seLinuxOptions"),
        ("hostPID", "hostPID"), ("hostIPC", "hostIPC"), ("seccompProfile", "securityContext.seccompProfile"),
        ("fsGroup", "securityContext.fsGroup"), ("fsGroupChangePolicy", "securityContext.fsGroupChangePolicy"),
        ("sysctls", "securityContext.sysctls"), ("shareProcessNamespace", "shareProcessNamespace"),
        ("runAsUser", "securityContext.runAsUser"), ("runAsGroup", "securityContext.runAsGroup"),
        ("supplementalGroups", "securityContext.supplementalGroups"),
    ]
    private static let windowsContainerFields = [
        "appArmorProfile", "seLinuxOptions", "seccompProfile", "capabilities", "readOnlyRootFilesystem", "privileged",
        "allowPrivilegeEscalation", "procMount", "runAsUser", "runAsGroup",
    ]

    static func errors(_ name: String, spec: [String: JSONValue], at path: String) -> [FieldError] {
        if name.isEmpty { return [FieldError(.required, path + ".os.name", detail: "cannot be empty")] }
        switch name {
        case "linux": return linux(spec, at: path)
        case "windows": return windows(spec, at: path)
        default: return [FieldError(.notSupported(allowed: ["linux", "windows"]), path + ".os", value: goQuoted(name))]
        }
    }

    private static func linux(_ spec: [String: JSONValue], at path: String) -> [FieldError] {
        let detail = "windows options cannot be set for a linux pod"
        var errors: [FieldError] = []
        if !(spec["securityContext"]?["windowsOptions"]).isUnset {
            errors.append(FieldError(.forbidden, path + ".securityContext.windowsOptions", detail: detail))
        }
        for (containerPath, context) in containerContexts(spec, at: path) where !context["windowsOptions"].isUnset {
            errors.append(FieldError(.forbidden, containerPath + ".securityContext.windowsOptions", detail: detail))
        }
        return errors
    }

    private static func windows(_ spec: [String: JSONValue], at path: String) -> [FieldError] {
        let detail = "cannot be set for a windows pod"
        let context = spec["securityContext"] ?? .object([:])
        var errors: [FieldError] = []
        for (key, fieldPath) in windowsPodFields {
            let value = ["hostPID", "hostIPC", "shareProcessNamespace"].contains(key) ? spec[key] : context[key]
            let set = key == "hostPID" || key == "hostIPC" ? value?.boolValue == true
                : key == "sysctls" ? !(value?.arrayValue ?? []).isEmpty : !value.isUnset
            if set { errors.append(FieldError(.forbidden, "\(path).\(fieldPath)", detail: detail)) }
        }
        for (containerPath, containerContext) in containerContexts(spec, at: path) {
            for key in windowsContainerFields where !containerContext[key].isUnset {
                errors.append(FieldError(.forbidden, "\(containerPath).securityContext.\(key)", detail: detail))
            }
        }
        return errors
    }

    /// Each init, then regular, container's path and security context.
    private static func containerContexts(_ spec: [String: JSONValue], at path: String) -> [(String, JSONValue)] {
        ["initContainers", "containers"].flatMap { kind in
            (spec[kind]?.arrayValue ?? []).enumerated().compactMap { index, container in
                guard let context = container["securityContext"], context != .null else { return nil }
                return ("\(path).\(kind)[\(index)]", context)
            }
        }
    }
}
