import Hummingbird
import KubeModel

/// `/version`, `/api`, `/apis` and the two `APIResourceList`s: what kubectl reads before its first request.
///
/// `/api` and `/apis` answer in the aggregated form (`apidiscovery.k8s.io/v2`) when the client asks for it,
/// as kubectl v1.32 does, which saves it the two `APIResourceList` requests; else in the legacy form.
enum Discovery {
    /// kubectl's dispatcher picks its client version from `minor`: 32 keeps kubectl v1.32.
    static let version: JSONValue = .object([
        "major": .string("1"), "minor": .string("32"), "gitVersion": .string("v1.32.0-rollbook"),
        "gitCommit": .string("0000000000000000000000000000000000000000"), "gitTreeState": .string("clean"),
        "buildDate": .string("2026-01-01T00:00:00Z"), "goVersion": .string("go1.23.4"), "compiler": .string("gc"),
        "platform": .string("linux/amd64"),
    ])

    static let aggregatedContentType = "application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList"

    /// Whether an `Accept` header asks for `apidiscovery.k8s.io/v2` `APIGroupDiscoveryList`.
    static func wantsAggregated(_ accept: String?) -> Bool {
        guard let accept else { return false }
        return accept.split(separator: ",").contains { range in
            let parameters = range.split(separator: ";").map { $0.trimmingCharacters(in: .whitespaces) }
            return parameters.contains("g=apidiscovery.k8s.io") && parameters.contains("v=v2")
                && parameters.contains("as=APIGroupDiscoveryList")
        }
    }

    static func api(accept: String?, host: String) -> Response {
        if wantsAggregated(accept) { return .json(aggregated(group: nil, ServedResource.core), contentType: aggregatedContentType) }
        return .json(.object([
            "kind": .string("APIVersions"), "versions": .array([.string("v1")]),
            "serverAddressByClientCIDRs": .array([
                .object(["clientCIDR": .string("0.0.0.0/0"), "serverAddress": .string(host)])
            ]),
        ]))
    }

    static func apis(accept: String?) -> Response {
        if wantsAggregated(accept) { return .json(aggregated(group: "apps", ServedResource.apps), contentType: aggregatedContentType) }
        let version: JSONValue = .object(["groupVersion": .string("apps/v1"), "version": .string("v1")])
        return .json(.object([
            "kind": .string("APIGroupList"), "apiVersion": .string("v1"),
            "groups": .array([
                .object(["name": .string("apps"), "versions": .array([version]), "preferredVersion": version])
            ]),
        ]))
    }

    static func resourceList(groupVersion: String, _ resources: [ServedResource]) -> JSONValue {
        .object([
            "kind": .string("APIResourceList"), "apiVersion": .string("v1"), "groupVersion": .string(groupVersion),
            "resources": .array(resources.flatMap(\.legacyEntries)),
        ])
    }

    private static func aggregated(group: String?, _ resources: [ServedResource]) -> JSONValue {
        var metadata: [String: JSONValue] = ["creationTimestamp": .null]
        if let group { metadata["name"] = .string(group) }
        return .object([
            "kind": .string("APIGroupDiscoveryList"), "apiVersion": .string("apidiscovery.k8s.io/v2"),
            "metadata": .object([:]),
            "items": .array([
                .object([
                    "metadata": .object(metadata),
                    "versions": .array([
                        .object([
                            "version": .string("v1"), "resources": .array(resources.map(\.aggregatedEntry)),
                            "freshness": .string("Current"),
                        ])
                    ]),
                ])
            ]),
        ])
    }
}
