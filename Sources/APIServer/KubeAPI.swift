import ControlPlane
import Foundation
import Hummingbird
import KubeModel

/// The HTTP face of the control plane: authenticates, routes Kubernetes API paths to handlers, and turns
/// every error into a `Status`.
struct KubeAPI: HTTPResponder {
    typealias Context = KubeRequestContext

    let backend: Backend
    /// `HOST:PORT` as clients reach the server, for `/api`'s `serverAddressByClientCIDRs`.
    let address: @Sendable () -> String

    /// The largest request body read (the API server's own limit is 3 MiB).
    static let maxBody = 3 * 1024 * 1024 + 4096

    func respond(to request: Request, context: Context) async throws -> Response {
        do {
            let segments = request.uri.path.split(separator: "/").map(String.init)
            if ["healthz", "livez", "readyz"].contains(segments.first ?? ""), segments.count == 1 {
                return .text("ok")
            }
            guard let user = backend.configuration.authenticator.user(authorization: request.headers[.authorization])
            else { throw APIError(.unauthorized) }
            var request = request
            let buffer = try await request.collectBody(upTo: KubeAPI.maxBody)
            let api = APIRequest(request, body: Data(buffer.readableBytesView), user: user)
            return try await route(api, segments: segments, context: context)
        } catch {
            return ServerStatus(error).response
        }
    }

    private func route(_ api: APIRequest, segments: [String], context: Context) async throws -> Response {
        switch segments {
        case ["version"]: return try get(api) { .json(Discovery.version) }
        case ["api"]: return try get(api) { Discovery.api(accept: api.accept, host: address()) }
        case ["apis"]: return try get(api) { Discovery.apis(accept: api.accept) }
        case ["api", "v1"]: return try get(api) { .json(Discovery.resourceList(groupVersion: "v1", ServedResource.core)) }
        case ["apis", "apps", "v1"]:
            return try get(api) { .json(Discovery.resourceList(groupVersion: "apps/v1", ServedResource.apps)) }
        // Namespaces exist implicitly in Rollbook; kubectl looks one up after a NotFound in it.
        case let path where path.count == 4 && path.starts(with: ["api", "v1", "namespaces"]):
            return try get(api) { .json(Discovery.namespace(path[3])) }
        case ["openapi", "v3"]: return try get(api) { .json(OpenAPI.root) }
        case ["openapi", "v3", "apis", "apps", "v1"]: return try get(api) { .json(OpenAPI.groupDocument) }
        case ["openapi", "v3", "api", "v1"]: return try get(api) { .json(OpenAPI.coreDocument) }
        default: break
        }
        guard let target = ResourcePath(segments) else { throw APIError(.pathNotFound) }
        let handlers = Handlers(backend: backend, api: api, resource: target.resource)
        switch (target.name, target.subresource) {
        case (nil, _):
            switch api.method {
            case .get where api.flag("watch"):
                return try await handlers.watch(namespace: target.namespace, isConnected: context.isConnected)
            case .get: return try await handlers.list(namespace: target.namespace)
            case .post where target.resource.verbs.contains("create"):
                guard let namespace = target.namespace else { throw APIError(.methodNotAllowed) }
                return try await handlers.create(namespace: namespace)
            default: throw APIError(.methodNotAllowed)
            }
        case (let name?, nil):
            guard let namespace = target.namespace else { throw APIError(.pathNotFound) }
            switch api.method {
            case .get: return try await handlers.get(namespace: namespace, name: name)
            case .patch where target.resource.verbs.contains("patch"):
                return try await handlers.patch(namespace: namespace, name: name)
            case .put where target.resource.verbs.contains("update"):
                return try await handlers.replace(namespace: namespace, name: name)
            case .delete where target.resource.verbs.contains("delete"):
                return try await handlers.delete(namespace: namespace, name: name)
            default: throw APIError(.methodNotAllowed)
            }
        case (let name?, "status"?) where target.resource.hasStatusSubresource:
            guard let namespace = target.namespace else { throw APIError(.pathNotFound) }
            switch api.method {
            case .get: return try await handlers.get(namespace: namespace, name: name)
            case .patch: return try await handlers.patchStatus(namespace: namespace, name: name)
            case .put: return try await handlers.replaceStatus(namespace: namespace, name: name)
            default: throw APIError(.methodNotAllowed)
            }
        case (let name?, "scale"?) where target.resource.scalable:
            guard let namespace = target.namespace else { throw APIError(.pathNotFound) }
            switch api.method {
            case .get: return try await handlers.getScale(namespace: namespace, name: name)
            case .patch: return try await handlers.patchScale(namespace: namespace, name: name)
            case .put: return try await handlers.replaceScale(namespace: namespace, name: name)
            default: throw APIError(.methodNotAllowed)
            }
        default:
            throw APIError(.pathNotFound)
        }
    }

    private func get(_ api: APIRequest, _ answer: () -> Response) throws -> Response {
        guard api.method == .get else { throw APIError(.methodNotAllowed) }
        return answer()
    }
}

/// `/api/v1/namespaces/{ns}/pods/{name}`, `/apis/apps/v1/deployments`…, split into its parts.
struct ResourcePath {
    var resource: ServedResource
    /// Nil for a list across every namespace.
    var namespace: String?
    var name: String?
    var subresource: String?

    init?(_ segments: [String]) {
        var rest: ArraySlice<String>
        let served: [ServedResource]
        if segments.starts(with: ["api", "v1"]) {
            rest = segments.dropFirst(2)
            served = ServedResource.core
        } else if segments.starts(with: ["apis", "apps", "v1"]) {
            rest = segments.dropFirst(3)
            served = ServedResource.apps
        } else {
            return nil
        }
        if rest.first == "namespaces" {
            guard rest.count >= 3 else { return nil }
            namespace = rest.dropFirst().first
            rest = rest.dropFirst(2)
        }
        guard let first = rest.first, let resource = served.first(where: { $0.name == first }), rest.count <= 3 else {
            return nil
        }
        self.resource = resource
        name = rest.dropFirst().first
        subresource = rest.dropFirst(2).first
    }
}
