/// `validateSysctls` and `ValidateHostSysctl` (v1.32): names, duplicates, and no namespaced sysctl of a namespace the
/// pod shares with the host.
enum SysctlRules {
    static let namePattern = "^([a-z0-9]([-_a-z0-9]*[a-z0-9])?[\\./])*[a-z0-9]([-_a-z0-9]*[a-z0-9])?$"
    /// IPC sysctls named exactly (the rest of the IPC namespace is `fs.mqueue.*`).
    private static let ipcNames: Set<String> = [
        "kernel.sem", "kernel.shmall", "kernel.shmmax", "kernel.shmmni", "kernel.shm_rmid_forced", "kernel.shm",
        "kernel.msgmax", "kernel.msgmnb", "kernel.msgmni", "kernel.msg",
    ]

    static func errors(_ sysctls: [JSONValue], spec: [String: JSONValue], at path: String) -> [FieldError] {
        var errors: [FieldError] = []
        var names: Set<String> = []
        for (index, sysctl) in sysctls.enumerated() {
            let name = sysctl.string("name"), namePath = "\(path)[\(index)].name"
            if name.isEmpty {
                errors.append(FieldError(.required, namePath))
            } else if !isValid(name) {
                errors.append(FieldError(.invalid, namePath, value: goQuoted(name),
                                         detail: "must have at most 253 characters and match regex \(namePattern)"))
            } else if names.contains(name) {
                errors.append(FieldError(.duplicate, namePath, value: goQuoted(name)))
            }
            let namespace = self.namespace(of: normalized(name))
            if namespace == "net" && spec["hostNetwork"]?.boolValue == true {
                errors.append(FieldError(.invalid, namePath, value: goQuoted(name),
                                         detail: "may not be specified when 'hostNetwork' is true"))
            } else if namespace == "ipc" && spec["hostIPC"]?.boolValue == true {
                errors.append(FieldError(.invalid, namePath, value: goQuoted(name),
                                         detail: "may not be specified when 'hostIPC' is true"))
            }
            names.insert(name)
        }
        return errors
    }

    /// `IsValidSysctlName`: segments of `[a-z0-9]([-_a-z0-9]*[a-z0-9])?` joined by `.` or `/`.
    private static func isValid(_ name: String) -> Bool {
        guard name.utf8.count <= 253 else { return false }
        let inner: Set<UInt8> = [UInt8(ascii: "-"), UInt8(ascii: "_")]
        return name.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "." || $0 == "/" }).allSatisfy { part in
            let bytes = Array(part.utf8)
            guard let first = bytes.first, let last = bytes.last else { return false }
            return NameRules.isLowerAlphanumeric(first) && NameRules.isLowerAlphanumeric(last)
                && bytes.allSatisfy { NameRules.isLowerAlphanumeric($0) || inner.contains($0) }
        }
    }

    /// `NormalizeName`: a name written with slashes (`net/ipv4/ip_forward`) is read with dots, up to any `*`.
    private static func normalized(_ name: String) -> String {
        var result = name
        if let separator = name.firstIndex(where: { $0 == "." || $0 == "/" }), name[separator] == "/" {
            result = String(name.map { $0 == "." ? "/" : $0 == "/" ? "." : $0 })
        }
        if let star = result.firstIndex(of: "*") { result = String(result[..<star]) }
        return result
    }

    private static func namespace(of name: String) -> String? {
        if ipcNames.contains(name) || name.hasPrefix("fs.mqueue.") { return "ipc" }
        return name.hasPrefix("net.") ? "net" : nil
    }
}
