public import KubeModel

/// The `kubectl.kubernetes.io/last-applied-configuration` annotation kubectl writes on `apply`.
public enum LastApplied {
    /// The manifest as given, with `metadata.annotations` present (minus this very annotation) and
    /// `metadata.namespace` set, serialised the way `json.Encoder` does: compact, sorted keys, trailing newline.
    ///
    /// kubectl clears the annotation before encoding so the value never contains itself; an object without
    /// annotations therefore records `"annotations":{}`.
    ///
    /// - Parameters:
    ///   - raw: The document as read from the manifest (``ManifestDocument/raw``).
    ///   - namespace: The namespace the object goes to; an empty string leaves `metadata.namespace` out.
    public static func configuration(for raw: JSONValue, namespace: String) -> String {
        GoJSONWriter.compact(annotated(raw, namespace: namespace)) + "\n"
    }

    /// The object `apply` sends to create (and its patch's "modified"): the manifest with its namespace and this
    /// annotation.
    ///
    /// - Parameter configuration: The annotation, when the caller has already made it (``configuration(for:namespace:)``).
    public static func annotatedObject(_ raw: JSONValue, namespace: String, configuration: String? = nil) -> JSONValue {
        var object = annotated(raw, namespace: namespace)
        let text = configuration ?? self.configuration(for: raw, namespace: namespace)
        object["metadata"]?["annotations"]?[AnnotationKey.lastApplied] = .string(text)
        return object
    }

    /// What `apply set-last-applied` records: the object as the file holds it, its namespace set, in compact JSON
    /// (editor.GetApplyPatch), without the empty `annotations` apply's own encoding adds.
    public static func fileConfiguration(for raw: JSONValue, namespace: String) -> String {
        guard case .object(var object) = raw else { return GoJSONWriter.compact(raw) + "\n" }
        var metadata = object["metadata"]?.objectValue ?? [:]
        if !namespace.isEmpty { metadata["namespace"] = .string(namespace) }
        object["metadata"] = .object(metadata)
        return GoJSONWriter.compact(.object(object)) + "\n"
    }

    /// What kube-apiserver keeps in the annotation after a server-side apply by `kubectl` (lastappliedupdater.go's
    /// buildLastApplied): the configuration as applied, without this annotation, compact with sorted keys and the
    /// encoder's newline. Annotations left empty stay as an empty map; a configuration without any has none.
    public static func built(from configuration: JSONValue) -> String {
        var object = configuration
        if case .object(var annotations)? = object["metadata"]?["annotations"] {
            annotations[AnnotationKey.lastApplied] = nil
            object["metadata"]?["annotations"] = .object(annotations)
        }
        return GoJSONWriter.compact(object) + "\n"
    }

    /// GetModifiedConfiguration without the annotation (what kubectl diff patches with): the manifest with its
    /// namespace and `metadata.annotations` present, so a live object's annotations are never seen as removed.
    public static func modifiedConfiguration(_ raw: JSONValue, namespace: String) -> JSONValue {
        annotated(raw, namespace: namespace)
    }

    /// The object kubectl encodes into the annotation.
    static func annotated(_ raw: JSONValue, namespace: String) -> JSONValue {
        guard case .object(var object) = raw else { return raw }
        var metadata = object["metadata"]?.objectValue ?? [:]
        var annotations: [String: JSONValue] = [:]
        if case .object(let existing) = metadata["annotations"], existing.values.allSatisfy({ $0.stringValue != nil }) {
            annotations = existing
        }
        annotations[AnnotationKey.lastApplied] = nil
        metadata["annotations"] = .object(annotations)
        metadata["namespace"] = namespace.isEmpty ? nil : .string(namespace)
        object["metadata"] = .object(metadata)
        return .object(object)
    }
}
