import Testing
@testable import KubeModel

struct PodSpecValidationTests {
    static let path = "spec.template.spec"

    static let cases: [ValidationCase] = [
        ValidationCase("a Deployment's pods restart Always", [
            "\(path).restartPolicy: Unsupported value: \"Never\": supported values: \"Always\"",
        ]) {
            $0.setPod("restartPolicy", .string("Never"))
        },
        ValidationCase("an unknown restartPolicy fails the pod rule and the ReplicaSet rule", [
            "\(path).restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\", \"OnFailure\", "
                + "\"Never\"",
            "\(path).restartPolicy: Unsupported value: \"Sometimes\": supported values: \"Always\"",
        ]) {
            $0.setPod("restartPolicy", .string("Sometimes"))
        },
        ValidationCase("activeDeadlineSeconds forbidden", [
            "\(path).activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported",
        ]) {
            $0.setPod("activeDeadlineSeconds", .int(30))
        },
        ValidationCase("an out-of-range activeDeadlineSeconds is also invalid", [
            "\(path).activeDeadlineSeconds: Invalid value: 0: must be between 1 and 2147483647, inclusive",
            "\(path).activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in ReplicaSet is not Supported",
        ]) {
            $0.setPod("activeDeadlineSeconds", .int(0))
        },
        ValidationCase("dnsPolicy supported", [
            "\(path).dnsPolicy: Unsupported value: \"Bogus\": supported values: \"ClusterFirstWithHostNet\", "
                + "\"ClusterFirst\", \"Default\", \"None\"",
        ]) {
            $0.setPod("dnsPolicy", .string("Bogus"))
        },
        ValidationCase("nodeSelector holds labels",
                       "\(path).nodeSelector: Invalid value: \"ssd!\": " + Expected.labelValue) {
            $0.setPod("nodeSelector", .object(["disk": .string("ssd!")]))
        },
        ValidationCase("serviceAccountName is a DNS subdomain", [
            "\(path).serviceAccountName: Invalid value: \"Deployer\": " + Expected.dnsSubdomain,
        ]) {
            $0.setPod("serviceAccountName", .string("Deployer"))
        },
        ValidationCase("hostname is a DNS label",
                       "\(path).hostname: Invalid value: \"web.local\": must not contain dots") {
            $0.setPod("hostname", .string("web.local"))
        },
        ValidationCase("ephemeral containers are not allowed in a template", [
            "\(path).ephemeralContainers: Forbidden: ephemeral containers not allowed in pod template",
        ]) {
            $0.setPod("ephemeralContainers", .array([.object(["name": .string("debug")])]))
        },
        ValidationCase("terminationGracePeriodSeconds required once defaulted away",
                       "\(path).terminationGracePeriodSeconds: Required value",
                       defaulted: { $0.setPod("terminationGracePeriodSeconds", nil) }),
        ValidationCase("explicit empty strings are defaulted like Go zero values", []) {
            $0.setPod("restartPolicy", .string(""))
            $0.setPod("dnsPolicy", .null)
            $0.setContainer("imagePullPolicy", .string(""))
            $0.setContainer("ports", .array([.object(["containerPort": .int(80), "protocol": .string("")])]))
        },
    ]

    @Test(arguments: cases)
    func reportsTheUpstreamMessage(_ rule: ValidationCase) {
        #expect(rule.actual == rule.expected)
    }
}
