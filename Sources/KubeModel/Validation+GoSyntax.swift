/// Go `%#v` renderings of the values validation errors carry (`field.Error` falls back to `%#v` for structs and maps).
///
/// The API server validates internal types, so package prefixes are those of the internal packages:
/// `v1.LabelSelector` (shared with meta/v1), `apps.DeploymentStrategy`.
enum GoSyntax {
    /// `map[string]string{"app":"web", "tier":"db"}`; keys in byte order as `fmt` sorts them; nil prints `(nil)`.
    static func stringMap(_ map: [String: String]?) -> String {
        guard let map else { return "map[string]string(nil)" }
        let entries = map.keys.sorted(by: byteOrder).map { "\(goQuoted($0)):\(goQuoted(map[$0]!))" }
        return "map[string]string{" + entries.joined(separator: ", ") + "}"
    }

    /// `[]string{"a", "b"}` or `[]string(nil)`.
    static func stringSlice(_ values: [String]?) -> String {
        guard let values else { return "[]string(nil)" }
        return "[]string{" + values.map(goQuoted).joined(separator: ", ") + "}"
    }

    /// `v1.LabelSelector{MatchLabels:map[string]string{"app":"web"},
    /// MatchExpressions:[]v1.LabelSelectorRequirement(nil)}` (on one line).
    static func labelSelector(_ selector: LabelSelector) -> String {
        let expressions: String
        if let requirements = selector.matchExpressions {
            let items = requirements.map { requirement in
                "v1.LabelSelectorRequirement{Key:\(goQuoted(requirement.key)), "
                    + "Operator:\(goQuoted(requirement.operator)), Values:\(stringSlice(requirement.values))}"
            }
            expressions = "[]v1.LabelSelectorRequirement{" + items.joined(separator: ", ") + "}"
        } else {
            expressions = "[]v1.LabelSelectorRequirement(nil)"
        }
        return "v1.LabelSelector{MatchLabels:\(stringMap(selector.matchLabels)), MatchExpressions:\(expressions)}"
    }

    /// `apps.DeploymentStrategy{Type:"Foo", RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}`.
    ///
    /// Go prints a set `rollingUpdate` as a heap address, which cannot be reproduced; a fixed placeholder
    /// address stands in for it.
    static func strategy(_ strategy: DeploymentStrategy?) -> String {
        let rolling = strategy?.rollingUpdate == nil ? "nil" : placeholderAddress
        return "apps.DeploymentStrategy{Type:\(goQuoted(strategy?.type ?? "")), "
            + "RollingUpdate:(*apps.RollingUpdateDeployment)(\(rolling))}"
    }

    static let placeholderAddress = "0xc000000000"

    /// Go compares strings bytewise; Swift's `<` follows Unicode canonical equivalence instead.
    static func byteOrder(_ lhs: String, _ rhs: String) -> Bool {
        lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
    }
}
