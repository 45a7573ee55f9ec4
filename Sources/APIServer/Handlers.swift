import ControlPlane
import Foundation
import Hummingbird
import KubeModel
import Manifests
import Store

/// The handlers of one request on one resource type. Every read goes through ``ControlPlane/read(_:)``
/// (so simulated time catches up first, as for a CLI read) and every write through a ``ControlPlane``
/// command, with the caller as actor.
struct Handlers {
    let backend: Backend
    let api: APIRequest
    let resource: ServedResource

    var plane: ControlPlane {
        backend.plane(for: api.user, request: api.commandLine, fieldValidation: fieldValidation)
    }

    /// The request's `fieldValidation` (kubectl sends Strict, or Warn or Ignore for `--validate=warn|false`).
    var fieldValidation: FieldValidation {
        api.query["fieldValidation"].flatMap(FieldValidation.init(parameter:)) ?? .strict
    }

    // MARK: - Reads

    func list(namespace: String?) async throws -> Response {
        let fields = try FieldSelector(api.query["fieldSelector"], for: resource)
        let labels = try LabelSelectorQuery(api.query["labelSelector"])
        let (head, all) = try await snapshot(namespace: namespace)
        let items = all.filter { fields.matches($0) && labels.matches($0) }
        if let version = ServerTable.requestedVersion(api.accept),
            let table = ServerTable.table(
                resource, items, now: backend.now, resourceVersion: head, version: version,
                includeObject: api.query["includeObject"])
        {
            return .json(table)
        }
        return .json(listJSON(resource, items: items, resourceVersion: head))
    }

    func get(namespace: String, name: String) async throws -> Response {
        let wantsTable = ServerTable.requestedVersion(api.accept) != nil
        let (head, object, fields) = try await find(namespace: namespace, name: name, managedFields: !wantsTable)
        if let version = ServerTable.requestedVersion(api.accept),
            let table = ServerTable.table(
                resource, [object], now: backend.now, resourceVersion: head, version: version,
                includeObject: api.query["includeObject"])
        {
            return .json(table)
        }
        var json = object.json
        if let fields { json["metadata"]?["managedFields"] = fields }
        return .json(json)
    }

    /// The objects of this resource in `namespace` (every namespace for nil), sorted by namespace and name,
    /// with the log position they reflect.
    func snapshot(namespace: String?) async throws -> (Int64, [WatchedObject]) {
        let plane = self.plane
        let resource = self.resource
        return try await backend.run {
            try plane.read { reader in
                (try reader.headSequence(), try Handlers.objects(resource, namespace: namespace, in: reader, now: plane.now))
            }
        }
    }

    /// One object, with the log position it reflects and, when asked, its managed fields from the same read.
    /// kube-apiserver serves every object with them (kubectl drops them unless --show-managed-fields); lists leave
    /// them out here, as rebuilding them replays each object's writes, and Pods have none in Rollbook.
    func find(
        namespace: String, name: String, managedFields: Bool
    ) async throws -> (Int64, WatchedObject, JSONValue?) {
        let plane = self.plane
        let resource = self.resource
        let (head, objects, fields) = try await backend.run {
            try plane.read { reader -> (Int64, [WatchedObject], JSONValue?) in
                let objects = try Handlers.objects(resource, namespace: namespace, in: reader, now: plane.now)
                var fields: JSONValue?
                if managedFields, objects.contains(where: { $0.name == name }) {
                    switch resource.name {
                    case "deployments": fields = try FieldManagerHistory.deployment(namespace: namespace, name: name, reader: reader)
                    case "replicasets": fields = try FieldManagerHistory.replicaSet(namespace: namespace, name: name, reader: reader)
                    default: break
                    }
                }
                return (try reader.headSequence(), objects, fields)
            }
        }
        guard let object = objects.first(where: { $0.name == name }) else {
            throw APIError(.notFound(resource.qualifiedName, name))
        }
        return (head, object, fields)
    }

    func find(namespace: String, name: String) async throws -> (Int64, WatchedObject) {
        let (head, objects) = try await snapshot(namespace: namespace)
        guard let object = objects.first(where: { $0.name == name }) else {
            throw APIError(.notFound(resource.qualifiedName, name))
        }
        return (head, object)
    }

    static func objects(
        _ resource: ServedResource, namespace: String?, in reader: StoreReader, now: Timestamp
    ) throws -> [WatchedObject] {
        switch resource.name {
        case "deployments": return try reader.deployments(namespace: namespace).map(WatchedObject.deployment)
        case "replicasets": return try reader.replicaSets(namespace: namespace).map(WatchedObject.replicaSet)
        case "pods": return try reader.pods(namespace: namespace).map(WatchedObject.pod)
        case "resourcequotas": return try reader.quotas(namespace: namespace).map(WatchedObject.resourceQuota)
        default:
            return try reader.kubeEvents(namespace: namespace, now: now).map(WatchedObject.event)
        }
    }

    // MARK: - Writes

