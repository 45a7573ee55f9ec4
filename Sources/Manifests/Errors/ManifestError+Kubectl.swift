import KubeModel

extension ManifestError {
    /// The line kubectl v1.32 prints for this error (without the trailing newline), assuming the object is created.
    ///
    /// ```
    /// error: error parsing f.yaml: error converting YAML to JSON: yaml: line 3: could not find expected ':'
    /// Error from server (BadRequest): error when creating "f.yaml": Deployment in version "v1" cannot be handled …
    /// ```
    public var kubectlMessage: String { kubectlMessage(verb: .creating) }

    /// The line kubectl prints, with the server verb of `error when <verb> "f.yaml"` chosen by the caller.
    ///
    /// `kubectl apply` creates objects that do not exist yet and patches the others; for a patch kubectl adds its
    /// `error when applying patch: …` preamble around this text, which needs the patch and is left to the caller.
    public func kubectlMessage(verb: Verb) -> String {
        switch stage {
        case .parsing:
            return "error: error parsing \(source): \(message)"
        case .validating:
            return "error: error validating \(goQuoted(source)): error validating data: \(message); "
                + "if you choose to ignore these errors, turn validation off with --validate=false"
        case .decoding:
            return "error: unable to decode \(goQuoted(source)): \(message)"
        case .mapping:
            return "error: resource mapping not found for name: \(goQuoted(name ?? "")) namespace: "
                + "\(goQuoted(namespace ?? "")) from \(goQuoted(source)): \(message)\nensure CRDs are installed first"
        case .listItemMapping:
            return "error: unable to recognize \(message)"
        case .server(let reason):
            return "Error from server (\(reason)): error when \(verb.rawValue) \(goQuoted(source)): \(message)"
        case .plain:
            return "error: \(message)"
        }
    }
}
