import Testing
import TestSupport

/// Pod spec validation beyond containers' own fields (volumes and mounts, probes and hooks, env sources, security
/// contexts, affinity, tolerations), as kubectl prints the API server's causes: in order, a repeated one once.
/// Fields of v1.32's disabled gates are dropped without an error.
struct PodSpecValidationGoldenTests {
    static let broken = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              volumes:
              - name: creds
                secret: {}
              affinity:
                podAntiAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                  - labelSelector: {matchLabels: {app: web}}
                    namespaces: [Prod, Prod]
                    topologyKey: kubernetes.io/hostname
              tolerations:
              - key: dedicated
                operator: Exists
                value: web
              containers:
              - name: app
                image: app:1
                env:
                - name: POD_PHASE
                  valueFrom: {fieldRef: {fieldPath: status.phase}}
                volumeMounts:
                - {name: creds, mountPath: /etc/creds}
                readinessProbe:
                  initialDelaySeconds: 5
        """

    static let fixed = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 1
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              volumes:
              - name: creds
                secret: {secretName: web-creds}
              - name: scratch
              containers:
              - name: app
                image: app:1
                env:
                - name: POD_NAME
                  valueFrom: {fieldRef: {fieldPath: metadata.name}}
                volumeMounts:
                - {name: creds, mountPath: /etc/creds, readOnly: true}
                - {name: scratch, mountPath: /tmp}
                readinessProbe:
                  tcpSocket: {port: 8080}
                resizePolicy:
                - {resourceName: cpu, restartPolicy: NotRequired}
                securityContext:
                  procMount: Unmasked
        """

    static let pod = """
        apiVersion: v1
        kind: Pod
        metadata:
          name: solo
        spec:
          volumes:
          - name: data
            hostPath: {path: /var/data, type: Dir}
          containers:
          - name: app
            image: app:1
            volumeMounts:
            - {name: data, mountPath: /data, mountPropagation: Bidirectional}
        """

    @Test func theServersCausesAreKubectlsLines() throws {
        let steps: [(Int, String)] = [
            (0, "images load app:1"),
            (0, "apply -f broken.yaml"),
            (0, "create -f pod.yaml"),
            (0, "apply -f fixed.yaml"),
            (0, "get deploy web -o jsonpath={.spec.template.spec.volumes}"),
            (0, "get deploy web -o jsonpath={.spec.template.spec.containers[0].securityContext}"),
            (0, "get deploy web -o jsonpath={.spec.template.spec.containers[0].resizePolicy}"),
            (20, "get pods"),
        ]
        let files = ["broken.yaml": Self.broken, "fixed.yaml": Self.fixed, "pod.yaml": Self.pod]
        try expectGolden(try ScenarioScript(files: files, steps: steps).run(), named: "fidelity/pod-spec-validation.txt")
    }
}
