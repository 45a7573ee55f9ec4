/// The rules of each volume source (`validate<Kind>VolumeSource`, v1.32), in the order upstream appends them.
/// In-tree sources that are deprecated or removed get their required fields checked only.
enum VolumeSourceRules {
    static func errors(of key: String, _ source: JSONValue, at path: String) -> [FieldError] {
        switch key {
        case "emptyDir": return emptyDir(source, at: path)
        case "hostPath": return hostPath(source, at: path)
        case "gitRepo":
            return required(source, ["repository"], at: path)
                + VolumeRules.localDescendingPath(source.string("directory"), at: path + ".directory")
        case "gcePersistentDisk":
            // Upstream reports this source's fields under `persistentDisk`.
            let diskPath = String(path.dropLast("gcePersistentDisk".count)) + "persistentDisk"
            return required(source, ["pdName"], at: diskPath) + partition(source, at: diskPath)
        case "awsElasticBlockStore": return required(source, ["volumeID"], at: path) + partition(source, at: path)
        case "secret": return keyedFiles(source, nameKey: "secretName", at: path)
        case "configMap": return keyedFiles(source, nameKey: "name", at: path)
        case "nfs": return nfs(source, at: path)
        case "glusterfs": return required(source, ["endpoints", "path"], at: path)
        case "flocker": return flocker(source, at: path)
        case "persistentVolumeClaim": return required(source, ["claimName"], at: path)
        case "rbd": return required(source, ["monitors", "image"], at: path)
        case "cinder": return required(source, ["volumeID"], at: path) + secretReference(source, at: path)
        case "cephfs": return required(source, ["monitors"], at: path)
        case "flexVolume": return required(source, ["driver"], at: path) + flexOptions(source, at: path)
        case "azureFile": return required(source, ["secretName", "shareName"], at: path)
        case "vsphereVolume": return required(source, ["volumePath"], at: path)
        case "photonPersistentDisk": return required(source, ["pdID"], at: path)
        case "portworxVolume": return required(source, ["volumeID"], at: path)
        case "downwardAPI":
            return VolumeRules.fileMode(source["defaultMode"], at: path + ".defaultMode")
                + source.list("items").flatMap { DownwardAPIRules.volumeFile($0, at: path) }
        case "projected": return ProjectedVolumeRules.errors(source, at: path)
        case "csi": return csi(source, at: path)
        case "ephemeral": return EphemeralVolumeRules.errors(source, at: path)
        default: return []
        }
    }

    /// `Required value` for each named field that is empty (a string) or has no entries (a list).
    private static func required(_ source: JSONValue, _ keys: [String], at path: String) -> [FieldError] {
        keys.compactMap { key in
            let value = source[key]
            let empty = value.isUnset || value == .string("") || value?.arrayValue?.isEmpty == true
            return empty ? FieldError(.required, "\(path).\(key)") : nil
        }
    }

    private static func emptyDir(_ source: JSONValue, at path: String) -> [FieldError] {
        guard let text = source["sizeLimit"].flatMap(Quantity.canonical), let limit = Quantity(parsing: text),
            limit.isNegative
        else { return [] }
        return [FieldError(.forbidden, path + ".sizeLimit", detail: "SizeLimit field must be a valid resource quantity")]
    }

    static let hostPathTypes = ["", "BlockDevice", "CharDevice", "Directory", "DirectoryOrCreate", "File", "FileOrCreate",
                                "Socket"]

    private static func hostPath(_ source: JSONValue, at path: String) -> [FieldError] {
        let hostPath = source.string("path")
        guard !hostPath.isEmpty else { return [FieldError(.required, path + ".path")] }
        var errors = VolumeRules.noBacksteps(hostPath, at: path + ".path")
        if let type = source["type"]?.stringValue, !hostPathTypes.contains(type) {
            errors.append(FieldError(.notSupported(allowed: hostPathTypes), path + ".type", value: goQuoted(type)))
        }
        return errors
    }

    /// A disk partition; upstream's message says 1 although 0 (the whole disk) passes.
    private static func partition(_ source: JSONValue, at path: String) -> [FieldError] {
        guard let partition = source["partition"]?.intValue, partition < 0 || partition > 255 else { return [] }
        return [FieldError(.invalid, path + ".partition", value: String(partition),
                           detail: "must be between 1 and 255, inclusive")]
    }

