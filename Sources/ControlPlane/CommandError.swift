import KubeModel

/// A failed command, already worded as kubectl words it. The CLI prints ``text`` on stderr.
public struct CommandError: Error, Sendable, Equatable, CustomStringConvertible {
    public var text: String
    public var exitCode: Int32

    public init(_ text: String, exitCode: Int32 = 1) {
        self.text = text
        self.exitCode = exitCode
    }

    public var description: String { text }

    /// `error: <message>`, kubectl's wording for client-side failures.
    public static func client(_ message: String) -> CommandError { CommandError("error: \(message)") }

    public static func notFound(_ resource: String, _ name: String) -> CommandError {
        CommandError("Error from server (NotFound): \(resource) \"\(name)\" not found")
    }

    public static func invalid(_ name: String, _ errors: [FieldError]) -> CommandError {
        CommandError(validationErrorMessage(kind: "Deployment", name: name, errors: errors))
    }
}

/// Resource names as kubectl prints them in messages.
public enum Resource {
    public static let deployments = "deployments.apps"
    public static let replicaSets = "replicasets.apps"
    public static let pods = "pods"
}
