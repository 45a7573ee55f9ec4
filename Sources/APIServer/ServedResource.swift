import KubeModel

/// A resource type `rollbook serve` answers for, as discovery describes it.
struct ServedResource: Sendable {
    var name: String
    var singular: String
    var kind: String
    /// Empty for the core group.
    var group: String
    var shortNames: [String]
    var verbs: [String]
    var categories: [String]
    /// `scale`, answered as `autoscaling/v1` `Scale`.
    var scalable = false

    /// `status`: Deployments and ReplicaSets, whose writes there change only their status.
    var hasStatusSubresource: Bool { ["deployments", "replicasets", "resourcequotas"].contains(name) }

    static let readVerbs = ["get", "list", "watch"]
    /// What the controllers' objects take: reads, and deletion (their controller makes them again).
    static let deletableVerbs = ["delete", "get", "list", "watch"]
    static let allVerbs = ["create", "delete", "get", "list", "patch", "update", "watch"]

    static let deployments = ServedResource(
        name: "deployments", singular: "deployment", kind: "Deployment", group: "apps", shortNames: ["deploy"],
        verbs: allVerbs, categories: ["all"], scalable: true)
    static let replicaSets = ServedResource(
        name: "replicasets", singular: "replicaset", kind: "ReplicaSet", group: "apps", shortNames: ["rs"],
        verbs: allVerbs, categories: ["all"], scalable: true)
    static let pods = ServedResource(
        name: "pods", singular: "pod", kind: "Pod", group: "", shortNames: ["po"], verbs: allVerbs,
        categories: ["all"])
    static let events = ServedResource(
        name: "events", singular: "event", kind: "Event", group: "", shortNames: ["ev"], verbs: readVerbs,
        categories: [])

    static let resourceQuotas = ServedResource(
        name: "resourcequotas", singular: "resourcequota", kind: "ResourceQuota", group: "", shortNames: ["quota"],
        verbs: allVerbs, categories: [])

    static let core = [pods, events, resourceQuotas]
    static let apps = [deployments, replicaSets]

    var groupVersion: String { group.isEmpty ? "v1" : "\(group)/v1" }

    /// `deployments.apps`, `pods`: how messages name the resource.
    var qualifiedName: String { group.isEmpty ? name : "\(name).\(group)" }

    /// The entries of a legacy `APIResourceList`.
    var legacyEntries: [JSONValue] {
        var entries: [JSONValue] = [
            .object([
                "name": .string(name), "singularName": .string(singular), "namespaced": .bool(true),
                "kind": .string(kind), "verbs": .array(verbs.map(JSONValue.string)),
                "shortNames": .array(shortNames.map(JSONValue.string)),
                "categories": .array(categories.map(JSONValue.string)),
            ])
        ]
        if scalable {
            entries.append(.object([
                "name": .string("\(name)/scale"), "singularName": .string(""), "namespaced": .bool(true),
                "group": .string("autoscaling"), "version": .string("v1"), "kind": .string("Scale"),
                "verbs": .array(["get", "patch", "update"].map(JSONValue.string)),
            ]))
        }
        if hasStatusSubresource {
            entries.append(.object([
                "name": .string("\(name)/status"), "singularName": .string(""), "namespaced": .bool(true),
                "kind": .string(kind), "verbs": .array(["get", "patch", "update"].map(JSONValue.string)),
            ]))
        }
        return entries
    }

    /// The entry of an aggregated `APIVersionDiscovery`.
    var aggregatedEntry: JSONValue {
        var entry: [String: JSONValue] = [
            "resource": .string(name),
            "responseKind": .object(["group": .string(group), "version": .string("v1"), "kind": .string(kind)]),
            "scope": .string("Namespaced"), "singularResource": .string(singular),
            "verbs": .array(verbs.map(JSONValue.string)),
        ]
        if !shortNames.isEmpty { entry["shortNames"] = .array(shortNames.map(JSONValue.string)) }
        if !categories.isEmpty { entry["categories"] = .array(categories.map(JSONValue.string)) }
        var subresources: [JSONValue] = []
        if scalable {
            subresources.append(.object([
                "subresource": .string("scale"),
                "responseKind": .object([
                    "group": .string("autoscaling"), "version": .string("v1"), "kind": .string("Scale"),
                ]),
                "verbs": .array(["get", "patch", "update"].map(JSONValue.string)),
            ]))
        }
        if hasStatusSubresource {
            subresources.append(.object([
                "subresource": .string("status"),
                "responseKind": .object(["group": .string(group), "version": .string("v1"), "kind": .string(kind)]),
                "verbs": .array(["get", "patch", "update"].map(JSONValue.string)),
            ]))
        }
        if !subresources.isEmpty { entry["subresources"] = .array(subresources) }
        return .object(entry)
    }
}
