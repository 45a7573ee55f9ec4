import Testing
@testable import KubeModel

struct MetadataValidationTests {
    static let long = String(repeating: "a", count: 254)
    static let tooLongLabel = String(repeating: "v", count: 64)

    static let cases: [ValidationCase] = [
        // MARK: - Name, generateName, namespace, generation
        ValidationCase("name required", "metadata.name: Required value: name or generateName is required") {
            $0.metadata.name = ""
        },
        ValidationCase("name is a DNS-1123 subdomain",
                       "metadata.name: Invalid value: \"My_App\": " + Expected.dnsSubdomain) {
            $0.metadata.name = "My_App"
        },
        ValidationCase("name at most 253 characters",
                       "metadata.name: Invalid value: \"\(long)\": must be no more than 253 characters") {
            $0.metadata.name = long
        },
        ValidationCase("generateName prefix may end in a dash", []) {
            $0.metadata.name = ""
            $0.metadata.generateName = "web-"
        },
        ValidationCase("generateName is a DNS-1123 subdomain",
                       "metadata.generateName: Invalid value: \"Web-\": " + Expected.dnsSubdomain) {
            $0.metadata.name = ""
            $0.metadata.generateName = "Web-"
        },
        ValidationCase("namespace is a DNS-1123 label",
                       "metadata.namespace: Invalid value: \"Prod\": " + Expected.dnsLabel) {
            $0.metadata.namespace = "Prod"
        },
        ValidationCase("namespace may not contain dots",
                       "metadata.namespace: Invalid value: \"team.prod\": must not contain dots") {
            $0.metadata.namespace = "team.prod"
        },
        ValidationCase("generation is not negative",
                       "metadata.generation: Invalid value: -1: must be greater than or equal to 0") {
            $0.metadata.generation = -1
        },

        // MARK: - Label keys and values
        ValidationCase("label key name part",
                       "metadata.labels: Invalid value: \"-app\": name part " + Expected.qualifiedName) {
            $0.metadata.labels = ["-app": "web"]
        },
        ValidationCase("label key prefix is a DNS subdomain",
                       "metadata.labels: Invalid value: \"Example.com/app\": prefix part " + Expected.dnsSubdomain) {
            $0.metadata.labels = ["Example.com/app": "web"]
        },
        ValidationCase("label key empty prefix",
                       "metadata.labels: Invalid value: \"/app\": prefix part must be non-empty") {
            $0.metadata.labels = ["/app": "web"]
        },
        ValidationCase("label key empty name part", [
            "metadata.labels: Invalid value: \"example.com/\": name part must be non-empty",
            "metadata.labels: Invalid value: \"example.com/\": name part " + Expected.qualifiedName,
        ]) {
            $0.metadata.labels = ["example.com/": "web"]
        },
        ValidationCase("label key name part at most 63 characters", [
            "metadata.labels: Invalid value: \"\(tooLongLabel)\": name part must be no more than 63 characters",
        ]) {
            $0.metadata.labels = [tooLongLabel: "web"]
        },
        ValidationCase("label key with two slashes", [
            "metadata.labels: Invalid value: \"a/b/c\": a qualified name " + Expected.qualifiedName
                + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
        ]) {
            $0.metadata.labels = ["a/b/c": "web"]
        },
        ValidationCase("label value format", "metadata.labels: Invalid value: \"-web-\": " + Expected.labelValue) {
            $0.metadata.labels = ["app": "-web-"]
        },
        ValidationCase("label value at most 63 characters",
                       "metadata.labels: Invalid value: \"\(tooLongLabel)\": must be no more than 63 characters") {
            $0.metadata.labels = ["app": tooLongLabel]
        },
        ValidationCase("label value may be empty", []) {
            $0.metadata.labels = ["app": "web", "tier": ""]
        },
        ValidationCase("labels are reported in key order", [
            "metadata.labels: Invalid value: \"a_\": name part " + Expected.qualifiedName,
            "metadata.labels: Invalid value: \"b-\": " + Expected.labelValue,
        ]) {
            $0.metadata.labels = ["z": "b-", "a_": "ok"]
        },

        // MARK: - Annotations
        ValidationCase("annotation key is a qualified name (case-insensitive)", [
            "metadata.annotations: Invalid value: \"Team Owner\": name part " + Expected.qualifiedName,
        ]) {
            $0.metadata.annotations = ["Team Owner": "x", "Example.COM/Owner": "y"]
        },
        ValidationCase("annotations total at most 256 KiB",
                       "metadata.annotations: Too long: must have at most 262144 bytes") {
            $0.metadata.annotations = ["note": String(repeating: "x", count: 262_141)]
        },
        ValidationCase("annotations of exactly 256 KiB pass", []) {
            $0.metadata.annotations = ["note": String(repeating: "x", count: 262_140)]
        },
    ]

    @Test(arguments: cases)
    func reportsTheUpstreamMessage(_ rule: ValidationCase) {
        #expect(rule.actual == rule.expected)
    }

    @Test func maskTrailingDashReplacesTheLastTwoBytes() {
        #expect(NameRules.maskTrailingDash("web-") == "wea")
        #expect(NameRules.maskTrailingDash("-") == "-")
        #expect(NameRules.maskTrailingDash("web") == "web")
    }
}