    func create(namespace: String) async throws -> Response {
        let dryRun = try isDryRun()
        let body = try createBody()
        let object: ManifestObject = switch resource.name {
        case ServedResource.replicaSets.name:
            .replicaSet(try ControlPlane.decodeReplicaSetStrictly(body, validation: fieldValidation))
        case ServedResource.pods.name: .pod(try ControlPlane.decodePodStrictly(body, validation: fieldValidation))
        case ServedResource.resourceQuotas.name:
            .resourceQuota(try ControlPlane.decodeQuotaStrictly(body, validation: fieldValidation))
        default: .deployment(try ControlPlane.decodeStrictly(body, validation: fieldValidation))
        }
        if let own = object.metadata.namespace, !own.isEmpty, own != namespace {
            throw APIError(.badRequest("the namespace of the provided object does not match the namespace sent on the request"))
        }
        let plane = self.plane
        let answers = try await backend.run {
            try plane.create([(object: object, source: nil)], namespace: namespace, dryRun: dryRun)
        }
        guard let created = answers.first else { throw APIError(.notFound(resource.qualifiedName, object.name)) }
        // Under Warn, the unknown fields the decoder dropped come back as warnings, before the name warning.
        return Response.json(created.json, status: 201)
            .warning(try unknownFieldWarnings(in: body) + (created.metadata.nameWarningOnCreate.map { [$0] } ?? []))
    }

    func patch(namespace: String, name: String) async throws -> Response {
        if patchMediaType == Self.applyPatchType { return try await serverSideApply(namespace: namespace, name: name) }
        // ValidatePatchOptions: force belongs to apply patches alone.
        if api.query["force"] != nil {
            throw APIError(.patchOptionsInvalid(FieldError(.forbidden, "force", detail: "may not be specified for non-apply patch")))
        }
        let dryRun = try isDryRun()
        let patch = try objectPatch()
        let plane = self.plane
        if case .json(let operations) = patch, let entries = Self.managedFieldsReplacement(operations),
            resource.name != ServedResource.pods.name
        {
            let kind: WrittenKind = resource.name == ServedResource.replicaSets.name ? .replicaSet : .deployment
            let version = operations.first { $0["path"]?.stringValue == "/metadata/resourceVersion" }?["value"]?.stringValue
            let stored = try await backend.run {
                try plane.writeManagedFields(
                    entries, of: kind, name: name, namespace: namespace, resourceVersion: version, dryRun: dryRun)
            }
            switch stored {
            case .replicaSet(let replicaSet): return try await written(replicaSet)
            case .deployment(let deployment): return try await written(deployment)
            default: throw APIError(.methodNotAllowed)
            }
        }
        if resource.name == ServedResource.replicaSets.name {
            return try await written(try await backend.run {
                try plane.patchReplicaSet(namespace: namespace, name: name, patch: patch, dryRun: dryRun)
            })
        }
        if resource.name == ServedResource.pods.name {
            return try await written(try await backend.run {
                try plane.patchPod(namespace: namespace, name: name, patch: patch, dryRun: dryRun)
            })
        }
        if resource.name == ServedResource.resourceQuotas.name {
            return .json(WatchedObject.resourceQuota(try await backend.run {
                try plane.patchQuota(namespace: namespace, name: name, patch: patch, dryRun: dryRun)
            }).json)
        }
        let stored = try await backend.run {
            try plane.patchDeployment(namespace: namespace, name: name, patch: patch, dryRun: dryRun)
        }
        return try await written(stored)
    }

    func replace(namespace: String, name: String) async throws -> Response {
        let response = try await replaced(namespace: namespace, name: name)
        return response.warning(try unknownFieldWarnings(in: try putBody(named: name)))
    }

    /// Under `fieldValidation=Warn`, the unknown fields of a body the server drops, as its warnings.
    private func unknownFieldWarnings(in body: JSONValue) throws -> [String] {
        guard fieldValidation == .warn else { return [] }
        return (try? ManifestDecoder.decode(Data(body.canonicalJSON.utf8), source: "request", validation: .warn, fromFile: false))?
            .first?.warnings ?? []
    }

    private func replaced(namespace: String, name: String) async throws -> Response {
        let dryRun = try isDryRun()
        let body = try putBody(named: name)
        let plane = self.plane
        if resource.name == ServedResource.replicaSets.name {
            return try await written(try await backend.run {
                try plane.replaceReplicaSet(namespace: namespace, name: name, with: body, dryRun: dryRun)
            })
        }
        if resource.name == ServedResource.pods.name {
            return try await written(try await backend.run {
                try plane.replacePod(namespace: namespace, name: name, with: body, dryRun: dryRun)
            })
        }
        if resource.name == ServedResource.resourceQuotas.name {
            return .json(WatchedObject.resourceQuota(try await backend.run {
                try plane.replaceQuota(namespace: namespace, name: name, with: body, dryRun: dryRun)
            }).json)
        }
        let stored = try await backend.run {
            try plane.replaceDeployment(namespace: namespace, name: name, with: body, dryRun: dryRun)
        }
        return try await written(stored)
    }

