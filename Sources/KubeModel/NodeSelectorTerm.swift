/// `nodeSelector` and required node affinity against a node's labels and name (component-helpers'
/// `nodeaffinity.RequiredNodeAffinity`): every `nodeSelector` label, and at least one of the required terms, whose
/// `matchExpressions` and `matchFields` all hold. A term without requirements matches nothing.
public enum NodeSelectorMatch {
    public static func matches(_ spec: PodSpec, labels: [String: String], nodeName: String) -> Bool {
        for (key, value) in spec.nodeSelector where labels[key] != value { return false }
        guard let terms = requiredTerms(spec) else { return true }
        return terms.contains { term in
            let expressions = term["matchExpressions"]?.arrayValue ?? []
            let fields = term["matchFields"]?.arrayValue ?? []
            guard !expressions.isEmpty || !fields.isEmpty else { return false }
            return expressions.allSatisfy { holds($0, value: labels[$0["key"]?.stringValue ?? ""]) }
                && fields.allSatisfy { $0["key"]?.stringValue == "metadata.name" && holds($0, value: nodeName) }
        }
    }

    /// The nodes the NodeAffinity plugin's PreFilter narrows scheduling to: when every required term names nodes
    /// (`matchFields` `metadata.name In`, intersected within a term), their union; nil when some term does not.
    public static func nodeNames(_ spec: PodSpec) -> Set<String>? {
        guard let terms = requiredTerms(spec) else { return nil }
        var names: Set<String>?
        for term in terms {
            var termNames: Set<String>?
            for field in term["matchFields"]?.arrayValue ?? []
            where field["key"]?.stringValue == "metadata.name" && field["operator"]?.stringValue == "In" {
                let values = Set((field["values"]?.arrayValue ?? []).compactMap(\.stringValue))
                termNames = termNames.map { $0.intersection(values) } ?? values
            }
            guard let termNames else { return nil }
            names = (names ?? []).union(termNames)
        }
        return names
    }

    private static func requiredTerms(_ spec: PodSpec) -> [JSONValue]? {
        spec.raw["affinity"]?["nodeAffinity"]?["requiredDuringSchedulingIgnoredDuringExecution"]?["nodeSelectorTerms"]?
            .arrayValue
    }

    /// One `NodeSelectorRequirement`: In, NotIn, Exists, DoesNotExist, and Gt/Lt comparing integers.
    private static func holds(_ requirement: JSONValue, value: String?) -> Bool {
        let values = (requirement["values"]?.arrayValue ?? []).compactMap(\.stringValue)
        switch requirement["operator"]?.stringValue {
        case "In": return value.map(values.contains) ?? false
        case "NotIn": return value.map { !values.contains($0) } ?? true
        case "Exists": return value != nil
        case "DoesNotExist": return value == nil
        case "Gt", "Lt":
            guard let value, let number = Int64(value), values.count == 1, let bound = Int64(values[0]) else { return false }
            return requirement["operator"]?.stringValue == "Gt" ? number > bound : number < bound
        default: return false
        }
    }
}
