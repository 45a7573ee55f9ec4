import Testing
@testable import KubeModel

/// The defaulting that validation depends on: Go decodes missing, `null` and `""` alike and then defaults them.
struct DefaultsForValidationTests {
    @Test(arguments: [
        ("", "IfNotPresent"), ("  ", "IfNotPresent"), ("nginx", "Always"), ("nginx:1.27", "IfNotPresent"),
    ])
    func pullPolicyFollowsTheImage(_ image: String, _ policy: String) {
        let deployment = Fixture.deployment { $0.setContainer("image", .string(image)) }
        #expect(deployment.spec.template.spec.containers[0].imagePullPolicy == policy)
    }

    @Test func nullAndEmptyFieldsAreDefaulted() {
        let deployment = Fixture.deployment {
            $0.spec.strategy = DeploymentStrategy(type: "")
            $0.setPod("terminationGracePeriodSeconds", .null)
            $0.setPod("restartPolicy", .string(""))
            $0.setContainer("terminationMessagePolicy", .null)
        }
        #expect(deployment.spec.strategy?.type == "RollingUpdate")
        #expect(deployment.spec.template.spec.raw["terminationGracePeriodSeconds"] == .int(30))
        #expect(deployment.spec.template.spec.restartPolicy == "Always")
        #expect(deployment.spec.template.spec.containers[0].raw["terminationMessagePolicy"] == .string("File"))
    }
}
