import Foundation

/// `ValidateSecurityContext` (a container's) and `validatePodSpecSecurityContext` (v1.32). Privileged containers
/// are allowed (`--allow-privileged`, which every common installer sets); `procMount` was reset to `Default`
/// before validation; Windows options are not checked.
enum SecurityContextRules {
    /// User and group IDs: upstream's `maxUserID`/`maxGroupID` in v1.32.
    static let maxID = Int(Int32.max)

    static func container(_ context: JSONValue, at path: String) -> [FieldError] {
        var errors = ids(context, ["runAsUser", "runAsGroup"], at: path)
        errors += seccomp(context["seccompProfile"], at: path + ".seccompProfile")
        if context["allowPrivilegeEscalation"]?.boolValue == false {
            if context["privileged"]?.boolValue == true {
                errors.append(FieldError(.invalid, path, value: goSyntax(context),
                                         detail: "cannot set `allowPrivilegeEscalation` to false and `privileged` to true"))
            }
            for added in context["capabilities"]?.list("add") ?? [] where added.stringValue == "CAP_SYS_ADMIN" {
                errors.append(FieldError(.invalid, path, value: goSyntax(context),
                                         detail: "cannot set `allowPrivilegeEscalation` to false and `capabilities.Add` CAP_SYS_ADMIN"))
            }
        }
        errors += appArmor(context["appArmorProfile"], at: path + ".appArmorProfile")
        return errors
    }

    /// The pod's context; `shareProcessNamespace`, `hostPID` and `hostNetwork` live on the spec in v1.
    static func pod(_ spec: [String: JSONValue], at path: String) -> [FieldError] {
        let context = spec["securityContext"] ?? .object([:])
        var errors = ids(context, ["fsGroup", "runAsUser", "runAsGroup"], at: path)
        for (index, group) in context.list("supplementalGroups").enumerated() {
            errors += idErrors(group.intValue ?? 0, at: "\(path).supplementalGroups[\(index)]")
        }
        if spec["shareProcessNamespace"]?.boolValue == true && spec["hostPID"]?.boolValue == true {
            errors.append(FieldError(.invalid, path + ".shareProcessNamespace", value: "true",
                                     detail: "ShareProcessNamespace and HostPID cannot both be enabled"))
        }
        errors += SysctlRules.errors(context.list("sysctls"), spec: spec, at: path + ".sysctls")
        if let policy = context["fsGroupChangePolicy"]?.stringValue, policy != "Always" && policy != "OnRootMismatch" {
            errors.append(FieldError(.notSupported(allowed: ["Always", "OnRootMismatch"]), path + ".fsGroupChangePolicy",
                                     value: goQuoted(policy)))
        }
        errors += seccomp(context["seccompProfile"], at: path + ".seccompProfile")
        errors += appArmor(context["appArmorProfile"], at: path + ".appArmorProfile")
        return errors
    }

    private static func ids(_ context: JSONValue, _ keys: [String], at path: String) -> [FieldError] {
        keys.flatMap { key in context[key]?.intValue.map { idErrors($0, at: "\(path).\(key)") } ?? [] }
    }

    private static func idErrors(_ id: Int, at path: String) -> [FieldError] {
        guard id < 0 || id > maxID else { return [] }
        return [FieldError(.invalid, path, value: String(id), detail: NameRules.inclusiveRangeError(0, maxID))]
    }

    private static let profileTypes = ["Localhost", "RuntimeDefault", "Unconfined"]

    /// `validateSeccompProfileField`.
    static func seccomp(_ profile: JSONValue?, at path: String) -> [FieldError] {
        guard let profile, profile != .null else { return [] }
        var errors: [FieldError] = []
        let type = profile.string("type")
        if type.isEmpty {
            errors.append(FieldError(.required, path + ".type", detail: "type is required when seccompProfile is set"))
        } else if !profileTypes.contains(type) {
            errors.append(FieldError(.notSupported(allowed: profileTypes), path + ".type", value: goQuoted(type)))
        }
        let local = profile["localhostProfile"]?.stringValue
        if type == "Localhost" {
            if let local {
                errors += VolumeRules.localDescendingPath(local, at: path + ".localhostProfile")
            } else {
                errors.append(FieldError(.required, path + ".localhostProfile", detail: "must be set when seccomp type is Localhost"))
            }
        } else if local != nil {
            let value = "core.SeccompProfile{Type:\(goQuoted(type)), LocalhostProfile:(*string)(\(GoSyntax.placeholderAddress))}"
            errors.append(FieldError(.invalid, path + ".localhostProfile", value: value,
                                     detail: "can only be set when seccomp type is Localhost"))
        }
        return errors
    }

    /// `ValidateAppArmorProfileField`.
    static func appArmor(_ profile: JSONValue?, at path: String) -> [FieldError] {
        guard let profile, profile != .null else { return [] }
        let local = profile["localhostProfile"]?.stringValue
        let localPath = path + ".localhostProfile"
        switch profile.string("type") {
        case "Localhost":
            let required = FieldError(.required, localPath, detail: "must be set when AppArmor type is Localhost")
            guard let local else { return [required] }
            var errors: [FieldError] = []
            if local.trimmingCharacters(in: .whitespacesAndNewlines) != local {
                errors.append(FieldError(.invalid, localPath, value: goQuoted(local), detail: "must not be padded with whitespace"))
            } else if local.isEmpty {
                errors.append(required)
            }
            if local.utf8.count > 4095 { errors.append(FieldError(.tooLong, localPath, detail: "must have at most 4095 bytes")) }
            return errors
        case "RuntimeDefault", "Unconfined":
            guard let local else { return [] }
            return [FieldError(.invalid, localPath, value: goQuoted(local), detail: "can only be set when AppArmor type is Localhost")]
        case "":
            return [FieldError(.required, path + ".type", detail: "type is required when appArmorProfile is set")]
        case let type:
            return [FieldError(.notSupported(allowed: profileTypes), path + ".type", value: goQuoted(type))]
        }
    }

    /// `%#v` of the internal `core.SecurityContext`: set pointers print as a (placeholder) heap address.
    private static func goSyntax(_ context: JSONValue) -> String {
        let fields: [(String, String, String)] = [
            ("Capabilities", "capabilities", "*core.Capabilities"), ("Privileged", "privileged", "*bool"),
            ("SELinuxOptions", "seLinuxOptions", "*core.SELinuxOptions"),
            ("WindowsOptions", "windowsOptions", "*core.WindowsSecurityContextOptions"),
            ("RunAsUser", "runAsUser", "*int64"), ("RunAsGroup", "runAsGroup", "*int64"),
            ("RunAsNonRoot", "runAsNonRoot", "*bool"), ("ReadOnlyRootFilesystem", "readOnlyRootFilesystem", "*bool"),
            ("AllowPrivilegeEscalation", "allowPrivilegeEscalation", "*bool"),
            ("ProcMount", "procMount", "*core.ProcMountType"), ("SeccompProfile", "seccompProfile", "*core.SeccompProfile"),
            ("AppArmorProfile", "appArmorProfile", "*core.AppArmorProfile"),
        ]
        let printed = fields.map { name, key, type in
            "\(name):(\(type))(\(context[key].isUnset ? "nil" : GoSyntax.placeholderAddress))"
        }
        return "core.SecurityContext{" + printed.joined(separator: ", ") + "}"
    }
}
