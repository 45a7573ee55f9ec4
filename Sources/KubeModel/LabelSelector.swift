/// `metav1.LabelSelector`.
public struct LabelSelector: Sendable, Hashable, Codable {
    public var matchLabels: [String: String]?
    public var matchExpressions: [Requirement]?

    public struct Requirement: Sendable, Hashable, Codable {
        public var key: String
        public var `operator`: String
        public var values: [String]?

        public init(key: String, operator: String, values: [String]? = nil) {
            self.key = key
            self.operator = `operator`
            self.values = values
        }
    }

    public init(matchLabels: [String: String]? = nil, matchExpressions: [Requirement]? = nil) {
        self.matchLabels = matchLabels
        self.matchExpressions = matchExpressions
    }

    public var isEmpty: Bool { (matchLabels ?? [:]).isEmpty && (matchExpressions ?? []).isEmpty }

    /// Whether a set of labels satisfies every requirement. An empty selector matches everything.
    public func matches(_ labels: [String: String]) -> Bool {
        for (key, value) in matchLabels ?? [:] where labels[key] != value { return false }
        for requirement in matchExpressions ?? [] {
            let value = labels[requirement.key]
            let values = requirement.values ?? []
            switch requirement.operator {
            case "In": if value.map({ !values.contains($0) }) ?? true { return false }
            case "NotIn": if let value, values.contains(value) { return false }
            case "Exists": if value == nil { return false }
            case "DoesNotExist": if value != nil { return false }
            default: return false
            }
        }
        return true
    }

    /// The selector string kubectl prints: requirements sorted by key, e.g. `app=web,tier in (a,b)`.
    /// Returns `<none>` for an empty selector (FormatLabelSelector).
    public var formatted: String {
        var parts: [(String, String)] = []
        for (key, value) in matchLabels ?? [:] { parts.append((key, "\(key)=\(value)")) }
        for requirement in matchExpressions ?? [] {
            let values = (requirement.values ?? []).sorted().joined(separator: ",")
            switch requirement.operator {
            case "In": parts.append((requirement.key, "\(requirement.key) in (\(values))"))
            case "NotIn": parts.append((requirement.key, "\(requirement.key) notin (\(values))"))
            case "Exists": parts.append((requirement.key, requirement.key))
            case "DoesNotExist": parts.append((requirement.key, "!\(requirement.key)"))
            default: parts.append((requirement.key, "\(requirement.key) \(requirement.operator) (\(values))"))
            }
        }
        if parts.isEmpty { return "<none>" }
        return parts.sorted { $0.0 < $1.0 }.map(\.1).joined(separator: ",")
    }
}
