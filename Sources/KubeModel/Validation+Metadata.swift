/// apimachinery `pkg/api/validation/objectmeta.go` and meta/v1 `ValidateLabels`, as the API server runs them.
enum MetadataRules {
    /// `TotalAnnotationSizeLimitB`: keys plus values, in bytes.
    static let totalAnnotationSizeLimit = 256 * 1024

    /// `ValidateLabels`: every key is a qualified name, every value a label value.
    ///
    /// Go walks the map in random order; keys are sorted bytewise here so the output is stable.
    static func labels(_ labels: [String: String]?, at path: String) -> [FieldError] {
        guard let labels else { return [] }
        var errors: [FieldError] = []
        for key in labels.keys.sorted(by: GoSyntax.byteOrder) {
            errors += labelName(key, at: path)
            errors += FieldError.invalid(labels[key]!, at: path, NameRules.labelValue(labels[key]!))
        }
        return errors
    }

    /// `ValidateLabelName`.
    static func labelName(_ key: String, at path: String) -> [FieldError] {
        FieldError.invalid(key, at: path, NameRules.qualifiedName(key))
    }

    /// `ValidateAnnotations`: keys are qualified names ignoring case; all keys and values fit in 256 KiB.
    static func annotations(_ annotations: [String: String]?, at path: String) -> [FieldError] {
        guard let annotations else { return [] }
        var errors: [FieldError] = []
        for key in annotations.keys.sorted(by: GoSyntax.byteOrder) {
            errors += FieldError.invalid(key, at: path, NameRules.qualifiedName(key.lowercased()))
        }
        let size = annotations.reduce(0) { $0 + $1.key.utf8.count + $1.value.utf8.count }
        if size > totalAnnotationSizeLimit {
            errors.append(FieldError(.tooLong, path, detail: "must have at most \(totalAnnotationSizeLimit) bytes"))
        }
        return errors
    }
}

extension ObjectMeta {
    /// `ValidateObjectMeta(meta, true, ValidateDeploymentName, "metadata")` for a create.
    ///
    /// The API server fills an empty namespace from the request and turns `generateName` into a name before
    /// validating, so neither an empty namespace nor an empty name with a `generateName` is an error here.
    func validationErrorsForCreate() -> [FieldError] {
        var errors: [FieldError] = []
        let prefix = generateName ?? ""
        if !prefix.isEmpty {
            errors += FieldError.invalid(prefix, at: "metadata.generateName",
                                         NameRules.nameIsDNSSubdomain(prefix, prefix: true))
        }
        if name.isEmpty {
            if prefix.isEmpty {
                errors.append(FieldError(.required, "metadata.name", detail: "name or generateName is required"))
            }
        } else {
            errors += FieldError.invalid(name, at: "metadata.name", NameRules.nameIsDNSSubdomain(name, prefix: false))
        }
        if let namespace, !namespace.isEmpty {
            errors += FieldError.invalid(namespace, at: "metadata.namespace", NameRules.dns1123Label(namespace))
        }
        errors += FieldError.nonNegative(generation ?? 0, at: "metadata.generation")
        errors += MetadataRules.labels(labels, at: "metadata.labels")
        errors += MetadataRules.annotations(annotations, at: "metadata.annotations")
        errors += ownerReferenceErrors()
        return errors
    }

    /// The parts of `ValidateObjectMetaUpdate` a client controls: name and namespace are immutable, and labels,
    /// annotations and owner references are checked again. System fields (uid, resourceVersion, generation) belong to the store.
    func validationErrorsForUpdate(from old: ObjectMeta) -> [FieldError] {
        var errors: [FieldError] = []
        if name != old.name {
            errors.append(FieldError(.invalid, "metadata.name", value: goQuoted(name), detail: FieldError.immutable))
        }
        if let namespace, !namespace.isEmpty, let oldNamespace = old.namespace, !oldNamespace.isEmpty,
            namespace != oldNamespace {
            errors.append(
                FieldError(.invalid, "metadata.namespace", value: goQuoted(namespace), detail: FieldError.immutable))
        }
        errors += MetadataRules.labels(labels, at: "metadata.labels")
        errors += MetadataRules.annotations(annotations, at: "metadata.annotations")
        errors += ownerReferenceErrors()
        return errors
    }

    /// `validateOwnerReference` of each reference: apiVersion's version, kind, name and uid must be set. (The check
    /// that one reference at most is the controller prints the references with Go pointers in them; Rollbook's
    /// claims make one controller reference only, and a user may not set one.)
    func ownerReferenceErrors() -> [FieldError] {
        var errors: [FieldError] = []
        let path = "metadata.ownerReferences"
        for reference in ownerReferences ?? [] {
            // schema.FromAPIVersionAndKind: the version is what follows the last slash, or the whole string.
            let version = reference.apiVersion.split(separator: "/", omittingEmptySubsequences: false).last ?? ""
            if version.isEmpty || reference.apiVersion.filter({ $0 == "/" }).count > 1 {
                errors.append(FieldError(.invalid, path + ".apiVersion", value: goQuoted(reference.apiVersion),
                                         detail: "version must not be empty"))
            }
            for (field, value) in [("kind", reference.kind), ("name", reference.name), ("uid", reference.uid)]
            where value.isEmpty {
                errors.append(FieldError(.invalid, "\(path).\(field)", value: goQuoted(value), detail: "must not be empty"))
            }
        }
        return errors
    }
}

extension FieldError {
    /// `apimachineryvalidation.FieldImmutableErrorMsg`.
    static let immutable = "field is immutable"

    /// One `Invalid value` error per message, with the string value quoted as Go's `%q` does.
    static func invalid(_ value: String, at path: String, _ messages: [String]) -> [FieldError] {
        messages.map { FieldError(.invalid, path, value: goQuoted(value), detail: $0) }
    }

    /// `ValidateNonnegativeField`.
    static func nonNegative(_ value: Int, at path: String) -> [FieldError] {
        guard value < 0 else { return [] }
        return [FieldError(.invalid, path, value: String(value), detail: "must be greater than or equal to 0")]
    }

    /// An enumerated string such as `imagePullPolicy`: empty is `Required`, an unlisted value `Unsupported`.
    static func oneOf(_ value: String, _ allowed: [String], at path: String) -> [FieldError] {
        if value.isEmpty { return [FieldError(.required, path)] }
        if allowed.contains(value) { return [] }
        return [FieldError(.notSupported(allowed: allowed), path, value: goQuoted(value))]
    }
}
