import Testing
import TestSupport

/// Pods users write (`create -f pod.yaml`, `label pod`, …), as e2e's "should adopt matching pods on creation and
/// release no longer matching pods" (test/e2e/apps/replica_set.go) and test/cmd/core.sh use them. Each client output
/// was checked against kubectl v1.32.4 through serve on a twin store.
@Suite(.serialized)
struct PodWritesTests {
    static let pod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: pod-adoption
          labels:
            name: pod-adoption
        spec:
          containers:
          - name: web
            image: web:1.0
        """

    static let replicaSet = """
        apiVersion: apps/v1
        kind: ReplicaSet
        metadata:
          name: pod-adoption
        spec:
          replicas: 1
          selector:
            matchLabels:
              name: pod-adoption
          template:
            metadata:
              labels:
                name: pod-adoption
            spec:
              containers:
              - name: web
                image: web:1.0
        """

    static let invalid = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: Bad_Pod
        spec:
          restartPolicy: Sometimes
          containers:
          - name: web
        """

    @Test func adoptionOnCreationAndReleaseByRelabelling() throws {
        let script = ScenarioScript(
            files: ["pod.yaml": Self.pod, "rs.yaml": Self.replicaSet, "invalid.yaml": Self.invalid],
            steps: [
                (0, "images load web:1.0"),
                (0, "create -f pod.yaml"),
                (1, "create -f pod.yaml"),
                (1, "create -f invalid.yaml"),
                (2, "get pods -o wide"),
                (3, "create -f rs.yaml"),
                (4, "get pods -o custom-columns=NAME:.metadata.name,OWNER:.metadata.ownerReferences[0].name"),
                (5, "label pod pod-adoption name=not-matching --overwrite"),
                (6, "get pods --show-labels"),
                (6, "get rs pod-adoption"),
                (7, "annotate pod pod-adoption note=released"),
                (7, "patch pod pod-adoption -p '{\"spec\":{\"activeDeadlineSeconds\":30}}'"),
                (8, "label pod pod-adoption name=pod-adoption --overwrite"),
                (9, "get pods --show-labels"),
                (10, "delete pod -l name=pod-adoption"),
                (11, "get pods"),
                (12, "events --type PodConfigured,PodOrphaned,PodAdopted"),
                (12, #"sql "SELECT change, object, detail FROM audit_changes WHERE object LIKE 'pod/%' ORDER BY seq""#),
                (12, "verify"),
            ])
        try expectGolden(try script.run(), named: "fidelity/pod-writes.txt")
    }

    /// `apply -f` and `replace --force -f` of a Pod, and `delete -f`.
    @Test func applyReplaceAndDeleteFromFiles() throws {
        let script = ScenarioScript(files: ["pod.yaml": Self.pod], steps: [
            (0, "images load web:1.0"),
            (0, "apply -f pod.yaml"),
            (1, "apply -f pod.yaml"),
            (2, "label pod pod-adoption tier=x"),
            (3, "apply -f pod.yaml -o name"),
            (4, "get pod pod-adoption --show-labels"),
            (5, "replace --force -f pod.yaml"),
            (6, "get pods -o custom-columns=NAME:.metadata.name,UID:.metadata.uid"),
            (7, "delete -f pod.yaml"),
            (8, "get pods"),
            (8, "verify"),
        ])
        try expectGolden(try script.run(), named: "fidelity/pod-apply-replace.txt")
    }

    /// Names are unique in a namespace: the ReplicaSet controller skips a generated name a user's Pod already has (the
    /// name the scale below would take, `app-6d44487bd-9ff6w`, is taken first); `generateName` gets five characters; no
    /// name at all, or a controller reference a user writes, is refused.
    @Test func namesAndOwnersOfPodsUsersWrite() throws {
        let taken = """
            apiVersion: v1
            kind: Pod
            metadata:
              name: app-6d44487bd-9ff6w
              labels:
                x: z
            spec:
              containers:
              - name: c
                image: web:1.0
            """
        let generated = taken.replacingOccurrences(of: "name: app-6d44487bd-9ff6w", with: "generateName: gen-")
        let nameless = taken.replacingOccurrences(of: "  name: app-6d44487bd-9ff6w\n", with: "")
        let owned = taken.replacingOccurrences(
            of: "name: app-6d44487bd-9ff6w",
            with: "name: owned\n  ownerReferences:\n  - {apiVersion: apps/v1, kind: ReplicaSet, name: x, uid: u1, controller: true}")
        let script = ScenarioScript(
            files: ["taken.yaml": taken, "generated.yaml": generated, "nameless.yaml": nameless, "owned.yaml": owned],
            steps: [
                (0, "images load web:1.0"),
                (0, "create deployment app --image=web:1.0"),
                (5, "create -f taken.yaml"),
                (6, "scale deploy app --replicas=2"),
                (7, "get pods --show-labels"),
                (8, "create -f generated.yaml"),
                (8, "create -f nameless.yaml"),
                (8, "create -f owned.yaml"),
                (9, "get pods"),
                (9, "verify"),
            ])
        try expectGolden(try script.run(), named: "fidelity/pod-names-and-owners.txt")
    }
}
