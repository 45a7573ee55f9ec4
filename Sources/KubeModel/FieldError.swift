/// One validation problem, like apimachinery's `field.Error`. Rendering lives in ``FieldError/message``.
public struct FieldError: Error, Sendable, Hashable {
    public enum Kind: Sendable, Hashable {
        case required
        case invalid
        case notSupported(allowed: [String])
        case duplicate
        case forbidden
        case tooLong
        case notFound
        /// A server-side apply's conflict on the field (a `FieldManagerConflict` cause): `detail` names the manager.
        case fieldManagerConflict
    }

    /// Dotted path with `[i]` indices, e.g. `spec.template.spec.containers[0].name`.
    public var path: String
    public var kind: Kind
    /// The offending value already rendered the way Go would (`"My_App"`, `-1`, `map[string]string{...}`).
    public var value: String?
    public var detail: String

    public init(_ kind: Kind, _ path: String, value: String? = nil, detail: String = "") {
        self.kind = kind
        self.path = path
        self.value = value
        self.detail = detail
    }

    /// `<path>: <Type>[: <value>][: <detail>]`, exactly as `field.Error.Error()` prints it.
    public var message: String {
        var body: String
        switch kind {
        case .required: body = "Required value"
        case .forbidden: body = "Forbidden"
        case .tooLong: body = "Too long"
        case .fieldManagerConflict: return "\(path): \(detail)"
        case .invalid: body = "Invalid value: \(value ?? "null")"
        case .duplicate: body = "Duplicate value: \(value ?? "null")"
        case .notFound: body = "Not found: \(value ?? "null")"
        case .notSupported(let allowed):
            body = "Unsupported value: \(value ?? "null")"
            if !allowed.isEmpty {
                body += ": supported values: " + allowed.map { "\"\($0)\"" }.joined(separator: ", ")
            }
            return "\(path): \(body)"
        }
        if !detail.isEmpty { body += ": \(detail)" }
        return "\(path): \(body)"
    }
}
