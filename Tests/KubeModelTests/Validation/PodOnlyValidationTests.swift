import Testing
@testable import KubeModel

/// Rules a template passes and a Pod may not (`validateContainersOnlyForPod`, `ValidatePodCreate`), and huge pages in
/// container resources (`validateResourceRequirements`); expected texts from core validation v1.32.
struct PodOnlyValidationTests {
    static let resources = "spec.template.spec.containers[0].resources"

    static let cases: [ValidationCase] = [
        ValidationCase("huge pages need cpu or memory", "\(resources): Forbidden: HugePages require cpu or memory") {
            $0.setContainer("resources", json(#"{"limits":{"hugepages-2Mi":"1Gi"},"requests":{"hugepages-2Mi":"1Gi"}}"#))
        },
        ValidationCase("huge pages come in whole pages", [
            "\(resources).limits[hugepages-2Mi]: Invalid value: \"3Mi\": 3Mi is not positive integer multiple of hugepages-2Mi",
            "\(resources).requests[hugepages-2Mi]: Invalid value: \"3Mi\": 3Mi is not positive integer multiple of hugepages-2Mi",
        ]) {
            $0.setContainer("resources", json(#"""
                {"limits":{"memory":"1Gi","hugepages-2Mi":"3Mi"},"requests":{"memory":"1Gi","hugepages-2Mi":"3Mi"}}
                """#))
        },
        ValidationCase("whole pages pass", []) {
            $0.setContainer("resources", json(#"""
                {"limits":{"cpu":"1","hugepages-1Gi":"2Gi"},"requests":{"cpu":"1","hugepages-1Gi":"2Gi"}}
                """#))
        },
        ValidationCase("a template may have an image with blanks around it", []) {
            $0.setContainer("image", .string(" nginx:1.27 "))
        },
    ]

    @Test(arguments: cases)
    func reportsTheUpstreamMessage(_ rule: ValidationCase) {
        #expect(rule.actual == rule.expected)
    }

    private func pod(_ spec: String) throws -> Pod {
        var pod = Pod(metadata: ObjectMeta(name: "solo", namespace: "default"), spec: PodSpec(raw: json(spec).objectValue ?? [:]))
        pod.spec.applyDefaults()
        return pod
    }

    @Test func aPodMayNotHaveBlanksAroundAnImage() throws {
        let solo = try pod(#"{"containers":[{"name":"app","image":" nginx:1.27"}],"initContainers":[{"name":"init","image":"busybox "}]}"#)
        #expect(solo.validate().map(\.message) == [
            "spec.containers[0].image: Invalid value: \" nginx:1.27\": must not have leading or trailing whitespace",
            "spec.initContainers[0].image: Invalid value: \"busybox \": must not have leading or trailing whitespace",
        ])
    }

    @Test func aGatedPodMayNotNameItsNode() throws {
        let gated = try pod(#"{"containers":[{"name":"app","image":"nginx"}],"nodeName":"node-1","schedulingGates":[{"name":"example.com/wait"}]}"#)
        #expect(gated.validate().map(\.message) == [
            "spec.nodeName: Forbidden: cannot be set until all schedulingGates have been cleared",
        ])
    }
}
