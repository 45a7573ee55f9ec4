import ControlPlane
import Foundation
import Hummingbird
import KubeModel
import Manifests
import Store

/// A refusal on its way to the client as a `Status` object.
struct APIError: Error {
    var status: ServerStatus

    init(_ status: ServerStatus) { self.status = status }
}

extension ServerStatus {
    static let unauthorized = ServerStatus(code: 401, reason: "Unauthorized", message: "Unauthorized")

    /// What kube-apiserver answers for a path it does not serve.
    static let pathNotFound = ServerStatus(
        code: 404, reason: "NotFound", message: "the server could not find the requested resource")

    static let methodNotAllowed = ServerStatus(
        code: 405, reason: "MethodNotAllowed", message: "the server does not allow this method on the requested resource")

    /// - Parameter applies: Whether the path takes server-side apply (the objects do; here their subresources do not).
    static func unsupportedPatch(_ contentType: String, applies: Bool = true) -> ServerStatus {
        ServerStatus(
            code: 415, reason: "UnsupportedMediaType",
            message: "the body of the request was in an unknown format - accepted media types include: "
                + "application/json-patch+json, application/merge-patch+json, application/strategic-merge-patch+json"
                + (applies ? ", application/apply-patch+yaml" : "") + (contentType.isEmpty ? "" : " (got \(contentType))"))
    }

    static func internalError(_ message: String) -> ServerStatus {
        ServerStatus(code: 500, reason: "InternalError", message: "Internal error occurred: \(message)")
    }

    /// The `Status` any error amounts to: a command's own status, the reason in kubectl's
    /// `Error from server (<reason>): …` line, a manifest the strict decoder refused, or an internal error.
    init(_ error: any Error) {
        switch error {
        case let error as APIError:
            self = error.status
        case let error as CommandError:
            self = error.status ?? ServerStatus(commandText: error.text)
        case let error as ManifestError:
            self = .badRequest(error.message)
        case let error as StoreError:
            self = .internalError(error.message)
        default:
            self = .internalError("\(error)")
        }
    }

    /// Reads a status back from the line kubectl would print for it.
    private init(commandText text: String) {
        let prefix = "Error from server ("
        if text.hasPrefix(prefix), let close = text.range(of: "): ") {
            let reason = String(text[text.index(text.startIndex, offsetBy: prefix.count)..<close.lowerBound])
            self.init(code: ServerStatus.code(of: reason), reason: reason, message: String(text[close.upperBound...]))
        } else {
            let message = text.hasPrefix("error: ") ? String(text.dropFirst("error: ".count)) : text
            self = .badRequest(message)
        }
    }

    static func code(of reason: String) -> Int {
        switch reason {
        case "BadRequest": 400
        case "Unauthorized": 401
        case "Forbidden": 403
        case "NotFound": 404
        case "MethodNotAllowed": 405
        case "AlreadyExists", "Conflict": 409
        case "Gone", "Expired": 410
        case "Invalid": 422
        default: 500
        }
    }

    /// The `metav1.Status` object.
    var json: JSONValue {
        var object: [String: JSONValue] = [
            "kind": .string("Status"), "apiVersion": .string("v1"), "metadata": .object([:]), "status": .string("Failure"),
            "message": .string(message), "code": .int(code),
        ]
        // `reason` is omitempty: an error the server did not classify has none.
        if !reason.isEmpty { object["reason"] = .string(reason) }
        var details: [String: JSONValue] = [:]
        if let name { details["name"] = .string(name) }
        if let group { details["group"] = .string(group) }
        if let kind { details["kind"] = .string(kind) }
        if !causes.isEmpty { details["causes"] = .array(causes.map(\.statusCause)) }
        if !details.isEmpty { object["details"] = .object(details) }
        return .object(object)
    }

    var response: Response { .json(json, status: code) }
}

extension FieldError {
    /// A `metav1.StatusCause`: kubectl prints `<field>: <message>` from it.
    var statusCause: JSONValue {
        let reason: String
        switch kind {
        case .required: reason = "FieldValueRequired"
        case .invalid: reason = "FieldValueInvalid"
        case .notSupported: reason = "FieldValueNotSupported"
        case .duplicate: reason = "FieldValueDuplicate"
        case .forbidden: reason = "FieldValueForbidden"
        case .tooLong: reason = "FieldValueTooLong"
        case .notFound: reason = "FieldValueNotFound"
        case .fieldManagerConflict: reason = "FieldManagerConflict"
        }
        let full = message
        let body = full.hasPrefix(path + ": ") ? String(full.dropFirst(path.count + 2)) : full
        return .object(["reason": .string(reason), "message": .string(body), "field": .string(path)])
    }
}
