import Testing
@testable import KubeModel

struct StrategyValidationTests {
    static let rolling = "spec.strategy.rollingUpdate"

    static let cases: [ValidationCase] = [
        // MARK: - Strategy type
        ValidationCase("strategy type supported", [
            "spec.strategy: Unsupported value: apps.DeploymentStrategy{Type:\"Canary\", "
                + "RollingUpdate:(*apps.RollingUpdateDeployment)(nil)}: "
                + "supported values: \"Recreate\", \"RollingUpdate\"",
        ]) {
            $0.spec.strategy = DeploymentStrategy(type: "Canary")
        },
        ValidationCase("an empty strategy type defaults to RollingUpdate", []) {
            $0.spec.strategy = DeploymentStrategy(type: "")
        },
        ValidationCase("Recreate is valid", []) {
            $0.spec.strategy = DeploymentStrategy(type: "Recreate")
        },
        ValidationCase("rollingUpdate forbidden with Recreate", [
            "\(rolling): Forbidden: may not be specified when strategy `type` is 'Recreate'",
        ]) {
            $0.spec.strategy = DeploymentStrategy(type: "Recreate", rollingUpdate: RollingUpdateDeployment())
        },
        ValidationCase("RollingUpdate needs rollingUpdate (normally defaulted)", [
            "\(rolling): Required value: this should be defaulted and never be nil",
        ], defaulted: { $0.spec.strategy?.rollingUpdate = nil }),

        // MARK: - maxSurge / maxUnavailable
        ValidationCase("maxSurge integer not negative",
                       "\(rolling).maxSurge: Invalid value: -1: must be greater than or equal to 0") {
            $0.setRollingUpdate(maxUnavailable: nil, maxSurge: .int(-1))
        },
        ValidationCase("maxUnavailable string is a percentage", [
            "\(rolling).maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"abc\"}: "
                + Expected.percent,
        ]) {
            $0.setRollingUpdate(maxUnavailable: .string("abc"), maxSurge: nil)
        },
        ValidationCase("maxUnavailable at most 100%", [
            "\(rolling).maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"150%\"}: "
                + "must not be greater than 100%",
        ]) {
            $0.setRollingUpdate(maxUnavailable: .string("150%"), maxSurge: nil)
        },
        ValidationCase("maxSurge has no upper limit", []) {
            $0.setRollingUpdate(maxUnavailable: nil, maxSurge: .string("150%"))
        },
        ValidationCase("not both literal 0", [
            "\(rolling).maxUnavailable: Invalid value: intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}: "
                + "may not be 0 when `maxSurge` is 0",
        ]) {
            $0.setRollingUpdate(maxUnavailable: .int(0), maxSurge: .int(0))
        },
        ValidationCase("not both 0%", [
            "\(rolling).maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"0%\"}: "
                + "may not be 0 when `maxSurge` is 0",
        ]) {
            $0.setRollingUpdate(maxUnavailable: .string("0%"), maxSurge: .int(0))
        },
        ValidationCase("an unparsable string counts as 0 for the both-zero rule", [
            "\(rolling).maxSurge: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"x\"}: "
                + Expected.percent,
            "\(rolling).maxUnavailable: Invalid value: intstr.IntOrString{Type:1, IntVal:0, StrVal:\"00%\"}: "
                + "may not be 0 when `maxSurge` is 0",
        ]) {
            $0.setRollingUpdate(maxUnavailable: .string("00%"), maxSurge: .string("x"))
        },
        ValidationCase("values that merely resolve to 0 pass (fencepost)", []) {
            $0.spec.replicas = 1
            $0.setRollingUpdate(maxUnavailable: .string("25%"), maxSurge: .string("0%"))
        },

        // MARK: - minReadySeconds, revisionHistoryLimit, progressDeadlineSeconds
        ValidationCase("minReadySeconds not negative",
                       "spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0") {
            $0.spec.minReadySeconds = -1
        },
        ValidationCase("revisionHistoryLimit not negative", [
            "spec.revisionHistoryLimit: Invalid value: -1: must be greater than or equal to 0",
        ]) {
            $0.spec.revisionHistoryLimit = -1
        },
        ValidationCase("revisionHistoryLimit 0 is valid", []) {
            $0.spec.revisionHistoryLimit = 0
        },
        ValidationCase("progressDeadlineSeconds greater than minReadySeconds", [
            "spec.progressDeadlineSeconds: Invalid value: 5: must be greater than minReadySeconds",
        ]) {
            $0.spec.minReadySeconds = 10
            $0.spec.progressDeadlineSeconds = 5
        },
        ValidationCase("the defaulted deadline of 600 counts", [
            "spec.progressDeadlineSeconds: Invalid value: 600: must be greater than minReadySeconds",
        ]) {
            $0.spec.minReadySeconds = 600
        },
        ValidationCase("a negative deadline fails both rules", [
            "spec.progressDeadlineSeconds: Invalid value: -1: must be greater than or equal to 0",
            "spec.progressDeadlineSeconds: Invalid value: -1: must be greater than minReadySeconds",
        ]) {
            $0.spec.progressDeadlineSeconds = -1
        },
    ]

    @Test(arguments: cases)
    func reportsTheUpstreamMessage(_ rule: ValidationCase) {
        #expect(rule.actual == rule.expected)
    }
}
