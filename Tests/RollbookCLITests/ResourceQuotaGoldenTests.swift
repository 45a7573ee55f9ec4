import Testing
import TestSupport

/// ResourceQuotas: the admission plugin refuses a Pod beyond a quota or without the requests it limits; the
/// ReplicaSet controller then records `FailedCreate` on each try (the work queue's back-off: at once, then 1 s, 2 s,
/// 5 s, …) and holds a `ReplicaFailure` condition, which the Deployment copies, until a sync creates what it needs.
/// The quota controller counts `status.used` after every change. Outputs were checked against kubectl v1.32.4
/// through `rollbook serve` (describe, create quota and its refusals, apply, patch, edit, Forbidden errors).
struct ResourceQuotaGoldenTests {
    static let replicaSet = """
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata:
          name: condition-test
        spec:
          replicas: 3
          selector:
            matchLabels: {name: sample-pod}
          template:
            metadata:
              labels: {name: sample-pod}
            spec:
              containers:
              - name: httpd
                image: httpd:2.4
        """

    /// e2e replica_set.go `testReplicaSetConditionCheck`: a quota of two pods, a ReplicaSet of three.
    @Test func aReplicaSetBeyondItsQuotaHoldsAFailureCondition() throws {
        let steps: [(Int, String)] = [
            (0, "images load httpd:2.4"),
            (0, "create quota condition-test --hard=pods=2"),
            (0, "get quota condition-test -o jsonpath={.status.hard.pods}"),
            (1, "create -f rs.yaml"),
            (2, "get rs condition-test"),
            (2, "get rs condition-test -o jsonpath={.status.conditions}"),
            (30, "describe rs condition-test"),
            (31, "scale rs condition-test --replicas=2"),
            (32, "get rs condition-test -o jsonpath={.status.conditions}"),
            (32, "describe quota condition-test"),
            (33, "get quota"),
            (33, "events replicaset/condition-test --type EventRecorded"),
        ]
        try expectGolden(
            try ScenarioScript(files: ["rs.yaml": Self.replicaSet], steps: steps).run(), named: "fidelity/quota-replicaset.txt")
    }

    static func quota(cpu: String) -> String {
        """
        apiVersion: v1
        kind: ResourceQuota
        metadata:
          name: team
        spec:
          hard:
            pods: "4"
            requests.cpu: "\(cpu)"
            limits.memory: 1Gi
        """
    }

