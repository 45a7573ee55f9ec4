import ControlPlane
import Foundation
import Hummingbird
import KubeModel
import Manifests

extension Handlers {
    /// The media type of a server-side apply (kubectl sends JSON under it, which is YAML too).
    static let applyPatchType = "application/apply-patch+yaml"

    var patchMediaType: String {
        api.contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
    }

    /// `PATCH` of type `application/apply-patch+yaml`: the body is the configuration, merged into the object under the
    /// `fieldManager` (required), creating it when there is none (201). `force=true` takes conflicting fields.
    func serverSideApply(namespace: String, name: String) async throws -> Response {
        let dryRun = try isDryRun()
        guard let manager = api.query["fieldManager"], !manager.isEmpty else {
            throw APIError(.patchOptionsInvalid(FieldError(.required, "fieldManager", detail: "is required for apply patch")))
        }
        // versioncheck.go: the body's group, version and kind must be the resource's, before anything decodes it.
        let body: JSONValue
        do {
            body = try YAMLText.json(String(decoding: api.body, as: UTF8.self))
        } catch {
            throw APIError(.badRequest("error decoding YAML: \(error.message)"))
        }
        let version = body["apiVersion"]?.stringValue ?? "", kindName = body["kind"]?.stringValue ?? ""
        guard version == resource.groupVersion, kindName == resource.kind else {
            throw APIError(.badRequest("invalid object type: \(version.contains("/") ? version : "/" + version), Kind=\(kindName)"))
        }
        let documents: [ManifestDocument]
        do {
            // Unknown fields are the typed conversion's to refuse (ControlPlane.serverSideApply).
            documents = try ManifestDecoder.decode(api.body, source: "request", validation: .ignore, fromFile: false)
        } catch {
            throw APIError(.badRequest("error decoding YAML: \(error.message)"))
        }
        guard documents.count == 1, let document = documents.first else {
            throw APIError(.badRequest("error decoding YAML: one object is expected"))
        }
        if document.object.name != name {
            throw APIError(.badRequest("the name of the object (\(document.object.name)) does not match the name on the URL (\(name))"))
        }
        if let own = document.object.metadata.namespace, !own.isEmpty, own != namespace {
            throw APIError(.badRequest("the namespace of the provided object does not match the namespace sent on the request"))
        }
        var configuration = document.raw
        // The body's JSON as the server decodes it; the namespace is the request's.
        if configuration["metadata"]?["namespace"] == nil { configuration["metadata"]?["namespace"] = .string(namespace) }
        let request = ControlPlane.ApplyRequest(
            configuration: configuration, name: name, namespace: namespace, manager: manager, force: api.flag("force"),
            dryRun: dryRun)
        let plane = self.plane
        let (stored, created) = try await backend.run { try plane.serverSideApply(document, request: request) }
        let response: Response = switch stored {
        case .replicaSet(let replicaSet): try await written(replicaSet)
        case .deployment(let deployment): try await written(deployment)
        default: throw APIError(.methodNotAllowed)
        }
        guard created else { return response }
        var answer = response
        answer.status = .created
        return answer
    }
}

extension ServerStatus {
    /// `PatchOptions.meta.k8s.io "" is invalid: …`, what `ValidatePatchOptions` answers.
    static func patchOptionsInvalid(_ error: FieldError) -> ServerStatus {
        .invalid(kind: "PatchOptions", group: "meta.k8s.io", name: "", [error])
    }
}
