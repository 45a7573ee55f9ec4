import Testing
import TestSupport

/// kubectl v1.32's client-side wording and exit codes in corners the walkthrough does not reach.
/// Each golden states what kubectl prints; the comment names the kubectl source it comes from.
@Suite(.serialized)
struct KubectlClientFidelityTests {
    static let paused = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 2
          paused: true
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

        """

    // pkg/cmd/rollout/rollout_restart.go: an unchanged restartedAt (same second) is an empty patch, an error.
    @Test func restartTwiceInOneSecond() throws {
        let script = ScenarioScript(files: [:], steps: [
            (0, "images load web:1.0"),
            (0, "create deployment web --image=web:1.0"),
            (10, "rollout restart deployment/web"),
            (10, "rollout restart deployment/web"),
            (11, "rollout restart deployment/web"),
        ])
        try expectGolden(try script.run(), named: "fidelity/restart-same-second.txt")
    }

    // pkg/cmd/annotate/annotate.go validateNoAnnotationOverwrites: change-cause may always be overwritten.
    @Test func changeCauseNeedsNoOverwrite() throws {
        let script = ScenarioScript(files: [:], steps: [
            (0, "images load web:1.0"),
            (0, "create deployment web --image=web:1.0"),
            (5, "annotate deployment/web kubernetes.io/change-cause=first"),
            (6, "annotate deployment/web kubernetes.io/change-cause=second"),
            (7, "annotate deployment/web team=a"),
            (8, "annotate deployment/web team=b"),
            (9, "rollout history deployment/web"),
        ])
        try expectGolden(try script.run(), named: "fidelity/annotate-change-cause.txt")
    }

    // pkg/cmd/scale/scale.go: --replicas is a required flag; Validate; RunScale visits every name first,
    // scales those found and reports the rest ("no objects passed to scale" when none was found).
    @Test func scaleErrors() throws {
        let script = ScenarioScript(files: [:], steps: [
            (0, "images load web:1.0"),
            (0, "create deployment web --image=web:1.0"),
            (5, "scale deployment/web"),
            (6, "scale deployment/web --replicas=2 --current-replicas=-2"),
            (7, "scale deployment/nope --replicas=2"),
            (8, "scale deployment nope other --replicas=2"),
            (9, "scale deployment nope web --replicas=4"),
            (10, "get deployments"),
            (10, "scale deployment/web --replicas=2 --resource-version=1"),
            (10, "scale deployment web web --replicas=2 --resource-version=1"),
            (10, "scale deployment/web --replicas=2 --timeout=abc"),
            (10, "get deploy web -o jsonpath={.metadata.resourceVersion}"),
            (11, "scale deployment/web --replicas=2 --resource-version=43 --timeout=5s"),
        ])
        try expectGolden(try script.run(), named: "fidelity/scale-errors.txt")
    }

    // With no resource at all each verb family says its own thing: pkg/cmd/rollout/*.go "required resource not
    // specified"; cli-runtime's resource builder for scale and delete; describe.go's "type of resource to describe".
    @Test func verbsWithoutAResource() throws {
        let script = ScenarioScript(files: [:], steps: [
            (0, "rollout undo"), (0, "rollout history"), (0, "rollout status"), (0, "rollout pause"),
            (0, "scale --replicas=2"), (0, "delete"), (0, "describe"),
        ])
        try expectGolden(try script.run(), named: "fidelity/no-resource.txt")
    }

    // pkg/polymorphichelpers/rollout_status.go: deploymentutil.Revision reads a missing annotation as 0.
    @Test func rolloutStatusRevisionOfAPausedNewDeployment() throws {
        let script = ScenarioScript(files: ["web.yaml": Self.paused], steps: [
            (0, "images load web:1.0"),
            (0, "apply -f web.yaml"),
            (5, "rollout status deployment/web --revision=1"),
        ])
        try expectGolden(try script.run(), named: "fidelity/rollout-status-revision-0.txt")
    }

    // cmdutil.GetDryRunStrategy and PrintFlagsWithDryRunStrategy: a server dry run checks and changes
    // nothing, printing "(server dry run)"; set image and scale take --dry-run too.
    @Test func dryRuns() throws {
        let script = ScenarioScript(files: [:], steps: [
            (0, "images load web:1.0 web:2.0"),
            (0, "create deployment web --image=web:1.0"),
            (5, "set image deployment/web web=web:2.0"),
            (10, "rollout undo deployment/web --dry-run=server"),
            (11, "rollout undo deployment/web --to-revision=2 --dry-run=server"),
            (12, "rollout undo deployment/web --dry-run=bogus"),
            (13, "set image deployment/web web=web:1.0 --dry-run=client"),
            (14, "set image deployment/web web=web:1.0 --dry-run=server"),
            (15, "scale deployment/web --replicas=3 --current-replicas=7 --dry-run=client"),
            (16, "scale deployment/web --replicas=3 --dry-run=server"),
            (17, "rollout history deployment/web"),
            (18, "get deployments -o wide"),
        ])
        try expectGolden(try script.run(), named: "fidelity/dry-run.txt")
    }

    // pkg/cmd/create/create_deployment.go: the arguments after -- are every container's command, and
    // Validate refuses a command with several images.
    @Test func createDeploymentWithACommand() throws {
        let script = ScenarioScript(files: [:], steps: [
            (0, "images load web:1.0 web:2.0"),
            (0, "create deployment cmd --image=web:1.0 -- /bin/sleep infinity"),
            (1, "create deployment multi --image=web:1.0 --image=web:2.0 -- /bin/sleep"),
            (2, "rollout history deployment/cmd --revision=1"),
        ])
        try expectGolden(try script.run(), named: "fidelity/create-with-command.txt")
    }

    // pkg/cmd/describe/describe.go DescribeMatchingResources: TYPE NAME with no such object describes every
    // object whose name starts with NAME, each followed by a newline; -l selects by label.
    @Test func describeByNamePrefixAndSelector() throws {
        let script = ScenarioScript(files: [:], steps: [
            (0, "images load web:1.0"),
            (0, "create deployment web --image=web:1.0"),
            (0, "create deployment api --image=web:1.0"),
            (5, "describe deployment we"),
            (5, "describe deployment/we"),
            (5, "describe deployments -l app=nope"),
        ])
        try expectGolden(try script.run(), named: "fidelity/describe-prefix.txt")
    }

    // pkg/cmd/set/set_image.go: --all and -l select Deployments; each object's error is collected and the
    // others still change; nothing selected prints nothing (test/cmd/apps.sh "set image deployments --all");
    // several names, and a missing one.
    @Test func setImageOnSeveralDeployments() throws {
        let script = ScenarioScript(files: [:], steps: [
            (0, "images load web:1.0 web:2.0"),
            (0, "create deployment web --image=web:1.0"),
            (0, "create deployment api --image=web:1.0"),
            (5, "set image deployments --all web=web:2.0"),
            (6, "set image deployments --all web=web:2.0"),
            (7, "set image deployment -l app=api web=web:1.0"),
            (8, "set image deployments --all nope=web:2.0"),
            (9, "set image deployments -l app=zzz web=web:2.0"),
            (10, "get deployments -o wide"),
            // Names: Complete visits them all (a missing one fails it, before Validate looks at the images).
            (11, "set image deployment web api web=web:1.0"),
            (12, "set image deployment web nope web=web:2.0"),
            (12, "set image deployment web nope"),
            (12, "set image deployment web"),
            (12, "set image deployment/web web"),
            (12, "set image deployment web=web:2.0"),
            (13, "get deployments -o wide"),
        ])
        try expectGolden(try script.run(), named: "fidelity/set-image-all.txt")
    }

    // pkg/cmd/rollout/rollout_history.go with -o: each revision's ReplicaSet by ascending revision, as the
    // typed client holds it: JSON in Go's field order, the template's zero creationTimestamp as null.
    @Test func rolloutHistoryWithAnOutputFormat() throws {
        let script = ScenarioScript(files: [:], steps: [
            (0, "images load web:1.0 web:2.0"),
            (0, "create deployment web --image=web:1.0"),
            (5, "set image deployment/web web=web:2.0"),
            (10, "rollout history deployment/web -o name"),
            (10, "rollout history deployment/web -o jsonpath={.metadata.name}"),
            (10, "rollout history deployment/web -o yaml --revision=1"),
            (10, "rollout history deployment/web -o json --revision=2"),
            (10, "rollout history deployment/web -o json"),
            (10, "rollout history deployment/web -o wide"),
        ])
        try expectGolden(try script.run(), named: "fidelity/rollout-history-output.txt")
    }

    // pkg/cmd/annotate/annotate.go: resources before pairs (GetResourcesAndPairs), no key both set and
    // removed (validateAnnotations), --all / -l / --list; the server refuses a key that is not a qualified name.
    @Test func annotateArgumentsAndValidation() throws {
        let script = ScenarioScript(files: [:], steps: [
            (0, "images load web:1.0"),
            (0, "create deployment web --image=web:1.0"),
            (0, "create deployment api --image=web:1.0"),
            (5, "annotate deployment web a=b a-"),
            (5, "annotate deployment web 'bad key=x'"),
            (5, "annotate deployment web a=1 b=2 c"),
            (5, "annotate deployments --all team=x"),
            (5, "annotate deployment -l app=web z=1"),
            (5, "annotate deployment web --list"),
        ])
        try expectGolden(try script.run(), named: "fidelity/annotate-arguments.txt")
    }
}
