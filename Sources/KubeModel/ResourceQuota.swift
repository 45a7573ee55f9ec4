/// `v1.ResourceQuota`: hard limits on what the Pods of one namespace may request, and what they use now.
/// Quantities are kept in their canonical text (`500m`, `1Gi`), as the API server stores them.
public struct ResourceQuota: Sendable, Hashable, Codable {
    public var apiVersion: String = "v1"
    public var kind: String = "ResourceQuota"
    public var metadata: ObjectMeta
    public var spec: ResourceQuotaSpec
    public var status: ResourceQuotaStatus?

    public init(metadata: ObjectMeta, spec: ResourceQuotaSpec) {
        self.metadata = metadata
        self.spec = spec
    }

    public var name: String { metadata.name }
    public var namespace: String { metadata.namespace ?? "default" }
}

public struct ResourceQuotaSpec: Sendable, Hashable, Codable {
    public var hard: [String: String]?
    public var scopes: [String]?
    public var scopeSelector: ScopeSelector?

    public init(hard: [String: String]? = nil, scopes: [String]? = nil, scopeSelector: ScopeSelector? = nil) {
        self.hard = hard
        self.scopes = scopes
        self.scopeSelector = scopeSelector
    }
}

public struct ScopeSelector: Sendable, Hashable, Codable {
    public var matchExpressions: [ScopedResourceSelectorRequirement]?

    public init(matchExpressions: [ScopedResourceSelectorRequirement]?) { self.matchExpressions = matchExpressions }
}

public struct ScopedResourceSelectorRequirement: Sendable, Hashable, Codable {
    public var scopeName: String
    public var `operator`: String
    public var values: [String]?

    public init(scopeName: String, operator: String, values: [String]? = nil) {
        self.scopeName = scopeName
        self.operator = `operator`
        self.values = values
    }
}

public struct ResourceQuotaStatus: Sendable, Hashable, Codable {
    public var hard: [String: String]?
    public var used: [String: String]?

    public init(hard: [String: String]?, used: [String: String]?) {
        self.hard = hard
        self.used = used
    }
}

extension ResourceQuota {
    /// The scopes a Pod must match to count, as `getScopeSelectorsFromQuota` lists them: each of `scopes` as an
    /// `Exists` requirement, then the selector's expressions.
    public var scopeRequirements: [ScopedResourceSelectorRequirement] {
        (spec.scopes ?? []).map { ScopedResourceSelectorRequirement(scopeName: $0, operator: "Exists") }
            + (spec.scopeSelector?.matchExpressions ?? [])
    }
}