    /// A PUT's body, whose object must carry the name the URL gives (or none).
    func putBody(named name: String) throws -> JSONValue {
        let body = try api.jsonBody()
        if let given = body["metadata"]?["name"]?.stringValue, given != name {
            throw APIError(.badRequest("the name of the object (\(given)) does not match the name on the URL (\(name))"))
        }
        return body
    }

    /// `DELETE` with `DeleteOptions` of a Deployment, ReplicaSet or Pod: `propagationPolicy` `Orphan` leaves the
    /// dependents (without their owner reference), anything else cascades in the background; `preconditions` must
    /// match the stored object. A ReplicaSet or Pod a Deployment still wants is made again by its controller.
    func delete(namespace: String, name: String) async throws -> Response {
        let options = api.body.isEmpty ? JSONValue.object([:]) : try api.jsonBody()
        // kubectl sends a delete's dry run in the body's DeleteOptions, not the query.
        let dryRun = try isDryRun() || options["dryRun"]?.arrayValue?.contains(.string("All")) == true
        let policy = options["propagationPolicy"]?.stringValue ?? api.query["propagationPolicy"]
        let cascade = policy == "Orphan" ? "orphan" : "background"
        let (_, object) = try await find(namespace: namespace, name: name)
        let live: ObjectMeta
        switch object {
        case .deployment(let deployment): live = deployment.metadata
        case .replicaSet(let rs): live = rs.metadata
        case .pod(let pod): live = pod.metadata
        case .resourceQuota(let quota): live = quota.metadata
        case .event: throw APIError(.methodNotAllowed)
        }
        if let uid = options["preconditions"]?["uid"]?.stringValue, uid != live.uid {
            throw APIError(.conflict(resource.qualifiedName, name))
        }
        if let version = options["preconditions"]?["resourceVersion"]?.stringValue, version != live.resourceVersion {
            throw APIError(.conflict(resource.qualifiedName, name))
        }
        let plane = self.plane
        // A dry run has found the object and checked the preconditions: the answer is the same, nothing goes.
        if !dryRun {
            try await backend.run {
                switch object {
                case .replicaSet: try plane.deleteReplicaSet(namespace: namespace, name: name, cascade: cascade)
                case .pod: try plane.deletePod(namespace: namespace, name: name)
                case .resourceQuota: _ = try plane.deleteQuotas(namespace: namespace, names: [name], dryRun: false)
                default: try plane.delete(namespace: namespace, name: name, cascade: cascade)
                }
            }
        }
        return .json(.object([
            "kind": .string("Status"), "apiVersion": .string("v1"), "metadata": .object([:]),
            "status": .string("Success"),
            "details": .object([
                "name": .string(name), "group": .string(resource.group), "kind": .string(resource.name),
                "uid": .string(live.uid ?? ""),
            ]),
        ]))
    }

    /// A create's body: JSON, or the protobuf kubectl's typed client sends (`kubectl create deployment`).
    private func createBody() throws -> JSONValue {
        let mediaType = api.contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        guard mediaType == ProtobufDeployment.mediaType else { return try api.jsonBody() }
        do {
            return try ProtobufDeployment.json(from: Array(api.body))
        } catch {
            throw APIError(.badRequest(error.message))
        }
    }

    /// The list a JSON patch puts in `metadata.managedFields` when that (and the `resourceVersion` precondition) is all it
    /// changes: kubectl's upgrade after a server-side apply.
    static func managedFieldsReplacement(_ operations: [JSONValue]) -> JSONValue? {
        let paths = operations.compactMap { $0["path"]?.stringValue }
        guard paths.contains("/metadata/managedFields"),
            paths.allSatisfy({ $0 == "/metadata/managedFields" || $0 == "/metadata/resourceVersion" })
        else { return nil }
        return operations.first { $0["path"]?.stringValue == "/metadata/managedFields" }?["value"]
    }

    /// The patch a PATCH body and its content type make.
    ///
    /// - Parameter applies: Whether the path takes server-side apply, which the caller handles (not subresources here).
    func objectPatch(applies: Bool = true) throws -> ObjectPatch {
        let mediaType = patchMediaType
        let known = ["application/json-patch+json", "application/merge-patch+json", "application/strategic-merge-patch+json"]
        guard known.contains(mediaType) else { throw APIError(.unsupportedPatch(mediaType, applies: applies)) }
        let body = try api.jsonBody()
        switch mediaType {
        case "application/json-patch+json":
            guard case .array(let operations) = body else {
                throw APIError(.badRequest("a JSON patch must be a list of operations"))
            }
            return .json(operations)
        case "application/merge-patch+json": return .merge(body)
        case "application/strategic-merge-patch+json": return .strategicMerge(body)
        default: throw APIError(.unsupportedPatch(mediaType, applies: applies))
        }
    }

    /// `dryRun=All`: the write is decided, checked and answered, and nothing is stored. `All` is the one value
    /// the API server accepts.
    func isDryRun() throws -> Bool {
        guard let dryRun = api.query["dryRun"], !dryRun.isEmpty else { return false }
        guard dryRun == "All" else {
            throw APIError(.badRequest("Invalid dryRun value: \"\(dryRun)\": supported values: \"All\""))
        }
        return true
    }
}