    static let api = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
        spec:
          replicas: 3
          selector:
            matchLabels: {app: api}
          template:
            metadata:
              labels: {app: api}
            spec:
              containers:
              - name: api
                image: nginx:1.27
                resources:
                  requests: {cpu: 300m}
                  limits: {memory: 256Mi}
        """

    /// A Deployment whose pods name no requests fails at once; one that fits runs; its rolling update needs room for
    /// the surge pod and waits for it, until the quota is raised and the next retry creates it.
    @Test func deploymentsUnderAComputeQuota() throws {
        let steps: [(Int, String)] = [
            (0, "images load nginx:1.27 nginx:1.28"),
            (0, "apply -f quota.yaml"),
            (0, "create deployment web --image=nginx:1.27 --replicas=2"),
            (5, "describe deployment web"),
            (5, "describe rs web"),
            (6, "apply -f api.yaml"),
            (7, "get quota,deployments,replicasets"),
            (8, "set image deployment/api api=nginx:1.28"),
            (20, "get replicasets -l app=api"),
            (20, "get deployment api -o jsonpath='{.status.conditions[?(@.type==\"ReplicaFailure\")].message}'"),
            (21, "apply -f raised.yaml"),
            (27, "get replicasets -l app=api"),
            (29, "get replicasets -l app=api"),
            (60, "describe quota team"),
            (60, "get deployment api -o jsonpath={.status.conditions[*].type}"),
        ]
        let files = ["quota.yaml": Self.quota(cpu: "1"), "raised.yaml": Self.quota(cpu: "2"), "api.yaml": Self.api]
        try expectGolden(try ScenarioScript(files: files, steps: steps).run(), named: "fidelity/quota-deployments.txt")
    }

    static func pod(_ name: String, cpu: String?) -> String {
        """
        apiVersion: v1
        kind: Pod
        metadata:
          name: \(name)
        spec:
          containers:
          - name: app
            image: nginx:1.27
        """ + (cpu.map { "\n    resources:\n      requests: {cpu: \($0)}" } ?? "")
    }

    /// `create quota`'s refusals (its own and the server's, wrapped), a bare Pod refused by a quota, reading the
    /// quota back in time, and deleting it.
    @Test func quotaWritesAndRefusals() throws {
        let steps: [(Int, String)] = [
            (0, "create quota q --hard=pods=1.5"),
            (0, "create quota q --hard=foo=1"),
            (0, "create quota q --hard=pods"),
            (0, "create quota q --hard=pods=x"),
            (0, "create quota q --scopes=,"),
            (0, "create quota q --hard=pods=1 --scopes=BestEffort,NotBestEffort"),
            (0, "create quota q --hard=pods=1,cpu=1 --scopes=NotTerminating --dry-run=client -o yaml"),
            (0, "create quota q --hard=pods=1,cpu=1 --scopes=NotTerminating"),
            (0, "create quota q --hard=pods=1"),
            (1, "create -f bare.yaml"),
            (1, "create -f small.yaml"),
            (2, "apply -f other.yaml"),
            (3, "get quota q -o yaml"),
            (3, "describe quota q"),
            (4, "get quota q --at 2026-11-26T15:00:00Z"),
            (5, "patch quota q -p '{\"spec\":{\"hard\":{\"pods\":\"2\"}}}'"),
            (6, "apply -f other.yaml"),
            (7, "get quota -o wide"),
            (8, "delete quota q"),
            (8, "delete quota q"),
            (9, "sql \"SELECT change, object, namespace, detail FROM audit_changes WHERE object LIKE 'resourcequota/%' ORDER BY seq\""),
        ]
        let files = [
            "bare.yaml": Self.pod("bare", cpu: nil), "small.yaml": Self.pod("small", cpu: "100m"),
            "other.yaml": Self.pod("other", cpu: "100m"),
        ]
        try expectGolden(try ScenarioScript(files: files, steps: steps).run(), named: "fidelity/quota-writes.txt")
    }
}

extension ResourceQuotaGoldenTests {
    /// Object counts: a Deployment, ReplicaSet or quota a user creates beyond one is Forbidden; a new ReplicaSet the
    /// Deployment controller makes beyond `count/replicasets.apps` fails the rollout (`ReplicaSetCreateError`, retried
    /// fifteen times on the work queue's back-off), until room is made and the Deployment is synced again.
    @Test func objectCountsLimitWhatUsersAndControllersCreate() throws {
        let steps: [(Int, String)] = [
            (0, "images load nginx:1.27 nginx:1.28 httpd:2.4"),
            (0, "create quota objects --hard=count/deployments.apps=1,count/replicasets.apps=2,resourcequotas=1"),
            (0, "create deployment a --image=nginx:1.27"),
            (0, "create deployment b --image=nginx:1.27"),
            (0, "apply -f api.yaml"),
            (0, "create quota second --hard=pods=1"),
            (0, "apply -f rs.yaml"),
            (1, "get quota objects -o jsonpath={.status.used}"),
            (10, "set image deployment/a nginx=nginx:1.28"),
            (12, "describe deployment a"),
            (300, "get deployment a -o jsonpath={.status.conditions[*].reason}"),
            (301, "delete rs condition-test"),
            (302, "get replicasets"),
            (303, "rollout restart deployment a"),
            (304, "get replicasets"),
        ]
        let files = ["api.yaml": Self.api, "rs.yaml": Self.replicaSet]
        try expectGolden(try ScenarioScript(files: files, steps: steps).run(), named: "fidelity/quota-object-counts.txt")
    }
}

extension ResourceQuotaGoldenTests {
    static let memoryQuota = """
        apiVersion: v1
        kind: ResourceQuota
        metadata:
          name: mem
        spec:
          hard:
            requests.memory: 1024Mi
            pods: "10"
        """

    /// apply says `unchanged` only when kubectl's patch is empty: a quantity written in another form than the one
    /// stored (`1024Mi` for `1Gi`) makes a patch every time, which changes nothing. Also the dry runs of `create
    /// quota`, a changed scope, and `diff` of a quota.
    @Test func quotaApplyDiffAndDryRuns() throws {
        let steps: [(Int, String)] = [
            (0, "apply -f mem.yaml"),
            (1, "apply -f mem.yaml"),
            (2, "create quota small --hard=pods=1 --dry-run=server -o yaml"),
            (2, "create quota small --hard=pods=1 --scopes=BestEffort"),
            (3, "patch quota small -p '{\"spec\":{\"scopes\":[\"NotBestEffort\"]}}'"),
            (4, "diff -f bigger.yaml"),
            (5, "get quota"),
        ]
        let bigger = Self.memoryQuota.replacingOccurrences(of: "\"10\"", with: "\"12\"")
        let files = ["mem.yaml": Self.memoryQuota, "bigger.yaml": bigger]
        try expectGolden(try ScenarioScript(files: files, steps: steps).run(), named: "fidelity/quota-apply.txt")
    }
}

extension ResourceQuotaGoldenTests {
    /// The status subresource (e2e's "should apply changes to a resourcequota status"): a write changes the status
    /// alone; the controller ignores it (and a label) until its full resync five minutes later; new limits it counts
    /// at once. A watch sees each change.
    @Test func statusSubresourceAndWatch() throws {
        let steps: [(Int, String)] = [
            (0, "create quota compute --hard=cpu=500m,memory=500Mi"),
            (1, "patch quota compute --subresource=status --type=merge -p '{\"status\":{\"hard\":{\"cpu\":\"1\",\"memory\":\"1Gi\"}}}'"),
            (2, "get quota compute --subresource=status -o jsonpath={.status.hard}"),
            (3, "patch quota compute --subresource=status --type=merge -p '{\"status\":{\"used\":{\"cpu\":\"-1\"}}}'"),
            (3, "patch quota compute --subresource=scale -p {}"),
            (4, "label quota compute team=a"),
            (300, "get quota compute -o jsonpath={.status.hard}"),
            (302, "get quota compute -o jsonpath={.status.hard}"),
            (303, "patch quota compute --subresource=status --type=merge -p '{\"status\":{\"hard\":{\"cpu\":\"3\"}}}'"),
            (304, "patch quota compute -p '{\"spec\":{\"hard\":{\"cpu\":\"2\"}}}'"),
            (305, "get quota compute -o jsonpath={.status.hard}"),
            (306, "get quota compute --watch --request-timeout=1"),
            (700, "events resourcequota/compute"),
        ]
        try expectGolden(try ScenarioScript(files: [:], steps: steps).run(), named: "fidelity/quota-status.txt")
    }
}

/// A store that used quotas is still a pure fold of its log: a replay rebuilds the same projections (quotas, the
/// failing ReplicaSet's condition, its Events), and a read as of an event folds the quotas' stream to that point.
struct ResourceQuotaReplayTests {
    @Test func replayRebuildsTheQuotasAndWhatTheyRefused() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try ResourceQuotaGoldenTests.replicaSet.write(toFile: dir.path("rs.yaml"), atomically: true, encoding: .utf8)
        let cli = try CLIRunner(store: dir.path("store.db"), workingDirectory: dir.url)
        let steps: [(Int, [String])] = [
            (0, ["create", "quota", "two", "--hard=pods=2"]), (1, ["create", "-f", "rs.yaml"]),
            (40, ["patch", "quota", "two", "-p", #"{"spec":{"hard":{"pods":"3"}}}"#]), (45, ["get", "rs"]),
            // A status a user wrote, and the resync it waits for, are rebuilt too.
            (46, ["patch", "quota", "two", "--subresource=status", "--type=merge", "-p", #"{"status":{"hard":{"pods":"9"}}}"#]),
        ]
        for (offset, arguments) in steps {
            #expect(try cli.run(arguments, now: ScenarioScript.clock(offset)).exitCode == 0, "\(arguments)")
        }
        let audit = try StoreAudit(path: dir.path("store.db"))
        #expect(audit.problems == [])
        #expect(try StoreAudit.replayMatches(path: dir.path("store.db")))
        // The patch raised the quota at t+40; the retry at t+41 (40 s after the first failure) created the third pod.
        let now = ScenarioScript.clock(50)
        #expect(try cli.run(["get", "quota", "two", "-o", "jsonpath={.status.used.pods}"], now: now).stdout == "3")
        let before = try cli.run(["get", "quota", "two", "--at", ScenarioScript.clock(39), "-o", "jsonpath={.status.used.pods}"], now: now)
        #expect(before.stdout == "2")
    }
}
