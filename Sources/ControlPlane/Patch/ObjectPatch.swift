public import KubeModel

/// A PATCH body, by its content type: the three patch kinds the Kubernetes API accepts for built-in types.
///
/// ```swift
/// let patch = ObjectPatch.strategicMerge(try JSONValue.parse(#"{"spec":{"paused":true}}"#))
/// let patched = try patch.applied(to: try JSONValue(encoding: deployment))
/// ```
public enum ObjectPatch: Sendable, Hashable {
    /// `application/json-patch+json`, RFC 6902: a list of operations (`rollout undo` sends one).
    case json([JSONValue])
    /// `application/merge-patch+json`, RFC 7386 (`scale` sends one to the `scale` subresource).
    case merge(JSONValue)
    /// `application/strategic-merge-patch+json`: lists of named things merge by key (`set image`, `apply`,
    /// `rollout pause`).
    case strategicMerge(JSONValue)

    /// The object after the patch.
    ///
    /// - Throws: ``PatchError`` when the patch does not apply (a missing path, a failed `test`, a malformed body).
    public func applied(to object: JSONValue) throws(PatchError) -> JSONValue {
        switch self {
        case .json(let operations): try JSONPatch.apply(operations, to: object)
        case .merge(let patch): MergePatch.apply(patch, to: object)
        case .strategicMerge(let patch): try StrategicMergePatch.apply(patch, to: object)
        }
    }

    /// Whether the patch replaces the whole pod template: what `kubectl rollout undo` does.
    var replacesTemplate: Bool {
        guard case .json(let operations) = self else { return false }
        return operations.contains { $0["op"]?.stringValue == "replace" && $0["path"]?.stringValue == "/spec/template" }
    }
}

/// A patch that does not apply; the API server answers it with a `Status` carrying ``message``.
public struct PatchError: Error, Sendable, Hashable, CustomStringConvertible {
    public var message: String
    /// Whether the server answers 400 BadRequest (a malformed patch) or, as for errors the strategic merge raises
    /// that `interpretStrategicMergePatchError` passes through unconverted, a 500 without a reason.
    public var isBadRequest: Bool

    public init(_ message: String, isBadRequest: Bool = true) {
        self.message = message
        self.isBadRequest = isBadRequest
    }

    public var description: String { message }

    /// The server's answer: kubectl prints `Error from server (BadRequest): …`, or `Error from server: …`.
    public var status: ServerStatus {
        isBadRequest ? .badRequest(message) : ServerStatus(code: 500, reason: "", message: message)
    }

    /// The failed write, worded as kubectl words the server's answer.
    public var commandError: CommandError {
        let status = status
        let reason = status.reason.isEmpty ? "" : " (\(status.reason))"
        return CommandError("Error from server\(reason): \(message)", status: status)
    }
}
