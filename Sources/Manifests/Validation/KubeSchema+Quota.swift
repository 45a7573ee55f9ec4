extension KubeSchema {
    /// core/v1.ResourceQuota; its status is the quota controller's, left as it is.
    static let resourceQuota = GoStruct(
        name: "ResourceQuota",
        fields: [
            "kind": .string(), "apiVersion": .string(), "metadata": .structure(objectMeta),
            "spec": .structure(resourceQuotaSpec), "status": .opaque("v1.ResourceQuotaStatus"),
        ],
        written: ["metadata": .zero, "spec": .zero, "status": .zero])

    static let resourceQuotaSpec = GoStruct(
        name: "ResourceQuotaSpec",
        fields: [
            "hard": resourceList,
            "scopes": .slice(.string("v1.ResourceQuotaScope")),
            "scopeSelector": .structure(scopeSelector),
        ])

    static let scopeSelector = GoStruct(
        name: "ScopeSelector",
        fields: ["matchExpressions": .slice(.structure(scopedResourceSelectorRequirement))])

    static let scopedResourceSelectorRequirement = GoStruct(
        name: "ScopedResourceSelectorRequirement",
        fields: [
            "scopeName": .string("v1.ResourceQuotaScope"), "operator": .string("v1.ScopeSelectorOperator"),
            "values": strings,
        ])
}
