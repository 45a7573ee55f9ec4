import ControlPlane
import Hummingbird
import KubeModel

/// `?watch=true`: a chunked stream of `{"type":…,"object":…}` lines, one per change, read from the log.
///
/// A watch from `resourceVersion` N streams every change after event N, so nothing between a list and
/// the watch that follows it is lost; `0` or none first sends the current objects as `ADDED`. Objects are
/// plain, or one-row Tables when the client asks for Tables (`kubectl get -w`). The stream ends after
/// `timeoutSeconds`, or when the client goes away.
extension Handlers {
    func watch(namespace: String?, isConnected: @escaping @Sendable () -> Bool) async throws -> Response {
        let fields = try FieldSelector(api.query["fieldSelector"], for: resource)
        let labels = try LabelSelectorQuery(api.query["labelSelector"])
        let tableVersion = ServerTable.requestedVersion(api.accept)
        let timeout = api.query["timeoutSeconds"].flatMap(Int.init)
        let requested = api.query["resourceVersion"] ?? ""
        var initial: [ObjectChange] = []
        let start: Int64
        if requested.isEmpty || requested == "0" {
            let (head, objects) = try await snapshot(namespace: namespace)
            initial = objects.map { ObjectChange(kind: .added, object: $0, resourceVersion: head) }
            start = head
        } else if let version = Int64(requested), version >= 0 {
            start = version
        } else {
            throw APIError(.badRequest("invalid resource version: \(requested)"))
        }
        guard let watched = WatchedResource(resource) else { throw APIError(.methodNotAllowed) }
        let backend = self.backend
        let resource = self.resource
        let interval = backend.configuration.pollInterval
        let initialChanges = initial
        let body = ResponseBody { writer in
            let deadline = timeout.map { ContinuousClock.now + .seconds($0) }
            var feed = ChangeFeed(store: backend.store, resource: watched, namespace: namespace, after: start)
            var pending = initialChanges
            while isConnected() && !Task.isCancelled {
                for change in pending where fields.matches(change.object) && labels.matches(change.object) {
                    let line = Handlers.watchEvent(change, resource: resource, table: tableVersion, now: backend.now)
                    try await writer.write(ByteBuffer(string: line.canonicalJSON + "\n"))
                }
                if let deadline, ContinuousClock.now >= deadline { break }
                let current = feed
                let (advanced, changes) = try await backend.run {
                    var copy = current
                    let changes = try copy.next()
                    return (copy, changes)
                }
                feed = advanced
                pending = changes
                if changes.isEmpty { try await Task.sleep(for: interval) }
            }
            try await writer.finish(nil)
        }
        var headers = HTTPFields()
        headers[.contentType] = "application/json"
        return Response(status: .ok, headers: headers, body: body)
    }

    static func watchEvent(_ change: ObjectChange, resource: ServedResource, table: String?, now: Timestamp) -> JSONValue {
        var object = change.object.json
        if let table,
            let rows = ServerTable.table(resource, [change.object], now: now, resourceVersion: change.resourceVersion,
                                         version: table)
        {
            object = rows
        }
        return .object(["type": .string(change.kind.rawValue), "object": object])
    }
}

extension WatchedResource {
    init?(_ resource: ServedResource) {
        switch resource.name {
        case "deployments": self = .deployments
        case "replicasets": self = .replicaSets
        case "pods": self = .pods
        case "events": self = .events
        case "resourcequotas": self = .resourceQuotas
        default: return nil
        }
    }
}
