import Foundation
import Testing
import TestSupport

@testable import RollbookCLI

/// pkg/cmd/set/set_image.go's printing: `--local` changes the objects of `-f` and prints them as typed Go objects;
/// against the store, `-o` prints what the PATCH answered (or, for a client dry run, the object read and changed).
@Suite(.serialized)
struct SetImageOutputTests {
    /// A Deployment using most pod-spec structs, with zero values typed decoding drops (`hostPort: 0`, `args: []`).
    static let big = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: big
          namespace: prod
          labels: {app: big}
          annotations: {}
        spec:
          replicas: 0
          minReadySeconds: 0
          strategy:
            rollingUpdate: {maxSurge: 25%, maxUnavailable: 1}
          selector:
            matchLabels: {app: big}
            matchExpressions: [{key: tier, operator: In, values: [web]}]
          template:
            metadata:
              labels: {app: big, tier: web}
            spec:
              terminationGracePeriodSeconds: 0
              tolerations: [{key: dedicated, operator: Equal, value: web, effect: NoSchedule, tolerationSeconds: 30}]
              hostAliases: [{ip: 10.0.0.1, hostnames: [a.local]}]
              dnsConfig: {nameservers: [1.1.1.1], options: [{name: ndots, value: "2"}]}
              topologySpreadConstraints:
              - {maxSkew: 1, topologyKey: zone, whenUnsatisfiable: DoNotSchedule, labelSelector: {matchLabels: {app: big}}}
              initContainers:
              - {name: init, image: "busybox:1", command: [sh, -c, echo hi]}
              containers:
              - name: app
                image: app:1
                args: []
                workingDir: ""
                ports: [{name: http, containerPort: 8080, protocol: TCP, hostPort: 0}]
                envFrom: [{prefix: X_, configMapRef: {name: cfg, optional: true}}]
                env:
                - {name: POD, valueFrom: {fieldRef: {fieldPath: metadata.name, apiVersion: v1}}}
                - {name: KEY, valueFrom: {secretKeyRef: {key: k, name: s}}}
                resources: {limits: {cpu: 500m}, requests: {cpu: 100m}}
                livenessProbe: {tcpSocket: {port: http}, initialDelaySeconds: 3, failureThreshold: 5}
                readinessProbe: {httpGet: {scheme: HTTP, port: 8080, path: /, httpHeaders: [{value: "y", name: X}]}}
                lifecycle: {preStop: {sleep: {seconds: 5}}}
                volumeMounts: [{name: cache, mountPath: /cache, readOnly: true}]
                securityContext: {runAsGroup: 3, privileged: false, seccompProfile: {type: RuntimeDefault}}
                stdin: false
              volumes:
              - {name: cache, emptyDir: {medium: Memory, sizeLimit: 1Gi}}
              - {name: sec, secret: {secretName: s, defaultMode: 420, items: [{key: a, path: b}]}}
              - {name: proj, projected: {sources: [{serviceAccountToken: {path: token, audience: api}}]}}
              affinity:
                nodeAffinity:
                  preferredDuringSchedulingIgnoredDuringExecution:
                  - {preference: {matchExpressions: [{key: disk, operator: Exists}]}, weight: 10}

        """

    static let twoContainers = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, labels: {app: web}}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              initContainers:
              - {name: setup, image: "busybox:1"}
              containers:
              - {name: web, image: "web:1.0"}
              - {name: sidecar, image: "busybox:1"}
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: other}
        spec:
          selector: {matchLabels: {app: other}}
          template:
            metadata: {labels: {app: other}}
            spec:
              containers:
              - {name: web, image: "web:1.0"}

        """

    // Every transcript of this golden is what kubectl v1.32.4 printed for the same files and arguments (compared
    // byte for byte).
    @Test func localUpdatesPrintTypedObjects() throws {
        let script = ScenarioScript(files: ["big.yaml": Self.big, "two.yaml": Self.twoContainers], steps: [
            (0, "set image -f big.yaml app=app:2 --local -o json"),
            (0, "set image -f big.yaml init=busybox:2 --local -o yaml"),
            (0, "set image -f two.yaml *=web:2.0 --local -o yaml"),
            (0, "set image -f two.yaml web=web:2.0 --local -o jsonpath={.metadata.name}"),
            (0, "set image -f two.yaml web=web:2.0 --local --dry-run=client"),
            (0, "set image -f two.yaml web=web:1.0 --local -o yaml"),
            (0, "set image -f two.yaml setup=busybox:2 --local -o name"),
            (0, "set image -f two.yaml nope=x sidecar=busybox:2 --local -o name"),
            (0, "set image -f two.yaml *=x web=y --local"),
            (0, "set image -f two.yaml web=x --local --dry-run=server"),
            (0, "set image -f two.yaml web=x --local --dry-run=server --all -l app=web"),
            (0, "set image web=x --local"),
            (0, "set image web=x"),
            (0, "set image -f two.yaml *=x *=web:3.0 --local -o jsonpath={.spec.template.spec.containers[*].image}"),
            (0, "set image deployment/web web=x --local -f two.yaml"),
            (0, "set image -f two.yaml web=x --local -o wide"),
        ])
        try expectGolden(try script.run(), named: "fidelity/set-image-local.txt")
    }

    // Against the store: the PATCH's answer (generation bumped; the controller has not yet set the revision or
    // status), a client dry run's object read and changed here, an init container's image rolling out.
    @Test func storeUpdatesPrintWhatThePatchAnswered() throws {
        let script = ScenarioScript(files: ["two.yaml": Self.twoContainers], steps: [
            (0, "images load web:1.0 web:2.0 busybox:1 busybox:2"),
            (0, "apply -f two.yaml"),
            (10, "set image deployment/web web=web:2.0 --dry-run=client -o yaml"),
            (10, "set image deployment/web web=web:2.0 --dry-run=server -o jsonpath={.metadata.generation}"),
            (10, "set image deployment/web web=web:2.0 -o json"),
            (10, "set image deployment/web web=web:2.0 -o json"),
            (20, "set image deployment/web setup=busybox:2 --record -o jsonpath={.metadata.annotations}"),
            (30, "rollout history deployment/web"),
            (30, "get deployment/web -o jsonpath={.spec.template.spec.initContainers[0].image}"),
            (30, "verify"),
        ])
        try expectGolden(try script.run(), named: "fidelity/set-image-output.txt")
    }

    // cli-runtime's parseCommandArguments: flags by their long name, in parse order, whatever way they were spelt.
    @Test func recordedCommandNamesEveryFlagLongAndWithItsValue() {
        #expect(
            RecordFlag.changeCause(
                ["/usr/bin/rollbook", "set", "image", "-oyaml", "deployment/web", "-l", "app=web", "--dry-run",
                 "web=web:2", "-f=x.yaml", "--record", "--output", "json", "--store", "/tmp/s.db"])
                == "rollbook set image deployment/web web=web:2 --output=yaml --selector=app=web --dry-run=unchanged "
                + "--filename=x.yaml --record=true --output=json")
    }
}
