extension Container {
    /// `ValidateVolumeMounts`. `volumes` are the pod's volumes that passed validation. Upstream reports the path rules
    /// and propagation at the list (`volumeMounts.subPath`), not the item.
    func volumeMountErrors(volumes: [String: JSONValue], at path: String) -> [FieldError] {
        var errors: [FieldError] = []
        // Upstream keeps the devices in a name → path map: a later device of the same name replaces the path.
        var devices: [String: String] = [:]
        for device in raw["volumeDevices"]?.arrayValue ?? [] { devices[device.string("name")] = device.string("devicePath") }
        let deviceNames = Set(devices.keys), devicePaths = Set(devices.values)
        var mountPaths: Set<String> = []
        for (index, mount) in (raw["volumeMounts"]?.arrayValue ?? []).enumerated() {
            let itemPath = "\(path)[\(index)]"
            let name = mount.string("name"), mountPath = mount.string("mountPath")
            if name.isEmpty { errors.append(FieldError(.required, itemPath + ".name")) }
            if volumes[name] == nil { errors.append(FieldError(.notFound, itemPath + ".name", value: goQuoted(name))) }
            if mountPath.isEmpty { errors.append(FieldError(.required, itemPath + ".mountPath")) }
            if !mountPaths.insert(mountPath).inserted {
                errors.append(FieldError(.invalid, itemPath + ".mountPath", value: goQuoted(mountPath), detail: "must be unique"))
            }
            errors += Self.clashes(name: name, path: (".mountPath", mountPath), with: "volumeDevices", names: deviceNames,
                                   paths: devicePaths, at: itemPath)
            let subPath = mount.string("subPath"), subPathExpr = mount.string("subPathExpr")
            if !subPath.isEmpty { errors += VolumeRules.localDescendingPath(subPath, at: path + ".subPath") }
            if !subPathExpr.isEmpty {
                if !subPath.isEmpty {
                    errors.append(FieldError(.invalid, itemPath + ".subPathExpr", value: goQuoted(subPathExpr),
                                             detail: "subPathExpr and subPath are mutually exclusive"))
                }
                errors += VolumeRules.localDescendingPath(subPathExpr, at: path + ".subPathExpr")
            }
            errors += propagationErrors(mount, at: path + ".mountPropagation")
            errors += recursiveReadOnlyErrors(mount, at: path + ".recursiveReadOnly")
        }
        return errors
    }

    private static let propagationModes = ["Bidirectional", "HostToContainer", "None"]

    private func propagationErrors(_ mount: JSONValue, at path: String) -> [FieldError] {
        guard let mode = mount["mountPropagation"]?.stringValue else { return [] }
        guard Container.propagationModes.contains(mode) else {
            return [FieldError(.notSupported(allowed: Container.propagationModes), path, value: goQuoted(mode))]
        }
        guard mode == "Bidirectional", raw["securityContext"]?["privileged"]?.boolValue != true else { return [] }
        return [FieldError(.forbidden, path, detail: "Bidirectional mount propagation is available only to privileged containers")]
    }

    private func recursiveReadOnlyErrors(_ mount: JSONValue, at path: String) -> [FieldError] {
        guard let mode = mount["recursiveReadOnly"]?.stringValue, mode != "Disabled" else { return [] }
        guard mode == "Enabled" || mode == "IfPossible" else {
            return [FieldError(.notSupported(allowed: ["Disabled", "Enabled", "IfPossible"]), path, value: goQuoted(mode))]
        }
        var errors: [FieldError] = []
        if mount["readOnly"]?.boolValue != true {
            errors.append(FieldError(.forbidden, path, detail: "may only be specified when readOnly is true"))
        }
        if let propagation = mount["mountPropagation"]?.stringValue, propagation != "None" {
            errors.append(FieldError(.forbidden, path, detail: "may only be specified when mountPropagation is None or not specified"))
        }
        return errors
    }

    /// `ValidateVolumeDevices`: block devices come from claims only, and neither a volume nor a path may also be
    /// mounted as a file system.
    func volumeDeviceErrors(volumes: [String: JSONValue], at path: String) -> [FieldError] {
        var errors: [FieldError] = []
        let mounts = raw["volumeMounts"]?.arrayValue ?? []
        let mountNames = Set(mounts.map { $0.string("name") }), mountPaths = Set(mounts.map { $0.string("mountPath") })
        var names: Set<String> = [], devicePaths: Set<String> = []
        for (index, device) in (raw["volumeDevices"]?.arrayValue ?? []).enumerated() {
            let itemPath = "\(path)[\(index)]"
            let name = device.string("name"), devicePath = device.string("devicePath")
            if name.isEmpty { errors.append(FieldError(.required, itemPath + ".name")) }
            if names.contains(name) {
                errors.append(FieldError(.invalid, itemPath + ".name", value: goQuoted(name), detail: "must be unique"))
            }
            if let volume = volumes[name] {
                if volume["persistentVolumeClaim"].isUnset && volume["ephemeral"].isUnset {
                    errors.append(FieldError(.invalid, itemPath + ".name", value: goQuoted(name),
                                             detail: "can only use volume source type of PersistentVolumeClaim or Ephemeral for block mode"))
                }
            } else {
                errors.append(FieldError(.notFound, itemPath + ".name", value: goQuoted(name)))
            }
            if devicePath.isEmpty { errors.append(FieldError(.required, itemPath + ".devicePath")) }
            if devicePaths.contains(devicePath) {
                errors.append(FieldError(.invalid, itemPath + ".devicePath", value: goQuoted(devicePath), detail: "must be unique"))
            }
            if !devicePath.isEmpty && devicePath.split(separator: "/", omittingEmptySubsequences: false).contains("..") {
                errors.append(FieldError(.invalid, itemPath + ".devicePath", value: goQuoted(devicePath),
                                         detail: "can not contain backsteps ('..')"))
            } else {
                devicePaths.insert(devicePath)
            }
            errors += Self.clashes(name: name, path: (".devicePath", devicePath), with: "volumeMounts", names: mountNames,
                                   paths: mountPaths, at: itemPath)
            if !name.isEmpty { names.insert(name) }
        }
        return errors
    }

    /// A volume or a path both a mount and a device of the container use; each side reports its own.
    private static func clashes(
        name: String, path: (key: String, value: String), with other: String, names: Set<String>, paths: Set<String>,
        at itemPath: String
    ) -> [FieldError] {
        var errors: [FieldError] = []
        if names.contains(name) {
            errors.append(FieldError(.invalid, itemPath + ".name", value: goQuoted(name),
                                     detail: "must not already exist in \(other)"))
        }
        if paths.contains(path.value) {
            errors.append(FieldError(.invalid, itemPath + path.key, value: goQuoted(path.value),
                                     detail: "must not already exist as a path in \(other)"))
        }
        return errors
    }
}