    /// A secret or config map volume: its name, default mode and items.
    private static func keyedFiles(_ source: JSONValue, nameKey: String, at path: String) -> [FieldError] {
        var errors = required(source, [nameKey], at: path)
        errors += VolumeRules.fileMode(source["defaultMode"], at: path + ".defaultMode")
        for (index, item) in source.list("items").enumerated() {
            errors += keyToPath(item, at: "\(path).items[\(index)]")
        }
        return errors
    }

    /// `validateKeyToPath`.
    static func keyToPath(_ item: JSONValue, at path: String) -> [FieldError] {
        var errors = required(item, ["key", "path"], at: path)
        errors += VolumeRules.localNonReservedPath(item.string("path"), at: path + ".path")
        errors += VolumeRules.fileMode(item["mode"], at: path + ".mode")
        return errors
    }

    private static func nfs(_ source: JSONValue, at path: String) -> [FieldError] {
        var errors = required(source, ["server", "path"], at: path)
        let exportPath = source.string("path")
        if !exportPath.hasPrefix("/") {
            errors.append(FieldError(.invalid, path + ".path", value: goQuoted(exportPath), detail: "must be an absolute path"))
        }
        return errors
    }

    private static func flocker(_ source: JSONValue, at path: String) -> [FieldError] {
        let name = source.string("datasetName"), uuid = source.string("datasetUUID")
        if name.isEmpty && uuid.isEmpty {
            return [FieldError(.required, path, detail: "one of datasetName and datasetUUID is required")]
        }
        var errors: [FieldError] = []
        if !name.isEmpty && !uuid.isEmpty {
            errors.append(FieldError(.invalid, path, value: "\"resource\"",
                                     detail: "datasetName and datasetUUID can not be specified simultaneously"))
        }
        if name.contains("/") {
            errors.append(FieldError(.invalid, path + ".datasetName", value: goQuoted(name), detail: "must not contain '/'"))
        }
        return errors
    }

    /// Option keys may not claim the `kubernetes.io` or `k8s.io` namespaces (Go walks the map unordered; sorted here).
    private static func flexOptions(_ source: JSONValue, at path: String) -> [FieldError] {
        (source["options"]?.objectValue ?? [:]).keys.sorted(by: GoSyntax.byteOrder).compactMap { key in
            let domain = key.split(separator: "/").first.map { $0.lowercased() } ?? ""
            let reserved = key.contains("/") && ["kubernetes.io", "k8s.io"].contains { domain == $0 || domain.hasSuffix("." + $0) }
            return reserved ? FieldError(.invalid, "\(path).options[\(key)]", value: goQuoted(key),
                                         detail: "kubernetes.io and k8s.io namespaces are reserved") : nil
        }
    }

    private static func secretReference(_ source: JSONValue, at path: String) -> [FieldError] {
        guard let reference = source["secretRef"], reference != .null, reference.string("name").isEmpty else { return [] }
        return [FieldError(.required, path + ".secretRef.name")]
    }

    /// `ValidateCSIDriverName`, then the publish secret (whose bad name upstream reports at `csi.name`).
    private static func csi(_ source: JSONValue, at path: String) -> [FieldError] {
        let driver = source.string("driver")
        var errors: [FieldError] = []
        if driver.isEmpty { errors.append(FieldError(.required, path + ".driver")) }
        if driver.utf8.count > 63 {
            errors.append(FieldError(.tooLong, path + ".driver", detail: "must have at most 63 bytes"))
        }
        errors += FieldError.invalid(driver, at: path + ".driver", NameRules.dns1123Subdomain(driver.lowercased()))
        if let secret = source["nodePublishSecretRef"], secret != .null {
            let name = secret.string("name")
            if name.isEmpty {
                errors.append(FieldError(.required, path + ".nodePublishSecretRef.name"))
            } else {
                errors += FieldError.invalid(name, at: path + ".name", NameRules.nameIsDNSSubdomain(name, prefix: false))
            }
        }
        return errors
    }
}
