import Testing
@testable import KubeModel

struct ValidationOrderTests {
    // MARK: - Valid objects

    @Test func theFixtureIsValid() {
        #expect(Fixture.deployment().validate() == [])
    }

    @Test func aValidRecreateDeploymentWithExpressionsIsValid() {
        let deployment = Fixture.deployment {
            $0.spec.strategy = DeploymentStrategy(type: "Recreate")
            $0.spec.selector = LabelSelector(matchExpressions: [.init(key: "app", operator: "Exists")])
            $0.spec.replicas = 0
            $0.spec.minReadySeconds = 30
        }
        #expect(deployment.validate() == [])
    }

    // MARK: - Order

    @Test func errorsFollowTheUpstreamOrder() {
        let deployment = Fixture.deployment {
            $0.spec.progressDeadlineSeconds = -5
            $0.spec.revisionHistoryLimit = -2
            $0.spec.minReadySeconds = -1
            $0.spec.strategy = DeploymentStrategy(type: "Recreate", rollingUpdate: RollingUpdateDeployment())
            $0.setPod("restartPolicy", .string("OnFailure"))
            $0.setContainer("image", .string(""))
            $0.spec.selector = LabelSelector(matchLabels: ["app": "api"])
            $0.spec.replicas = -1
            $0.metadata.name = "Web"
        }
        #expect(deployment.validate().map(\.path) == [
            "metadata.name",
            "spec.replicas",
            "spec.template.metadata.labels",
            "spec.template.spec.containers[0].image",
            "spec.template.spec.restartPolicy",
            "spec.strategy.rollingUpdate",
            "spec.minReadySeconds",
            "spec.revisionHistoryLimit",
            "spec.progressDeadlineSeconds",
            "spec.progressDeadlineSeconds",
        ])
    }

    // MARK: - Update

    @Test func selectorIsImmutableAndReportedLast() {
        let old = Fixture.deployment()
        let new = Fixture.deployment {
            $0.spec.selector = LabelSelector(matchLabels: ["app": "nginx2"])
            $0.spec.template.metadata.labels = ["app": "nginx2"]
            $0.spec.replicas = -1
        }
        #expect(new.validate(old: old).map(\.message) == [
            "spec.replicas: Invalid value: -1: must be greater than or equal to 0",
            "spec.selector: Invalid value: v1.LabelSelector{MatchLabels:map[string]string{\"app\":\"nginx2\"}, "
                + "MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: field is immutable",
        ])
    }

    @Test func nilAndEmptyListsAreTheSameSelector() {
        let old = Fixture.deployment()
        let new = Fixture.deployment { $0.spec.selector?.matchExpressions = [] }
        #expect(new.validate(old: old) == [])
    }

    @Test func anUpdateChecksNameImmutabilityNotNameFormat() {
        let old = Fixture.deployment()
        let renamed = Fixture.deployment { $0.metadata.name = "Web" }
        #expect(renamed.validate(old: old).map(\.message) == [
            "metadata.name: Invalid value: \"Web\": field is immutable",
        ])
    }

    // MARK: - kubectl rendering

    @Test func oneCauseIsPrintedInline() {
        let errors = Fixture.deployment { $0.spec.selector = LabelSelector(matchLabels: ["app": "api"]) }.validate()
        #expect(validationErrorMessage(kind: "Deployment", name: "nginx-deployment", errors: errors)
            == "The Deployment \"nginx-deployment\" is invalid: " + Expected.mismatch)
    }

    @Test func severalCausesArePrintedAsABulletList() {
        let errors = Fixture.deployment { $0.spec.selector = nil }.validate()
        #expect(validationErrorMessage(kind: "Deployment", name: "nginx-deployment", errors: errors)
            == "The Deployment \"nginx-deployment\" is invalid: \n"
            + "* spec.selector: Required value\n"
            + "* " + Expected.mismatch)
    }

    @Test func noCausesPrintJustTheHead() {
        #expect(validationErrorMessage(kind: "Deployment", name: "web", errors: [])
            == "The Deployment \"web\" is invalid")
    }
}
