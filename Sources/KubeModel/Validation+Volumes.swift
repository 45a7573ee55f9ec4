/// `ValidateVolumes` and `validateVolumeSource` (core validation, v1.32).
enum VolumeRules {
    /// `VolumeSource`'s fields in the order upstream tests them. The first one set is the volume's source; each later
    /// one is refused at its `path` (two are misspelled upstream: `downwarAPI`, `cephFS`).
    static let sources: [(key: String, path: String)] = [
        ("emptyDir", "emptyDir"), ("hostPath", "hostPath"), ("gitRepo", "gitRepo"),
        ("gcePersistentDisk", "gcePersistentDisk"), ("awsElasticBlockStore", "awsElasticBlockStore"),
        ("secret", "secret"), ("nfs", "nfs"), ("iscsi", "iscsi"), ("glusterfs", "glusterfs"), ("flocker", "flocker"),
        ("persistentVolumeClaim", "persistentVolumeClaim"), ("rbd", "rbd"), ("cinder", "cinder"), ("cephfs", "cephFS"),
        ("quobyte", "quobyte"), ("downwardAPI", "downwarAPI"), ("fc", "fc"), ("flexVolume", "flexVolume"),
        ("configMap", "configMap"), ("azureFile", "azureFile"), ("vsphereVolume", "vsphereVolume"),
        ("photonPersistentDisk", "photonPersistentDisk"), ("portworxVolume", "portworxVolume"),
        ("azureDisk", "azureDisk"), ("storageos", "storageos"), ("projected", "projected"), ("scaleIO", "scaleIO"),
        ("csi", "csi"), ("ephemeral", "ephemeral"), ("image", "image"),
    ]

    /// The errors of `volumes`, and the volumes that had none, by name: only those can be mounted, so a mount of a
    /// volume with an error is `Not found`, and a later volume of the same name is no duplicate.
    static func volumes(_ volumes: [JSONValue], at path: String) -> (valid: [String: JSONValue], errors: [FieldError]) {
        var valid: [String: JSONValue] = [:]
        var errors: [FieldError] = []
        for (index, volume) in volumes.enumerated() {
            let itemPath = "\(path)[\(index)]"
            let name = volume["name"]?.stringValue ?? ""
            var found = sourceErrors(volume, at: itemPath)
            if name.isEmpty {
                found.append(FieldError(.required, itemPath + ".name"))
            } else {
                found += FieldError.invalid(name, at: itemPath + ".name", NameRules.dns1123Label(name))
            }
            if valid[name] != nil { found.append(FieldError(.duplicate, itemPath + ".name", value: goQuoted(name))) }
            if found.isEmpty { valid[name] = volume } else { errors += found }
        }
        return (valid, errors)
    }

    /// One source only, and that source's own rules.
    private static func sourceErrors(_ volume: JSONValue, at path: String) -> [FieldError] {
        var errors: [FieldError] = []
        var chosen: String?
        for (key, keyPath) in sources where !volume[key].isUnset {
            if chosen == nil {
                chosen = key
                errors += VolumeSourceRules.errors(of: key, volume[key] ?? .object([:]), at: "\(path).\(key)")
            } else {
                errors.append(FieldError(.forbidden, "\(path).\(keyPath)", detail: "may not specify more than 1 volume type"))
            }
        }
        if chosen == nil { errors.append(FieldError(.required, path, detail: "must specify a volume type")) }
        return errors
    }

    /// `validateLocalDescendingPath`: relative, and no `..` element.
    static func localDescendingPath(_ value: String, at path: String) -> [FieldError] {
        var errors: [FieldError] = []
        if value.hasPrefix("/") {
            errors.append(FieldError(.invalid, path, value: goQuoted(value), detail: "must be a relative path"))
        }
        errors += noBacksteps(value, at: path)
        return errors
    }

    /// `validatePathNoBacksteps`.
    static func noBacksteps(_ value: String, at path: String) -> [FieldError] {
        guard value.split(separator: "/", omittingEmptySubsequences: false).contains("..") else { return [] }
        return [FieldError(.invalid, path, value: goQuoted(value), detail: "must not contain '..'")]
    }

    /// `ValidateLocalNonReservedPath`: a descending path that does not start with `..` (kubelet's own names).
    static func localNonReservedPath(_ value: String, at path: String) -> [FieldError] {
        var errors = localDescendingPath(value, at: path)
        if value.hasPrefix("..") && !value.hasPrefix("../") {
            errors.append(FieldError(.invalid, path, value: goQuoted(value), detail: "must not start with '..'"))
        }
        return errors
    }

    /// A file mode: 0 to 0777, printed in decimal as Go prints an `int32`.
    static func fileMode(_ value: JSONValue?, at path: String) -> [FieldError] {
        guard let mode = value?.intValue, mode < 0 || mode > 0o777 else { return [] }
        return [FieldError(.invalid, path, value: String(mode),
                           detail: "must be a number between 0 and 0777 (octal), both inclusive")]
    }
}

extension JSONValue {
    /// The string at `key`, `""` when missing, as Go decodes a string field.
    func string(_ key: String) -> String { self[key]?.stringValue ?? "" }

    /// The list at `key`, empty when missing.
    func list(_ key: String) -> [JSONValue] { self[key]?.arrayValue ?? [] }
}
