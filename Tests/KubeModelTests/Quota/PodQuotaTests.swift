import Foundation
import KubeModel
import Testing

/// What a Pod counts against a quota (pkg/quota/v1/evaluator/core/pods.go) and the sums quota keeps.
struct PodQuotaTests {
    static func pod(_ spec: String, phase: String? = nil) throws -> Pod {
        var pod = Pod(metadata: ObjectMeta(name: "p", namespace: "default"), spec: try JSONDecoder().decode(PodSpec.self, from: Data(spec.utf8)))
        pod.status.phase = phase
        return pod
    }

    @Test func containersAddUpAndInitContainersRaiseTheTotal() throws {
        let pod = try Self.pod("""
            {"containers": [
              {"name": "a", "image": "x", "resources": {"requests": {"cpu": "100m", "memory": "64Mi"}, "limits": {"memory": "128Mi"}}},
              {"name": "b", "image": "x", "resources": {"requests": {"cpu": "200m", "memory": "64Mi"}}}],
             "initContainers": [
              {"name": "setup", "image": "x", "resources": {"requests": {"cpu": "1"}}},
              {"name": "proxy", "image": "x", "restartPolicy": "Always", "resources": {"requests": {"memory": "32Mi"}}}]}
            """)
        let usage = PodQuota.usage(of: pod, at: Timestamp(seconds: 0)).mapValues(\.description)
        // cpu: max(100m + 200m, the init container's 1); memory: 128Mi of containers plus the sidecar's 32Mi.
        #expect(usage == [
            "count/pods": "1", "pods": "1", "cpu": "1", "requests.cpu": "1", "memory": "160Mi", "requests.memory": "160Mi",
            "limits.memory": "128Mi",
        ])
    }

    @Test func finishedPodsCountOnlyAsStoredObjects() throws {
        let pod = try Self.pod(#"{"containers": [{"name": "a", "image": "x"}]}"#, phase: "Succeeded")
        #expect(PodQuota.usage(of: pod, at: Timestamp(seconds: 0)).mapValues(\.description) == ["count/pods": "1"])
    }

    @Test func aDeletedPodStopsCountingWhenItsGraceHasRunOut() throws {
        var pod = try Self.pod(#"{"containers": [{"name": "a", "image": "x"}]}"#)
        pod.metadata.deletionTimestamp = Timestamp(seconds: 100)
        pod.metadata.deletionGracePeriodSeconds = 30
        #expect(PodQuota.usage(of: pod, at: Timestamp(seconds: 130))["pods"] != nil)
        #expect(PodQuota.usage(of: pod, at: Timestamp(seconds: 131))["pods"] == nil)
    }

    @Test func tracksPodResourcesHugePagesAndExtendedRequestsOnly() {
        let names = PodQuota.matchingResources([
            "pods", "services", "requests.cpu", "limits.memory", "hugepages-2Mi", "requests.hugepages-1Gi",
            "requests.nvidia.com/gpu", "count/deployments.apps", "configmaps",
        ])
        #expect(names == ["pods", "requests.cpu", "limits.memory", "hugepages-2Mi", "requests.hugepages-1Gi", "requests.nvidia.com/gpu"])
    }

    @Test func quotaOnCPUOrMemoryMakesEveryContainerNameThem() throws {
        let pod = try Self.pod("""
            {"containers": [{"name": "web", "image": "x", "resources": {"requests": {"cpu": "1"}}},
                            {"name": "log", "image": "x"}]}
            """)
        #expect(PodQuota.missingConstraints(required: ["pods", "requests.cpu", "limits.memory"], in: pod)
            == "must specify limits.memory for: log,web; requests.cpu for: log")
        #expect(PodQuota.missingConstraints(required: ["pods", "count/pods"], in: pod) == nil)
    }

    @Test func scopes() throws {
        let bestEffort = try Self.pod(#"{"containers": [{"name": "a", "image": "x"}], "activeDeadlineSeconds": 60}"#)
        let burstable = try Self.pod(#"{"containers": [{"name": "a", "image": "x", "resources": {"requests": {"cpu": "1"}}}], "priorityClassName": "high"}"#)
        func matches(_ pod: Pod, _ scope: String, _ op: String = "Exists", _ values: [String]? = nil) -> Bool {
            PodQuota.matches(pod, ScopedResourceSelectorRequirement(scopeName: scope, operator: op, values: values))
        }
        #expect(matches(bestEffort, "BestEffort") && !matches(burstable, "BestEffort"))
        #expect(matches(burstable, "NotBestEffort"))
        #expect(matches(bestEffort, "Terminating") && matches(burstable, "NotTerminating"))
        #expect(matches(burstable, "PriorityClass", "In", ["high"]) && !matches(bestEffort, "PriorityClass", "In", ["high"]))
        #expect(matches(bestEffort, "PriorityClass", "NotIn", ["high"]) && matches(bestEffort, "PriorityClass", "DoesNotExist"))
    }

    /// `Quantity.Add`: the sum keeps the first quantity's form, or the other's when the first is zero.
    @Test(arguments: [
        ("0", "128Mi", "128Mi"), ("128Mi", "128Mi", "256Mi"), ("500m", "500m", "1"), ("1Gi", "500M", "1573741824"),
        ("1", "250m", "1250m"), ("0", "0", "0"),
    ])
    func sums(first: String, second: String, sum: String) throws {
        let a = try #require(Quantity(parsing: first)), b = try #require(Quantity(parsing: second))
        #expect(a.adding(b).description == sum)
    }

    /// describe's use beside a limit of another form: whole units in the limit's form.
    @Test func useInTheLimitsForm() throws {
        let used = try #require(Quantity(parsing: "512M")), hard = try #require(Quantity(parsing: "1Gi"))
        #expect(used.inForm(of: hard).description == "500000Ki")
        #expect(Quantity.zero.inForm(of: hard).description == "0")
    }
}
