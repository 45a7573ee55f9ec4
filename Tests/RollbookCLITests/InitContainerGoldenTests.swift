import Testing
import TestSupport

/// Init containers and a sidecar as `get pods` and `describe pod` show them while they run (`Init:0/1`,
/// `Init:CrashLoopBackOff`, `Init:1/2` with the started sidecar counted ready), the regular containers waiting as
/// `PodInitializing`, and the service account token mounted in every container but one that mounts its path itself.
struct InitContainerGoldenTests {
    static let migrate = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: app
        spec:
          replicas: 1
          selector:
            matchLabels:
              app: app
          template:
            metadata:
              labels:
                app: app
            spec:
              initContainers:
              - name: migrate
                image: migrate:1
                command: ["migrate", "up"]
              containers:
              - name: app
                image: app:1
        """

    static let sidecar = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: side
        spec:
          replicas: 1
          selector:
            matchLabels:
              app: side
          template:
            metadata:
              labels:
                app: side
            spec:
              initContainers:
              - name: proxy
                image: proxy:1
                restartPolicy: Always
              - name: wait
                image: wait:1
                volumeMounts:
                - name: token
                  mountPath: /var/run/secrets/kubernetes.io/serviceaccount
              containers:
              - name: app
                image: app:1
              volumes:
              - name: token
                emptyDir: {}
        """

    @Test func initContainersRunBeforeTheApp() throws {
        let steps: [(Int, String)] = [
            (0, "images load app:1 proxy:1"),
            (0, "images load migrate:1 wait:1 --startup 20s"),
            (0, "apply -f migrate.yaml"),
            (10, "get pods"),
            (10, "describe pods"),
            (30, "get pods"),
            (30, "describe pods"),
            (40, "images load migrate:2 --crash"),
            (40, "set image deployment/app migrate=migrate:2"),
            (60, "get pods -l pod-template-hash"),
            (60, "apply -f side.yaml"),
            (70, "get pods -l app=side"),
            (70, "get pods -l app=side -o jsonpath={.items[0].spec.initContainers[0].volumeMounts[*].name}"),
            (70, "get pods -l app=side -o jsonpath={.items[0].spec.initContainers[1].volumeMounts[*].name}"),
            (90, "get pods -l app=side"),
        ]
        let files = ["migrate.yaml": Self.migrate, "side.yaml": Self.sidecar]
        try expectGolden(try ScenarioScript(files: files, steps: steps).run(), named: "fidelity/init-containers.txt")
    }
}
