import Testing
@testable import KubeModel

struct ContainerValidationTests {
    static let path = "spec.template.spec.containers"
    static let longName = String(repeating: "n", count: 64)

    static let cases: [ValidationCase] = [
        // MARK: - Containers, names, images
        ValidationCase("at least one container", "\(path): Required value") {
            $0.spec.template.spec.containers = []
        },
        ValidationCase("container name required", "\(path)[0].name: Required value") {
            $0.setContainer("name", nil)
        },
        ValidationCase("container name is a DNS-1123 label",
                       "\(path)[0].name: Invalid value: \"Nginx\": " + Expected.dnsLabel) {
            $0.setContainer("name", .string("Nginx"))
        },
        ValidationCase("container name has no dots",
                       "\(path)[0].name: Invalid value: \"nginx.v1\": must not contain dots") {
            $0.setContainer("name", .string("nginx.v1"))
        },
        ValidationCase("container name at most 63 characters",
                       "\(path)[0].name: Invalid value: \"\(longName)\": must be no more than 63 characters") {
            $0.setContainer("name", .string(longName))
        },
        ValidationCase("container names unique", "\(path)[1].name: Duplicate value: \"nginx\"") {
            $0.addContainer("nginx")
        },
        ValidationCase("image required", "\(path)[0].image: Required value") {
            $0.setContainer("image", .string(""))
        },
        ValidationCase("a missing image is required too", "\(path)[0].image: Required value") {
            $0.setContainer("image", nil)
        },
        ValidationCase("a blank image passes template validation (only Pods reject it)", []) {
            $0.setContainer("image", .string("  "))
        },

        // MARK: - Ports
        ValidationCase("containerPort required", "\(path)[0].ports[0].containerPort: Required value") {
            $0.setContainer("ports", .array([.object(["name": .string("http")])]))
        },
        ValidationCase("containerPort in range", [
            "\(path)[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive",
        ]) {
            $0.setContainer("ports", .array([.object(["containerPort": .int(70000)])]))
        },
        ValidationCase("hostPort in range", [
            "\(path)[0].ports[0].hostPort: Invalid value: -1: must be between 1 and 65535, inclusive",
        ]) {
            $0.setContainer("ports", .array([.object(["containerPort": .int(80), "hostPort": .int(-1)])]))
        },
        ValidationCase("protocol supported", [
            "\(path)[0].ports[0].protocol: Unsupported value: \"HTTP\": supported values: \"SCTP\", \"TCP\", \"UDP\"",
        ]) {
            $0.setContainer("ports", .array([.object(["containerPort": .int(80), "protocol": .string("HTTP")])]))
        },
        ValidationCase("port name is an IANA service name", [
            "\(path)[0].ports[0].name: Invalid value: \"HTTP\": must contain only alpha-numeric characters (a-z, 0-9), "
                + "and hyphens (-)",
            "\(path)[0].ports[0].name: Invalid value: \"HTTP\": must contain at least one letter (a-z)",
        ]) {
            $0.setContainer("ports", .array([.object(["containerPort": .int(80), "name": .string("HTTP")])]))
        },
        ValidationCase("port names unique", "\(path)[0].ports[1].name: Duplicate value: \"web\"") {
            $0.setContainer("ports", .array([
                .object(["containerPort": .int(80), "name": .string("web")]),
                .object(["containerPort": .int(81), "name": .string("web")]),
            ]))
        },
        ValidationCase("host ports unique across containers",
                       "\(path)[1].ports[0].hostPort: Duplicate value: \"TCP//8080\"") {
            $0.setContainer("ports", .array([.object(["containerPort": .int(80), "hostPort": .int(8080)])]))
            $0.addContainer("sidecar")
            $0.setContainer("ports", .array([.object(["containerPort": .int(81), "hostPort": .int(8080)])]), at: 1)
        },

        // MARK: - Policies and env
        ValidationCase("imagePullPolicy supported", [
            "\(path)[0].imagePullPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", "
                + "\"IfNotPresent\", \"Never\"",
        ]) {
            $0.setContainer("imagePullPolicy", .string("Sometimes"))
        },
        ValidationCase("terminationMessagePolicy supported", [
            "\(path)[0].terminationMessagePolicy: Unsupported value: \"Bogus\": supported values: \"File\", "
                + "\"FallbackToLogsOnError\"",
        ]) {
            $0.setContainer("terminationMessagePolicy", .string("Bogus"))
        },
        ValidationCase("env name required", "\(path)[0].env[0].name: Required value") {
            $0.setContainer("env", .array([.object(["value": .string("x")])]))
        },
        ValidationCase("env name printable ASCII without '='", [
            "\(path)[0].env[1].name: Invalid value: \"A=B\": a valid environment variable name must consist only of "
                + "printable ASCII characters other than '='",
        ]) {
            $0.setContainer("env", .array([
                .object(["name": .string("1.relaxed-ok")]), .object(["name": .string("A=B")]),
            ]))
        },
        ValidationCase("restartPolicy only on init containers", [
            "\(path)[0].restartPolicy: Forbidden: may not be set for non-init containers",
        ]) {
            $0.setContainer("restartPolicy", .string("Always"))
        },

        // MARK: - Resources (ValidateResourceRequirements)
        ValidationCase("a request above its limit", [
            "\(path)[0].resources.requests: Invalid value: \"200m\": must be less than or equal to cpu limit of 100m",
        ]) {
            $0.setContainer("resources", resources(limits: ["cpu": "100m"], requests: ["cpu": "200m"]))
        },
        ValidationCase("limits and requests compare by value, whatever the suffix", []) {
            $0.setContainer("resources", resources(limits: ["cpu": "1", "memory": "1Gi"],
                                                   requests: ["cpu": "1000m", "memory": "1000M"]))
        },
        ValidationCase("a request without a limit may be anything non-negative", []) {
            $0.setContainer("resources", resources(limits: ["memory": "64Mi"], requests: ["cpu": "64"]))
        },
        ValidationCase("an extended resource's request equals its limit by value, not by form", []) {
            $0.setContainer("resources", resources(limits: ["example.com/mem": "2097152"],
                                                   requests: ["example.com/mem": "2Mi"]))
        },
        ValidationCase("negative quantities", [
            "\(path)[0].resources.limits[memory]: Invalid value: \"-1Mi\": must be greater than or equal to 0",
            "\(path)[0].resources.requests[cpu]: Invalid value: \"-100m\": must be greater than or equal to 0",
        ]) {
            $0.setContainer("resources", resources(limits: ["memory": "-1Mi"], requests: ["cpu": "-0.1"]))
        },
        ValidationCase("extended resources are not overcommitted", [
            "\(path)[0].resources.limits: Required value: Limit must be set for non overcommitable resources",
            "\(path)[0].resources.requests: Invalid value: \"1\": must be equal to example.com/gpu limit of 2",
        ]) {
            $0.setContainer("resources", resources(limits: ["example.com/gpu": "2"],
                                                   requests: ["example.com/gpu": "1", "example.com/fpga": "1"]))
        },
        ValidationCase("init containers' resources too", [
            "spec.template.spec.initContainers[0].resources.requests: Invalid value: \"2Gi\": must be less than or "
                + "equal to memory limit of 1Gi",
        ]) {
            $0.setPod("initContainers", .array([.object([
                "name": .string("init"), "image": .string("busybox"),
                "resources": resources(limits: ["memory": "1Gi"], requests: ["memory": "2Gi"]),
            ])]))
        },

        // MARK: - Init containers
        ValidationCase("init container restartPolicy is Always or unset", [
            "spec.template.spec.initContainers[0].restartPolicy: Unsupported value: \"Never\": supported values: "
                + "\"Always\"",
        ]) {
            $0.setPod("initContainers", .array([.object([
                "name": .string("init"), "image": .string("busybox"), "restartPolicy": .string("Never"),
            ])]))
        },
        ValidationCase("init container names unique across all containers", [
            "spec.template.spec.initContainers[0].name: Duplicate value: \"nginx\"",
        ]) {
            $0.setPod("initContainers", .array([.object(["name": .string("nginx"), "image": .string("busybox")])]))
        },
        ValidationCase("probes only on sidecar init containers", [
            "spec.template.spec.initContainers[0].livenessProbe: Forbidden: may not be set for init containers "
                + "without restartPolicy=Always",
        ]) {
            $0.setPod("initContainers", .array([.object([
                "name": .string("init"), "image": .string("busybox"), "livenessProbe": .object([:]),
            ])]))
        },
    ]

    static func resources(limits: [String: String], requests: [String: String]) -> JSONValue {
        .object(["limits": .object(limits.mapValues(JSONValue.string)),
                 "requests": .object(requests.mapValues(JSONValue.string))])
    }

    @Test(arguments: cases)
    func reportsTheUpstreamMessage(_ rule: ValidationCase) {
        #expect(rule.actual == rule.expected)
    }

    @Test func podsRejectSurroundingWhitespaceInImages() {
        let blank = Container(name: "nginx", image: "  ")
        #expect(blank.podOnlyValidationErrors(at: "spec.containers[0]").map(\.message) == [
            "spec.containers[0].image: Invalid value: \"  \": must not have leading or trailing whitespace",
        ])
        #expect(Container(name: "nginx", image: "nginx").podOnlyValidationErrors(at: "spec.containers[0]").isEmpty)
    }
}
