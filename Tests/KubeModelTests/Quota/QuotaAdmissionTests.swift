import KubeModel
import Testing

/// The ResourceQuota admission plugin's answer to a new Pod (`CheckRequest`) and the quota controller's count.
struct QuotaAdmissionTests {
    static func quota(_ name: String, hard: [String: String], scopes: [String]? = nil, pods: [Pod] = []) -> ResourceQuota {
        var quota = ResourceQuota(
            metadata: ObjectMeta(name: name, namespace: "default"), spec: ResourceQuotaSpec(hard: hard, scopes: scopes))
        quota.status = quota.computedStatus(pods: pods, objectCounts: [:], at: Timestamp(seconds: 0))
        return quota
    }

    static let now = Timestamp(seconds: 0)

    static func requesting(_ cpu: String) throws -> Pod {
        try PodQuotaTests.pod(#"{"containers": [{"name": "app", "image": "x", "resources": {"requests": {"cpu": "\#(cpu)"}, "limits": {"cpu": "\#(cpu)"}}}]}"#)
    }

    @Test func countsTheNamespacesPodsInTheQuotasScope() throws {
        let pods = [try Self.requesting("250m"), try Self.requesting("500m"), try PodQuotaTests.pod(#"{"containers": [{"name": "a", "image": "x"}]}"#)]
        let quota = Self.quota("compute", hard: ["pods": "10", "requests.cpu": "2", "services": "1"], scopes: ["NotBestEffort"], pods: pods)
        #expect(quota.status == ResourceQuotaStatus(
            hard: ["pods": "10", "requests.cpu": "2", "services": "1"], used: ["pods": "2", "requests.cpu": "750m", "services": "0"]))
    }

    /// Object counts: the kinds Rollbook holds are counted, the cluster's other kinds are none, and a name no
    /// evaluator serves (a group v1.32 no longer has) gets no `used` entry.
    @Test func objectCounts() {
        var quota = ResourceQuota(
            metadata: ObjectMeta(name: "objects", namespace: "default"),
            spec: ResourceQuotaSpec(hard: [
                "count/deployments.apps": "5", "count/jobs.batch": "2", "count/replicasets.extensions": "5",
                "gold.storageclass.storage.k8s.io/requests.storage": "10Gi", "services": "3", "count/pods": "9",
            ]))
        quota.status = quota.computedStatus(pods: [], objectCounts: ["count/deployments.apps": 2], at: Self.now)
        #expect(quota.status?.used == [
            "count/deployments.apps": "2", "count/jobs.batch": "0", "gold.storageclass.storage.k8s.io/requests.storage": "0",
            "services": "0", "count/pods": "0",
        ])
    }

    @Test func aPodBeyondTheLimitIsRefusedWithWhatItAsked() throws {
        let full = Self.quota("compute", hard: ["pods": "5", "requests.cpu": "1", "limits.cpu": "4"], pods: [try Self.requesting("750m")])
        guard case .failure(let refusal) = QuotaAdmission.admit(try Self.requesting("500m"), to: [full], at: Self.now) else {
            Issue.record("admitted past the quota")
            return
        }
        #expect(refusal.message
            == "exceeded quota: compute, requested: requests.cpu=500m, used: requests.cpu=750m, limited: requests.cpu=1")
    }

    @Test func admissionChargesEveryQuotaThatLimitsThePod() throws {
        let pods = Self.quota("pods", hard: ["pods": "3"])
        let cpu = Self.quota("cpu", hard: ["requests.cpu": "2"])
        guard case .success(let charged) = QuotaAdmission.admit(try Self.requesting("1"), to: [cpu, pods], at: Self.now) else {
            Issue.record("refused within the quota")
            return
        }
        #expect(charged.map { $0.status?.used } == [["requests.cpu": "1"], ["pods": "1"]])
    }

    @Test func aPodOutsideTheScopeIsNotChecked() throws {
        let bestEffortOnly = Self.quota("be", hard: ["pods": "0"], scopes: ["BestEffort"])
        guard case .success = QuotaAdmission.admit(try Self.requesting("1"), to: [bestEffortOnly], at: Self.now) else {
            Issue.record("a Burstable pod was checked against a BestEffort quota")
            return
        }
    }

    @Test func missingRequestsAreRefusedBeforeAnyCount() throws {
        let quota = Self.quota("mem", hard: ["limits.memory": "1Gi", "pods": "0"])
        guard case .failure(let refusal) = QuotaAdmission.admit(try Self.requesting("1"), to: [quota], at: Self.now) else {
            Issue.record("admitted without a memory limit")
            return
        }
        #expect(refusal.message == "failed quota: mem: must specify limits.memory for: app")
    }

    @Test func validation() {
        var quota = ResourceQuota(
            metadata: ObjectMeta(name: "Bad_Name", namespace: "default"),
            spec: ResourceQuotaSpec(hard: ["pods": "1500m", "foo": "1", "cpu": "-1", "count/deployments.apps": "2"],
                                    scopes: ["BestEffort", "NotBestEffort", "Sometimes"]))
        #expect(quota.validate().map(\.message) == [
            #"metadata.name: Invalid value: "Bad_Name": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"#,
            #"spec.hard[cpu]: Invalid value: "-1": must be greater than or equal to 0"#,
            #"spec.hard[foo]: Invalid value: "foo": must be a standard resource type or fully qualified"#,
            #"spec.hard[foo]: Invalid value: "foo": must be a standard resource for quota"#,
            #"spec.hard[pods]: Invalid value: resource.Quantity{i:resource.int64Amount{value:1500, scale:-3}, d:resource.infDecAmount{Dec:(*inf.Dec)(nil)}, s:"", Format:"DecimalSI"}: must be an integer"#,
            #"spec.scopes: Invalid value: []core.ResourceQuotaScope{"BestEffort", "NotBestEffort", "Sometimes"}: unsupported scope"#,
            #"spec.scopes: Invalid value: []core.ResourceQuotaScope{"BestEffort", "NotBestEffort", "Sometimes"}: conflicting scopes"#,
        ])
        quota.metadata.name = "fine"
        quota.spec = ResourceQuotaSpec(hard: ["pods": "10", "requests.nvidia.com/gpu": "2", "hugepages-2Mi": "1Gi"])
        #expect(quota.validate().isEmpty)
    }

    @Test func scopeSelectorAndScopeChanges() {
        func selector(_ requirements: [ScopedResourceSelectorRequirement]) -> [String] {
            ResourceQuota(
                metadata: ObjectMeta(name: "q", namespace: "default"),
                spec: ResourceQuotaSpec(hard: ["pods": "1"], scopeSelector: ScopeSelector(matchExpressions: requirements))
            ).validate().map(\.message)
        }
        #expect(selector([ScopedResourceSelectorRequirement(scopeName: "Terminating", operator: "In", values: ["a"])]) == [
            "spec.scopeSelector.matchExpressions.operator: Invalid value: \"In\": must be 'Exist' when scope is any of "
                + "ResourceQuotaScopeTerminating, ResourceQuotaScopeNotTerminating, ResourceQuotaScopeBestEffort, "
                + "ResourceQuotaScopeNotBestEffort or ResourceQuotaScopeCrossNamespacePodAffinity",
        ])
        #expect(selector([ScopedResourceSelectorRequirement(scopeName: "PriorityClass", operator: "In")]) == [
            "spec.scopeSelector.matchExpressions.values: Required value: must be at least one value when `operator` is 'In' or 'NotIn' for scope selector",
        ])
        #expect(selector([ScopedResourceSelectorRequirement(scopeName: "PriorityClass", operator: "Exists", values: ["a"])]) == [
            #"spec.scopeSelector.matchExpressions.values: Invalid value: []string{"a"}: must be no value when `operator` is 'Exist' or 'DoesNotExist' for scope selector"#,
        ])
        #expect(selector([
            ScopedResourceSelectorRequirement(scopeName: "BestEffort", operator: "Exists"),
            ScopedResourceSelectorRequirement(scopeName: "NotBestEffort", operator: "Exists"),
        ]) == ["spec.scopeSelector.matchExpressions: Invalid value: []core.ResourceQuotaScope(nil): conflicting scopes"])

        let old = ResourceQuota(metadata: ObjectMeta(name: "q", namespace: "default"), spec: ResourceQuotaSpec(hard: ["pods": "1"]))
        var changed = old
        changed.spec.scopes = ["BestEffort"]
        #expect(changed.validate(old: old).map(\.message)
            == [#"spec.scopes: Invalid value: []core.ResourceQuotaScope{"BestEffort"}: field is immutable"#])
    }

    /// The work queue's back-off, in whole seconds from the first failure.
    @Test func retriesFollowTheWorkQueuesBackOff() {
        let since = Timestamp(seconds: 1000)
        let retries = sequence(first: since) { ReplicaSetStatus.nextRetry(failingSince: since, after: $0) }
            .dropFirst().prefix(14).map { $0.seconds - since.seconds }
        #expect(Array(retries) == [1, 2, 5, 10, 20, 40, 81, 163, 327, 655, 1310, 2310, 3310, 4310])
    }
}
