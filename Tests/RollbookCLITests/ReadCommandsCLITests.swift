import Testing
import TestSupport

/// Issue 2's read side beyond the walkthrough: output formats, namespaces, selectors, describe of
/// ReplicaSets and Pods, and the errors kubectl prints for missing or invalid objects.
@Suite(.serialized)
struct ReadCommandsCLITests {
    static let manifests = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: api
          namespace: prod
          labels:
            app: api
            tier: backend
        spec:
          replicas: 1
          selector:
            matchLabels:
              app: api
          template:
            metadata:
              labels:
                app: api
            spec:
              containers:
              - name: api
                image: api:1.0
                imagePullPolicy: Never
                ports:
                - containerPort: 8080
                  name: http
                env:
                - name: MODE
                  value: prod
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          labels:
            app: web
            tier: frontend
        spec:
          replicas: 2
          strategy:
            type: Recreate
          selector:
            matchLabels:
              app: web
          template:
            metadata:
              labels:
                app: web
            spec:
              containers:
              - name: web
                image: web:1.0
                imagePullPolicy: Never

        """

    static let invalid = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: Bad_Name
        spec:
          replicas: -1
          selector:
            matchLabels:
              app: x
          template:
            metadata:
              labels:
                app: other
            spec:
              containers:
              - name: x
                image: x:1

        """

    @Test func formatsNamespacesSelectorsAndDescribe() throws {
        let script = ScenarioScript(
            files: ["all.yaml": Self.manifests, "invalid.yaml": Self.invalid],
            steps: [
                (0, "images load api:1.0"),
                (0, "apply -f all.yaml"),
                (0, "apply -f invalid.yaml"),
                (5, "get deployments -A"),
                (5, "get deployments -A -o wide"),
                (5, "get deploy -l tier=frontend"),
                (5, "get deploy -l tier!=frontend -A -o name"),
                (5, "get pods -n prod"),
                (5, "get deploy,rs,pods -n prod"),
                (5, "get pods -l app=web -o wide"),
                (5, "get deployment/web -o yaml"),
                (5, "get rs -n prod -o json"),
                (5, "get deployment missing"),
                (5, "get deployment web missing"),
                (5, "get nodes"),
                (5, "describe deployment missing"),
                (5, "describe rs -n prod"),
                (5, "describe pods -n prod"),
                (5, "describe deployment web"),
                (5, "rollout history deployment/missing"),
                (5, "rollout history deployment/web --revision=7"),
                (60, "images load web:1.0"),
                (70, "get pods -l app=web"),
                (70, "rollout status deployment/web"),
            ])
        try expectGolden(try script.run(), named: "scenarios/read-commands.txt")
    }
}
