import Testing
@testable import KubeModel

struct SelectorValidationTests {
    typealias Requirement = LabelSelector.Requirement

    static let cases: [ValidationCase] = [
        ValidationCase("replicas not negative",
                       "spec.replicas: Invalid value: -1: must be greater than or equal to 0") {
            $0.spec.replicas = -1
        },
        ValidationCase("selector required; a nil selector matches nothing", [
            "spec.selector: Required value",
            Expected.mismatch,
        ]) {
            $0.spec.selector = nil
        },
        ValidationCase("empty selector is invalid (and matches everything)", [
            "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), "
                + "MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: empty selector is invalid for deployment",
        ]) {
            $0.spec.selector = LabelSelector()
        },
        ValidationCase("empty but non-nil maps render as {}", [
            "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{}, "
                + "MatchExpressions:[]v1.LabelSelectorRequirement{}}: empty selector is invalid for deployment",
        ]) {
            $0.spec.selector = LabelSelector(matchLabels: [:], matchExpressions: [])
        },
        ValidationCase("selector must match template labels", Expected.mismatch) {
            $0.spec.selector = LabelSelector(matchLabels: ["app": "api"])
        },
        ValidationCase("mismatch renders every template label in key order", [
            "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\", \"tier\":\"fe\"}: "
                + "`selector` does not match template `labels`",
        ]) {
            $0.spec.selector = LabelSelector(matchLabels: ["app": "web", "tier": "be"])
            $0.spec.template.metadata.labels = ["tier": "fe", "app": "web"]
        },
        ValidationCase("template without labels renders a nil map", [
            "spec.template.metadata.labels: Invalid value: map[string]string(nil): "
                + "`selector` does not match template `labels`",
        ]) {
            $0.spec.template.metadata.labels = nil
        },
        ValidationCase("matching expressions are accepted", []) {
            $0.spec.selector = LabelSelector(matchExpressions: [
                Requirement(key: "app", operator: "In", values: ["web", "api"]),
                Requirement(key: "canary", operator: "DoesNotExist"),
            ])
        },
        ValidationCase("unknown operator; the template is then skipped", [
            "spec.selector.matchExpressions[0].operator: Invalid value: \"Equals\": not a valid selector operator",
            "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"web\"}, "
                + "MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:\"tier\", "
                + "Operator:\"Equals\", Values:[]string{\"db\"}}}}: invalid label selector",
        ]) {
            $0.spec.selector?.matchExpressions = [Requirement(key: "tier", operator: "Equals", values: ["db"])]
            $0.spec.template.spec.containers = []
        },
        ValidationCase("In needs values", [
            "spec.selector.matchExpressions[0].values: Required value: must be specified when `operator` is 'In' "
                + "or 'NotIn'",
            "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), "
                + "MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:\"app\", "
                + "Operator:\"In\", Values:[]string(nil)}}}: invalid label selector",
        ]) {
            $0.spec.selector = LabelSelector(matchExpressions: [Requirement(key: "app", operator: "In")])
        },
        ValidationCase("Exists takes no values", [
            "spec.selector.matchExpressions[0].values: Forbidden: may not be specified when `operator` is 'Exists' "
                + "or 'DoesNotExist'",
            "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), "
                + "MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:\"app\", "
                + "Operator:\"Exists\", Values:[]string{\"web\"}}}}: invalid label selector",
        ]) {
            $0.spec.selector = LabelSelector(matchExpressions: [
                Requirement(key: "app", operator: "Exists", values: ["web"]),
            ])
        },
        ValidationCase("expression key and values are label keys and values", [
            "spec.selector.matchExpressions[0].key: Invalid value: \"app!\": name part " + Expected.qualifiedName,
            "spec.selector.matchExpressions[0].values[1]: Invalid value: \"-x\": " + Expected.labelValue,
            "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string(nil), "
                + "MatchExpressions:[]v1.LabelSelectorRequirement{v1.LabelSelectorRequirement{Key:\"app!\", "
                + "Operator:\"NotIn\", Values:[]string{\"ok\", \"-x\"}}}}: invalid label selector",
        ]) {
            $0.spec.selector = LabelSelector(matchExpressions: [
                Requirement(key: "app!", operator: "NotIn", values: ["ok", "-x"]),
            ])
        },
        ValidationCase("matchLabels are labels; no mismatch is reported once the selector is invalid", [
            "spec.selector.matchLabels: Invalid value: \"-web\": " + Expected.labelValue,
            "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"-web\"}, "
                + "MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: invalid label selector",
        ]) {
            $0.spec.selector = LabelSelector(matchLabels: ["app": "-web"])
        },
        ValidationCase("template labels are checked at spec.template.labels", [
            "spec.template.labels: Invalid value: \"tier_\": name part " + Expected.qualifiedName,
        ]) {
            $0.spec.template.metadata.labels = ["app": "web", "tier_": "fe"]
        },
        ValidationCase("template annotations are checked at spec.template.annotations", [
            "spec.template.annotations: Invalid value: \"not valid\": name part " + Expected.qualifiedName,
        ]) {
            $0.spec.template.metadata.annotations = ["not valid": "x"]
        },
    ]

    @Test(arguments: cases)
    func reportsTheUpstreamMessage(_ rule: ValidationCase) {
        #expect(rule.actual == rule.expected)
    }
}
