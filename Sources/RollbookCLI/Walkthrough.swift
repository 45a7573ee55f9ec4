/// The kubectl Deployment walkthrough of the core issue: what `rollbook demo` plays and the end-to-end
/// test checks byte for byte.
public enum Walkthrough {
    /// `serve-deployment.yaml`.
    public static let manifest = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: serve-deployment
          labels:
            app: auto-serve
        spec:
          replicas: 2
          selector:
            matchLabels:
              app: auto-serve
          template:
            metadata:
              labels:
                app: auto-serve
            spec:
              containers:
                - name: auto-serve
                  image: auto-serve:latest
                  imagePullPolicy: Never
                  ports:
                    - containerPort: 8082

        """

    /// The commands, in order, each run against the same store.
    public static let steps: [String] = [
        "images load auto-serve:latest auto-serve:1.1.1 auto-serve:2.2.2",
        "apply -f serve-deployment.yaml",
        "get deployment/serve-deployment",
        "describe deployment/serve-deployment",
        "rollout status deployment/serve-deployment",
        "get rs",
        "get pods",
        "set image deployment/serve-deployment auto-serve=auto-serve:1.1.1",
        "describe deployment/serve-deployment",
        "set image deployment/serve-deployment auto-serve=auto-serve:2.2.2",
        "rollout history deployment/serve-deployment",
        "rollout history deployment/serve-deployment --revision=2",
        "rollout undo deployment/serve-deployment",
        "rollout undo deployment/serve-deployment --to-revision=1",
        "scale deployment/serve-deployment --replicas=3",
        "get rs",
        "get pods",
        "rollout pause deployment/serve-deployment",
        "describe deployment/serve-deployment",
        "set image deployment/serve-deployment auto-serve=auto-serve:1.1.1",
        "get pods",
        "rollout resume deployment/serve-deployment",
        "get rs -o wide",
        "get pods -o wide",
        "delete -f serve-deployment.yaml",
    ]
}
