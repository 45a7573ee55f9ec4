extension Container {
    /// `validateEnvVarValueFrom`: each source's rules, then exactly one source, and no `value` beside it.
    static func valueFromErrors(_ variable: JSONValue, at path: String) -> [FieldError] {
        guard let valueFrom = variable["valueFrom"], valueFrom != .null else { return [] }
        var errors: [FieldError] = []
        var count = 0
        if let fieldRef = valueFrom["fieldRef"], fieldRef != .null {
            count += 1
            errors += DownwardAPIRules.objectFieldSelector(fieldRef, allowed: DownwardAPIRules.envFieldPaths,
                                                           at: path + ".fieldRef")
        }
        if let resourceRef = valueFrom["resourceFieldRef"], resourceRef != .null {
            count += 1
            errors += DownwardAPIRules.resourceFieldSelector(resourceRef, inVolume: false, at: path + ".resourceFieldRef")
        }
        for key in ["configMapKeyRef", "secretKeyRef"] {
            guard let reference = valueFrom[key], reference != .null else { continue }
            count += 1
            errors += keySelectorErrors(reference, at: "\(path).\(key)")
        }
        let detail: String? =
            count == 0 ? "must specify one of: `fieldRef`, `resourceFieldRef`, `configMapKeyRef` or `secretKeyRef`"
            : !variable.string("value").isEmpty ? "may not be specified when `value` is not empty"
            : count > 1 ? "may not have more than one field specified at a time" : nil
        if let detail { errors.append(FieldError(.invalid, path, value: "\"\"", detail: detail)) }
        return errors
    }

    /// A config map's or secret's key: the object's name (no `Required`: an empty name fails the name rule), then the key.
    private static func keySelectorErrors(_ reference: JSONValue, at path: String) -> [FieldError] {
        let name = reference.string("name"), key = reference.string("key")
        var errors = FieldError.invalid(name, at: path + ".name", NameRules.nameIsDNSSubdomain(name, prefix: false))
        if key.isEmpty {
            errors.append(FieldError(.required, path + ".key"))
        } else {
            errors += FieldError.invalid(key, at: path + ".key", configMapKey(key))
        }
        return errors
    }

    /// `IsConfigMapKey`.
    static func configMapKey(_ key: String) -> [String] {
        var errors: [String] = []
        if key.utf8.count > 253 { errors.append(NameRules.maxLengthError(253)) }
        let allowed: Set<UInt8> = [UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_")]
        if key.isEmpty || !key.utf8.allSatisfy({ NameRules.isAlphanumeric($0) || allowed.contains($0) }) {
            errors.append(NameRules.regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
                                               format: "[-._a-zA-Z0-9]+", examples: ["key.name", "KEY_NAME", "key-name"]))
        }
        if key == "." {
            errors.append("must not be '.'")
        } else if key == ".." {
            errors.append("must not be '..'")
        } else if key.hasPrefix("..") {
            errors.append("must not start with '..'")
        }
        return errors
    }

    /// `ValidateEnvFrom`. Upstream reports a wrong number of sources at the list, without the entry's index.
    func envFromErrors(at path: String) -> [FieldError] {
        var errors: [FieldError] = []
        for (index, source) in (raw["envFrom"]?.arrayValue ?? []).enumerated() {
            let itemPath = "\(path)[\(index)]"
            let prefix = source.string("prefix")
            if !prefix.isEmpty { errors += FieldError.invalid(prefix, at: itemPath + ".prefix", NameRules.relaxedEnvVarName(prefix)) }
            var count = 0
            for key in ["configMapRef", "secretRef"] {
                guard let reference = source[key], reference != .null else { continue }
                count += 1
                let name = reference.string("name")
                if name.isEmpty {
                    errors.append(FieldError(.required, "\(itemPath).\(key).name"))
                } else {
                    errors += FieldError.invalid(name, at: "\(itemPath).\(key).name", NameRules.nameIsDNSSubdomain(name, prefix: true))
                }
            }
            if count == 0 {
                errors.append(FieldError(.invalid, path, value: "\"\"", detail: "must specify one of: `configMapRef` or `secretRef`"))
            } else if count > 1 {
                errors.append(FieldError(.invalid, path, value: "\"\"", detail: "may not have more than one field specified at a time"))
            }
        }
        return errors
    }
}
