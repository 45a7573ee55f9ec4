import KubeModel

/// What the Kubernetes API server answers when it refuses a request: a `metav1.Status` as data.
///
/// The CLI prints ``CommandError/text``; `rollbook serve` sends this as the `Status` body with ``code`` as
/// the HTTP status, so the real kubectl prints the same line.
///
/// ```swift
/// catch let error as CommandError where error.status?.reason == "NotFound" { … }
/// ```
public struct ServerStatus: Sendable, Hashable {
    /// The HTTP status code: 404, 409, 422…
    public var code: Int
    /// `NotFound`, `AlreadyExists`, `Conflict`, `Invalid`, `BadRequest`…
    public var reason: String
    public var message: String
    /// `details.group`, `details.kind` (a resource name such as `deployments`, or a kind for `Invalid`) and
    /// `details.name`.
    public var group: String?
    public var kind: String?
    public var name: String?
    /// `details.causes`, one per field error (kubectl builds its `is invalid` lines from them).
    public var causes: [FieldError]

    public init(
        code: Int, reason: String, message: String, group: String? = nil, kind: String? = nil, name: String? = nil,
        causes: [FieldError] = []
    ) {
        self.code = code
        self.reason = reason
        self.message = message
        self.group = group
        self.kind = kind
        self.name = name
        self.causes = causes
    }

    /// `deployments.apps "web" not found`, with `details` split from the qualified resource.
    public static func notFound(_ resource: String, _ name: String) -> ServerStatus {
        let (plural, group) = split(resource)
        return ServerStatus(
            code: 404, reason: "NotFound", message: "\(resource) \"\(name)\" not found", group: group, kind: plural,
            name: name)
    }

    public static func alreadyExists(_ resource: String, _ name: String) -> ServerStatus {
        let (plural, group) = split(resource)
        return ServerStatus(
            code: 409, reason: "AlreadyExists", message: "\(resource) \"\(name)\" already exists", group: group,
            kind: plural, name: name)
    }

    /// The answer to a write that named a `resourceVersion` the object has moved past.
    /// An admission plugin's refusal: `pods "web-" is forbidden: exceeded quota: …` (403).
    public static func forbidden(_ resource: String, _ name: String, _ reason: String) -> ServerStatus {
        let (plural, group) = split(resource)
        return ServerStatus(
            code: 403, reason: "Forbidden", message: "\(resource) \"\(name)\" is forbidden: \(reason)", group: group,
            kind: plural, name: name)
    }

    public static func conflict(_ resource: String, _ name: String) -> ServerStatus {
        let (plural, group) = split(resource)
        return ServerStatus(
            code: 409, reason: "Conflict",
            message: "Operation cannot be fulfilled on \(resource) \"\(name)\": the object has been modified; "
                + "please apply your changes to the latest version and try again",
            group: group, kind: plural, name: name)
    }

    /// `Deployment.apps "web" is invalid: <cause>` or `…: [<cause>, <cause>]`, as the server words it.
    public static func invalid(kind: String, group: String, name: String, _ errors: [FieldError]) -> ServerStatus {
        let message = invalidStatusMessage(kind: kind, group: group, name: name, errors: errors)
        return ServerStatus(
            code: 422, reason: "Invalid", message: message, group: group, kind: kind, name: name, causes: errors)
    }

    public static func badRequest(_ message: String) -> ServerStatus {
        ServerStatus(code: 400, reason: "BadRequest", message: message)
    }

    /// `deployments.apps` → (`deployments`, `apps`); `pods` → (`pods`, nil).
    private static func split(_ resource: String) -> (String, String?) {
        guard let dot = resource.firstIndex(of: ".") else { return (resource, nil) }
        return (String(resource[..<dot]), String(resource[resource.index(after: dot)...]))
    }
}
