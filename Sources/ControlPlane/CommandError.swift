import KubeModel

/// A failed command, already worded as kubectl words it. The CLI prints ``text`` on stderr.
public struct CommandError: Error, Sendable, Equatable, CustomStringConvertible {
    public var text: String
    public var exitCode: Int32
    /// The API server's answer behind the error, for errors kubectl reports as `Error from server`: what
    /// `rollbook serve` sends back as a `Status`. Nil for errors kubectl raises on the client side.
    public var status: ServerStatus?

    public init(_ text: String, exitCode: Int32 = 1, status: ServerStatus? = nil) {
        self.text = text
        self.exitCode = exitCode
        self.status = status
    }

    public var description: String { text }

    /// `error: <message>`, kubectl's wording for client-side failures.
    public static func client(_ message: String) -> CommandError { CommandError("error: \(message)") }

    public static func notFound(_ resource: String, _ name: String) -> CommandError {
        CommandError(
            "Error from server (NotFound): \(resource) \"\(name)\" not found",
            status: .notFound(resource, name))
    }

    /// An admission plugin's refusal of a create, with `error when creating "f.yaml": ` when it came from a file.
    public static func forbidden(_ resource: String, _ name: String, _ reason: String, source: String? = nil)
        -> CommandError
    {
        var status = ServerStatus.forbidden(resource, name, reason)
        if let source { status.message = "error when creating \"\(source)\": " + status.message }
        return CommandError("Error from server (Forbidden): \(status.message)", status: status)
    }

    /// A write that named a `resourceVersion` the object has moved past.
    public static func conflict(_ resource: String, _ name: String) -> CommandError {
        let status = ServerStatus.conflict(resource, name)
        return CommandError("Error from server (Conflict): \(status.message)", status: status)
    }

    /// An update whose body names another object's UID: the storage's precondition fails, and the registry turns
    /// its `StorageError` into a Conflict (409) that quotes it.
    static func uidPrecondition(_ resource: String, _ name: String, namespace: String, given: String, stored: String?)
        -> CommandError
    {
        let plural = resource.split(separator: ".").first.map(String.init) ?? resource
        let message = "StorageError: invalid object, Code: 4, Key: /registry/\(plural)/\(namespace)/\(name), "
            + "ResourceVersion: 0, AdditionalErrorMsg: Precondition failed: UID in precondition: \(given), "
            + "UID in object meta: \(stored ?? "")"
        var status = ServerStatus.conflict(resource, name)
        status.message = "Operation cannot be fulfilled on \(resource) \"\(name)\": \(message)"
        return CommandError("Error from server (Conflict): \(status.message)", status: status)
    }

    /// An update body's `resourceVersion` is a precondition: one the object has moved past is a Conflict.
    static func refusingStale(_ body: JSONValue, stored: String?, _ resource: String, _ name: String) throws {
        if let version = body["metadata"]?["resourceVersion"]?.stringValue, !version.isEmpty, version != stored {
            throw conflict(resource, name)
        }
    }

    public static func invalid(_ name: String, _ errors: [FieldError], kind: String = "Deployment", group: String = "apps")
        -> CommandError
    {
        CommandError(
            validationErrorMessage(kind: kind, name: name, errors: errors),
            status: .invalid(kind: kind, group: group, name: name, errors))
    }
}

/// Resource names as kubectl prints them in messages.
public enum Resource {
    public static let deployments = "deployments.apps"
    public static let replicaSets = "replicasets.apps"
    public static let pods = "pods"
    public static let resourceQuotas = "resourcequotas"
}
