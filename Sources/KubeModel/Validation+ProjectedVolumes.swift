/// `validateProjectedVolumeSource` (v1.32; `clusterTrustBundle` is dropped before validation, its gate being off).
enum ProjectedVolumeRules {
    static func errors(_ source: JSONValue, at path: String) -> [FieldError] {
        var errors = VolumeRules.fileMode(source["defaultMode"], at: path + ".defaultMode")
        var paths: Set<String> = []
        for (index, projection) in source.list("sources").enumerated() {
            let sourcePath = "\(path).sources[\(index)]"
            var count = 0
            for key in ["secret", "configMap"] where !projection[key].isUnset {
                count += 1
                let keyed = projection[key] ?? .object([:])
                let name = keyed.string("name")
                if name.isEmpty { errors.append(FieldError(.required, "\(sourcePath).\(key).name")) }
                for (itemIndex, item) in keyed.list("items").enumerated() {
                    errors += VolumeSourceRules.keyToPath(item, at: "\(sourcePath).\(key).items[\(itemIndex)]")
                    // A clash is reported at the volume, naming the secret or config map.
                    errors += claim(item.string("path"), in: &paths, reportedAs: name, at: path)
                }
            }
            if let downward = projection["downwardAPI"], downward != .null {
                count += 1
                for item in downward.list("items") {
                    errors += DownwardAPIRules.volumeFile(item, at: sourcePath + ".downwardAPI")
                    errors += claim(item.string("path"), in: &paths, reportedAs: item.string("path"), at: path)
                }
            }
            if let token = projection["serviceAccountToken"], token != .null {
                count += 1
                errors += serviceAccountToken(token, at: sourcePath + ".serviceAccountToken", volumePath: path)
            }
            if count > 1 {
                errors.append(FieldError(.forbidden, sourcePath, detail: "may not specify more than 1 volume type per source"))
            }
        }
        return errors
    }

    private static func claim(_ file: String, in paths: inout Set<String>, reportedAs value: String, at path: String)
        -> [FieldError]
    {
        guard !file.isEmpty else { return [] }
        if paths.insert(file).inserted { return [] }
        return [FieldError(.invalid, path, value: goQuoted(value), detail: "conflicting duplicate paths")]
    }

    /// The token's lifetime, then its file, which upstream reports at the volume's `path`.
    private static func serviceAccountToken(_ token: JSONValue, at path: String, volumePath: String) -> [FieldError] {
        var errors: [FieldError] = []
        if let seconds = token["expirationSeconds"]?.intValue {
            if seconds < 600 {
                errors.append(FieldError(.invalid, path + ".expirationSeconds", value: String(seconds),
                                         detail: "may not specify a duration less than 10 minutes"))
            }
            if seconds > 1 << 32 {
                errors.append(FieldError(.invalid, path + ".expirationSeconds", value: String(seconds),
                                         detail: "may not specify a duration larger than 2^32 seconds"))
            }
        }
        let file = token.string("path")
        if file.isEmpty {
            errors.append(FieldError(.required, volumePath + ".path"))
        } else {
            errors += VolumeRules.localNonReservedPath(file, at: volumePath + ".path")
        }
        return errors
    }
}

/// `validateEphemeralVolumeSource` for a template (no pod name, so no claim-name checks).
enum EphemeralVolumeRules {
    static let accessModes = ["ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod"]
    /// `ObjectMeta`'s fields in struct order, as `validateFieldAllowList` walks them (it lowers the first letter only).
    private static let metadataFields = [
        ("name", "name"), ("generateName", "generateName"), ("namespace", "namespace"), ("selfLink", "selfLink"),
        ("uid", "uID"), ("resourceVersion", "resourceVersion"), ("generation", "generation"),
        ("creationTimestamp", "creationTimestamp"), ("deletionTimestamp", "deletionTimestamp"),
        ("deletionGracePeriodSeconds", "deletionGracePeriodSeconds"), ("ownerReferences", "ownerReferences"),
        ("finalizers", "finalizers"), ("managedFields", "managedFields"),
    ]

    static func errors(_ source: JSONValue, at path: String) -> [FieldError] {
        guard let template = source["volumeClaimTemplate"], template != .null else {
            return [FieldError(.required, path + ".volumeClaimTemplate")]
        }
        let templatePath = path + ".volumeClaimTemplate"
        let metadata = template["metadata"] ?? .object([:])
        var errors = MetadataRules.annotations(stringMap(metadata["annotations"]), at: templatePath + ".metadata.annotations")
        errors += MetadataRules.labels(stringMap(metadata["labels"]), at: templatePath + ".metadata.labels")
        for (key, reported) in metadataFields where !isZero(metadata[key]) {
            errors.append(FieldError(.forbidden, "\(templatePath).metadata.\(reported)", detail: "cannot be set"))
        }
        return errors + claimSpec(template["spec"] ?? .object([:]), at: templatePath + ".spec")
    }

    /// `ValidatePersistentVolumeClaimSpec`: access modes, selector, the storage request, class and volume mode.
    private static func claimSpec(_ spec: JSONValue, at path: String) -> [FieldError] {
        var errors: [FieldError] = []
        let modes = spec.list("accessModes").map { $0.stringValue ?? "" }
        if modes.isEmpty {
            errors.append(FieldError(.required, path + ".accessModes", detail: "at least 1 access mode is required"))
        }
        if let selector = spec.labelSelector("selector") {
            errors += selector.validationErrors(at: path + ".selector")
        }
        for mode in modes where !accessModes.contains(mode) {
            errors.append(FieldError(.notSupported(allowed: accessModes), path + ".accessModes", value: goQuoted(mode)))
        }
        if modes.contains("ReadWriteOncePod") && modes.contains(where: { $0 != "ReadWriteOncePod" && accessModes.contains($0) }) {
            errors.append(FieldError(.forbidden, path + ".accessModes",
                                     detail: "may not use ReadWriteOncePod with other access modes"))
        }
        let storagePath = path + ".resources[storage]"
        if let value = spec["resources"]?["requests"]?["storage"], let text = Quantity.canonical(value) {
            if text == "0" || text.hasPrefix("-") {
                errors.append(FieldError(.invalid, storagePath, value: goQuoted(text), detail: "must be greater than zero"))
            }
        } else {
            errors.append(FieldError(.required, storagePath))
        }
        let storageClass = spec.string("storageClassName")
        if !storageClass.isEmpty {
            errors += FieldError.invalid(storageClass, at: path + ".storageClassName",
                                         NameRules.nameIsDNSSubdomain(storageClass, prefix: false))
        }
        if let mode = spec["volumeMode"]?.stringValue, mode != "Block" && mode != "Filesystem" {
            errors.append(FieldError(.notSupported(allowed: ["Block", "Filesystem"]), path + ".volumeMode",
                                     value: goQuoted(mode)))
        }
        return errors
    }

    private static func stringMap(_ value: JSONValue?) -> [String: String]? {
        value?.objectValue?.compactMapValues(\.stringValue)
    }

    private static func isZero(_ value: JSONValue?) -> Bool {
        switch value {
        case nil, .null?, .string("")?, .int(0)?: return true
        case .array(let list)?: return list.isEmpty
        default: return false
        }
    }
}
