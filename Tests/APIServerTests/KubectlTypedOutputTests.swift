import Foundation
import Testing
import TestSupport

/// kubectl's printers over what `rollbook serve` answers, beside `rollbook` on a twin store that lived through the
/// same commands: what each verb prints with `-o` must be the same both ways. The server answers a write with the
/// object before any controller acted, as kube-apiserver does.
@Suite(
    .serialized,
    .enabled(if: Kubectl.isInstalled, "kubectl is not installed (no /usr/bin/kubectl, none on PATH): skipping the kubectl end-to-end tests"))
struct KubectlTypedOutputTests {
    static let now = "2026-11-26T15:00:00Z"

    static let manifests = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web, labels: {app: web}}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers: [{name: web, image: "web:1.0"}]
        ---
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: api}
        spec:
          selector: {matchLabels: {app: api}}
          template:
            metadata: {labels: {app: api}}
            spec:
              containers: [{name: api, image: "web:1.0"}]

        """

    /// Two stores given the same set-up commands: one served to kubectl, one used by `rollbook` directly.
    struct Twin {
        let dir: TemporaryDirectory
        let local: CLIRunner
        let server: ServeProcess
        let kubectl: Kubectl

        init(files: [String: String] = [:], setUp: [[String]]) throws {
            dir = try TemporaryDirectory()
            for (name, text) in files { try text.write(toFile: dir.path(name), atomically: true, encoding: .utf8) }
            let served = try CLIRunner(store: dir.path("served.db"), workingDirectory: dir.url)
            local = try CLIRunner(store: dir.path("local.db"), workingDirectory: dir.url)
            for cli in [served, local] {
                for command in setUp { _ = try cli.run(command, now: KubectlTypedOutputTests.now) }
            }
            server = try ServeProcess(
                binary: served.binary, store: served.store, arguments: ["--allow-anonymous"],
                now: KubectlTypedOutputTests.now, directory: dir.url)
            kubectl = try Kubectl(server: server.url, token: nil, directory: dir.url)
        }

        /// Runs each command both ways, expects the same stdout, stderr and exit code, and returns rollbook's stdouts.
        func expectSame(_ commands: [[String]], sourceLocation: SourceLocation = #_sourceLocation) throws -> [String] {
            try commands.map { command in
                var viaServe = try kubectl.run(command)
                viaServe.stderr = Transcripts.withoutKlog(viaServe.stderr)
                let direct = try local.run(command, now: KubectlTypedOutputTests.now)
                #expect(viaServe.stdout == direct.stdout, "\(command)", sourceLocation: sourceLocation)
                #expect(viaServe.stderr == direct.stderr, "\(command)", sourceLocation: sourceLocation)
                #expect(viaServe.exitCode == direct.exitCode, "\(command)", sourceLocation: sourceLocation)
                return direct.stdout
            }
        }

        func stop() {
            server.stop()
            dir.remove()
        }
    }

    @Test func setImageAndHistoryPrintAsRollbookPrints() throws {
        let twin = try Twin(setUp: [
            ["images", "load", "web:1.0", "web:2.0", "web:3.0"],
            ["create", "deployment", "web", "--image=web:1.0", "--replicas=2"],
        ])
        defer { twin.stop() }
        _ = try twin.expectSame([
            ["set", "image", "deployment/web", "web=web:2.0", "-o", "json"],
            ["set", "image", "deployment/web", "web=web:3.0", "--dry-run=client", "-o", "yaml"],
            ["set", "image", "deployment/web", "web=web:2.0", "-o", "json"],
            ["rollout", "history", "deployment/web", "-o", "json"],
            ["rollout", "history", "deployment/web", "-o", "yaml", "--revision=1"],
        ])
        // The PATCH answer is the patched object: generation 3, but the controller's revision is still 2.
        let answer = try twin.kubectl.run(["set", "image", "deployment/web", "web=web:3.0", "-o", "jsonpath={.metadata.generation} {.metadata.annotations.deployment\\.kubernetes\\.io/revision} {.status.observedGeneration}"])
        #expect(answer.stdout == "3 2 2")
    }

    // view_last_applied.go: the annotations of every object found, YAML or json.Indent; every lookup before any
    // printing (a missing one fails the command), nothing for an object without the annotation.
    @Test func viewLastAppliedPrintsWhatKubectlPrints() throws {
        let web = String(Self.manifests.split(separator: "---\n")[0])
            .replacingOccurrences(of: "labels: {app: web}}", with: "labels: {app: web}, annotations: {note: \"a <b> & c\"}}")
        let twin = try Twin(
            files: ["web.yaml": web, "plain.yaml": web.replacingOccurrences(of: "name: web,", with: "name: plain,")],
            setUp: [
                ["images", "load", "web:1.0"], ["apply", "-f", "web.yaml"],
                ["create", "deployment", "plain", "--image=web:1.0"],
            ])
        defer { twin.stop() }
        let printed = try twin.expectSame([
            ["apply", "view-last-applied", "deployment/web"],
            ["apply", "view-last-applied", "deployment", "web", "-o", "json"],
            ["apply", "view-last-applied", "deployment", "plain"],
            ["apply", "view-last-applied", "deployment", "--all", "-o", "json"],
            ["apply", "view-last-applied", "-f", "web.yaml"],
            ["apply", "view-last-applied", "deploy", "-l", "app=web"],
            ["apply", "view-last-applied", "deployment", "web", "nope"],
            ["apply", "view-last-applied", "rs", "--all"],
            ["apply", "view-last-applied", "deployment"],
            ["apply", "view-last-applied", "-f", "plain.yaml"],
            ["apply", "view-last-applied", "-f", "web.yaml", "-f", "plain.yaml", "-o", "json"],
            ["apply", "view-last-applied", "deployment", "plain", "-o", "wide"],
            ["apply", "view-last-applied", "-f", "web.yaml", "deployment/web"],
            ["apply", "view-last-applied", "-f", "web.yaml", "deployment", "web"],
        ])
        #expect(printed[0].hasPrefix("apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  annotations:\n    note: a <b> & c\n"))
        #expect(printed[1].contains(#""note": "a \u003cb\u003e \u0026 c""#) && printed[1].hasSuffix("}\n"))
        #expect(printed[2].isEmpty && printed[7].isEmpty)
        // A usage error names the command: kubectl's text, with its name.
        let wide = ["apply", "view-last-applied", "deployment/web", "-o", "wide"]
        let kubectl = try twin.kubectl.run(wide), rollbook = try twin.local.run(wide, now: Self.now)
        #expect(rollbook.stderr == kubectl.stderr.replacingOccurrences(of: "'kubectl ", with: "'rollbook "))
        #expect(rollbook.exitCode == 1 && kubectl.exitCode == 1 && rollbook.stdout.isEmpty)
    }

    // run_kubectl_apply_deployments_tests: "kubectl apply should propagate user defined null values". A label the
    // manifest sets to null goes from the live object; the last-applied annotation keeps the null.
    @Test func applyPropagatesNullValues() throws {
        let l1 = """
            apiVersion: apps/v1
            kind: Deployment
            metadata: {name: my-depl, labels: {l1: l1}}
            spec:
              selector: {matchLabels: {l1: l1}}
              template:
                metadata: {labels: {l1: l1}}
                spec:
                  containers: [{name: nginx, image: "web:1.0"}]

            """
        let l2 = l1.replacingOccurrences(of: "{name: my-depl, labels: {l1: l1}}", with: "{name: my-depl, labels: {l1: null}}")
            .replacingOccurrences(of: "metadata: {labels: {l1: l1}}", with: "metadata: {labels: {l1: l1, l2: l2}}")
        let twin = try Twin(files: ["l1.yaml": l1, "l2.yaml": l2], setUp: [["images", "load", "web:1.0"]])
        defer { twin.stop() }
        let printed = try twin.expectSame([
            ["apply", "-f", "l1.yaml"], ["apply", "-f", "l2.yaml"],
            ["get", "deployment", "my-depl", "-o", "go-template={{.spec.template.metadata.labels.l1}} {{.spec.selector.matchLabels.l1}} {{.metadata.labels.l1}}"],
            ["apply", "view-last-applied", "deployment/my-depl", "-o", "json"],
            ["apply", "-f", "l1.yaml"],
            ["get", "deployment", "my-depl", "-o", "jsonpath={.metadata.labels}"],
        ])
        #expect(printed[1] == "deployment.apps/my-depl configured\n")
        #expect(printed[2] == "l1 l1 <no value>")
        #expect(printed[5] == #"{"l1":"l1"}"#)
    }

    // delete.go's selection across types, dry runs and cascades, with ReplicaSets and Pods deleted through
    // rollbook serve too: an orphaning delete leaves the pods, which the ReplicaSet made again adopts.
    @Test func deleteAcrossTypesAsKubectl() throws {
        let twin = try Twin(setUp: [
            ["images", "load", "web:1.0"], ["create", "deployment", "web", "--image=web:1.0", "--replicas=2"],
            ["create", "deployment", "api", "--image=web:1.0"],
        ])
        defer { twin.stop() }
        let printed = try twin.expectSame([
            ["delete", "deployment", "nope", "web", "--dry-run=client"],
            ["delete", "deployments", "--all", "--dry-run=client", "-o", "name"],
            ["delete", "rs", "-l", "app=web", "--cascade=orphan"],
            ["get", "pods", "-l", "app=web", "-o", "custom-columns=NAME:.metadata.name,OWNER:.metadata.ownerReferences[0].name"],
            ["delete", "deployment/api", "rs/nope", "deployment/nope"],
            ["delete", "deploy,deploy", "nope"],
            ["delete", "deployments,rs,pods", "--all", "--cascade=orphan", "--grace-period=0"],
            ["get", "all"],
            ["delete", "deployments,replicasets", "--all"],
        ])
        #expect(printed[6].split(separator: "\n").count == 4, "a Deployment, its ReplicaSet, its two pods")
    }

    // A manifest naming a stale resourceVersion: the server refuses apply's patch as a Conflict, and kubectl's
    // error quotes the three-way patch it sent (deletions from the last applied manifest, changes from the live
    // object, $setElementOrder, $patch: delete, $retainKeys). --force deletes and creates the Deployment instead;
    // for an immutable field too; a manifest invalid as a new object changes nothing.
    @Test func applyConflictsAndForceAsKubectl() throws {
        let base = """
            apiVersion: apps/v1
            kind: Deployment
            metadata:
              name: app
              labels: {app: app, tier: web}
            spec:
              replicas: 3
              selector: {matchLabels: {app: app}}
              strategy: {type: RollingUpdate, rollingUpdate: {maxSurge: 1}}
              template:
                metadata: {labels: {app: app}}
                spec:
                  containers:
                  - name: web
                    image: web:1.0
                    args: ["--a", "--b"]
                    ports: [{containerPort: 80}]
                    env: [{name: A, value: "1"}, {name: B, value: "2"}]
                  - {name: side, image: side:1.0}

            """
        let stale = { (text: String) in text.replacingOccurrences(of: "  name: app\n", with: "  name: app\n  resourceVersion: \"99\"\n") }
        let variants: [String: String] = [
            "image.yaml": base.replacingOccurrences(of: "image: web:1.0", with: "image: web:2.0"),
            "drop-side.yaml": base.replacingOccurrences(of: "  - {name: side, image: side:1.0}\n", with: ""),
            "drop-label.yaml": base.replacingOccurrences(of: ", tier: web}", with: "}"),
            "env.yaml": base.replacingOccurrences(of: "{name: B, value: \"2\"}", with: "{name: C, value: \"3\"}"),
            "recreate.yaml": base.replacingOccurrences(of: "{type: RollingUpdate, rollingUpdate: {maxSurge: 1}}", with: "{type: Recreate}"),
            "args.yaml": base.replacingOccurrences(of: "[\"--a\", \"--b\"]", with: "[\"--a\"]"),
            "no-replicas.yaml": base.replacingOccurrences(of: "  replicas: 3\n", with: ""),
            "ports.yaml": base.replacingOccurrences(of: "[{containerPort: 80}]", with: "[{containerPort: 8080, name: http}]"),
            "same.yaml": base,
            "swap.yaml": base.replacingOccurrences(of: "  - {name: side, image: side:1.0}\n", with: "")
                .replacingOccurrences(of: "      containers:\n", with: "      containers:\n      - {name: side, image: side:1.0}\n"),
            "two-env.yaml": base.replacingOccurrences(of: "[{name: A, value: \"1\"}, {name: B, value: \"2\"}]", with: "[{name: C, value: \"3\"}]"),
            "recreate-null.yaml": base.replacingOccurrences(
                of: "{type: RollingUpdate, rollingUpdate: {maxSurge: 1}}", with: "{type: Recreate, rollingUpdate: null}"),
        ].mapValues(stale)
        var files = variants
        files["base.yaml"] = base
        files["selector.yaml"] = base.replacingOccurrences(of: "{app: app}", with: "{app: app2}")
        files["bad.yaml"] = stale(base.replacingOccurrences(of: "metadata: {labels: {app: app}}", with: "metadata: {labels: {app: app, bad: \"-x-\"}}"))
        // Made by `create`: no last-applied annotation, so apply warns before its patch, whatever the answer.
        files["plain.yaml"] = stale(base.replacingOccurrences(of: "name: app\n", with: "name: plain\n"))
        let twin = try Twin(
            files: files,
            setUp: [
                ["images", "load", "web:1.0", "web:2.0", "side:1.0"], ["apply", "-f", "base.yaml"],
                ["scale", "deployment/app", "--replicas=5"], ["create", "deployment", "plain", "--image=web:1.0"],
            ])
        defer { twin.stop() }
        _ = try twin.expectSame(variants.keys.sorted().map { ["apply", "-f", $0] } + [
            ["apply", "-f", "selector.yaml"],
            ["apply", "-f", "image.yaml", "--dry-run=client"],
            ["apply", "-f", "selector.yaml", "--dry-run=client"],
            ["apply", "-f", "plain.yaml"],
            ["apply", "-f", "plain.yaml", "--force"],
            ["apply", "-f", "bad.yaml", "--force"],
            ["apply", "-f", "selector.yaml", "--force", "--grace-period=10"],
            ["apply", "-f", "image.yaml", "--force", "--overwrite=true"],
            ["apply", "-f", "base.yaml", "--force", "--dry-run=server"],
            ["get", "deployment", "app", "-o", "jsonpath={.spec.selector.matchLabels.app} {.spec.template.spec.containers[0].image} {.metadata.generation}"],
        ])
    }

    // apply.go prints the visited objects once at the end: one alone, several in a v1 List; a create or patch as
    // the server answered it, a client dry run as it read or would send it.
    @Test func applyPrintsWhatTheServerAnswered() throws {
        let web = String(Self.manifests.split(separator: "---\n")[0])
        let twin = try Twin(
            files: [
                "both.yaml": Self.manifests, "web.yaml": web,
                "web5.yaml": web.replacingOccurrences(of: "replicas: 2", with: "replicas: 5"),
            ],
            setUp: [["images", "load", "web:1.0"]])
        defer { twin.stop() }
        let printed = try twin.expectSame([
            ["apply", "-f", "web.yaml", "--dry-run=client", "-o", "json"],
            ["apply", "-f", "web.yaml", "-o", "yaml"],
            ["apply", "-f", "web5.yaml", "--dry-run=client", "-o", "yaml"],
            ["apply", "-f", "web5.yaml", "-o", "jsonpath={.metadata.generation} {.spec.replicas} {.status.replicas}"],
            ["apply", "-f", "both.yaml", "-o", "json"],
            ["apply", "-f", "both.yaml", "-o", "go-template={{range .items}}{{.metadata.name}} {{end}}"],
        ])
        // The patch's answer: the new spec and generation, the status the controller has not yet updated.
        #expect(printed[3] == "2 5 2")
        #expect(printed[5] == "web api ")
    }

    // The other writing verbs: each prints what its kubectl source hands the printer. scale the object it read
    // before scaling, rollout undo the one it read before rolling back, pause/resume/restart, annotate and patch
    // what the server answered; annotate takes several names and reports the missing ones after the others.
    @Test func writingVerbsPrintWhatKubectlPrints() throws {
        let twin = try Twin(
            files: ["both.yaml": Self.manifests],
            setUp: [
                ["images", "load", "web:1.0", "web:2.0"], ["apply", "-f", "both.yaml"],
                ["set", "image", "deployment/web", "web=web:2.0"],
            ])
        defer { twin.stop() }
        let printed = try twin.expectSame([
            ["scale", "deployment/web", "deployment/api", "--replicas=3", "-o", "yaml"],
            ["scale", "deployment/web", "--replicas=4", "-o", "jsonpath={.spec.replicas}"],
            ["rollout", "pause", "deployment/web", "-o", "json"],
            ["rollout", "resume", "deployment/web", "deployment/api", "-o", "name"],
            ["rollout", "undo", "deployment/web", "-o", "jsonpath={.spec.template.spec.containers[0].image}"],
            ["annotate", "deployment", "web", "nope", "api", "team=a", "-o", "yaml"],
            ["annotate", "deployment", "team=b"],
            ["patch", "deployment/api", "-p", #"{"spec":{"minReadySeconds":3}}"#, "-o", "json"],
        ])
        #expect(printed[1] == "3", "scale prints the object as it read it, before scaling")
        #expect(printed[4] == "web:2.0", "undo prints the object as it read it, before rolling back")
    }

    // get's file and JSON forms of -o, and its list of formats.
    @Test func getFileFormatsPrintAsKubectl() throws {
        let twin = try Twin(
            files: [
                "both.yaml": Self.manifests,
                "columns.txt": "NAME   REPLICAS  IMAGE\n.metadata.name  .spec.replicas {.spec.template.spec.containers[0].image}\n",
                "headers-only.txt": "NAME\n", "name.jsonpath": "{.metadata.name}\n",
            ],
            setUp: [["images", "load", "web:1.0"], ["apply", "-f", "both.yaml"]])
        defer { twin.stop() }
        _ = try twin.expectSame([
            ["get", "deployments", "-o", "custom-columns-file=columns.txt"],
            ["get", "deployments", "-o", "custom-columns-file=headers-only.txt"],
            ["get", "deployments", "-o", "jsonpath-as-json={.items[*].metadata.name}"],
            ["get", "deployment", "web", "-o", "jsonpath-file=name.jsonpath"],
            ["get", "deployments", "-o", "wider"],
        ])
    }

    // get's -L (a column per label key, headed by its last segment), --show-kind (kind-qualified names), `all`.
    @Test func getLabelColumnsAndKindsPrintAsKubectl() throws {
        let twin = try Twin(
            files: ["both.yaml": Self.manifests], setUp: [["images", "load", "web:1.0"], ["apply", "-f", "both.yaml"]])
        defer { twin.stop() }
        _ = try twin.expectSame([
            ["get", "deployments", "-L", "app"],
            ["get", "pods", "-L", "app,pod-template-hash", "-L", "absent"],
            ["get", "rs", "-L", "app", "--show-labels", "-o", "wide"],
            ["get", "deployments", "-A", "-L", "app.kubernetes.io/name"],
            ["get", "deployments", "--show-kind"],
            ["get", "deployment", "web", "--show-kind", "-o", "wide"],
            ["get", "deployments", "--show-kind", "-o", "name"],
            ["get", "deploy,rs", "-L", "app"],
            // The `all` category, kinds named twice, and group-qualified type names.
            ["get", "all"],
            ["get", "deploy,all", "-o", "name"],
            ["get", "deploy.apps/web"],
            ["get", "deployments.v1.apps"],
            ["get", "pods.apps"],
        ])
    }

    // delete.go: -o name prints kind/name, any other -o is refused; --force alone means no grace period (a
    // warning, then "force deleted"), --grace-period=0 alone means 1, and --force with a positive one is an error.
    @Test func deletePrintsAsKubectl() throws {
        let twin = try Twin(
            files: ["both.yaml": Self.manifests], setUp: [["images", "load", "web:1.0"], ["apply", "-f", "both.yaml"]])
        defer { twin.stop() }
        _ = try twin.expectSame([
            ["delete", "deployment", "web", "-o", "yaml"],
            ["delete", "deployment", "web", "--force", "--grace-period=5"],
            ["delete", "deployment", "web", "--grace-period=0"],
            ["delete", "deployment", "api", "--force", "-o", "name"],
        ])
    }

    /// A manifest spelling out zeros that Go's structs drop (`hostPort: 0`, `args: []`, `minReadySeconds: 0`).
    static let zeros = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: zeros}
        spec:
          replicas: 2
          minReadySeconds: 0
          selector: {matchLabels: {app: zeros}}
          template:
            metadata: {labels: {app: zeros}}
            spec:
              containers:
              - name: app
                image: "web:1.0"
                args: []
                workingDir: ""
                ports: [{containerPort: 80, hostPort: 0, name: ""}]

        """

    // The server stores what Go's structs hold: the zeros are gone, so the served object lacks them (and has the
    // template's null creationTimestamp), the same manifest without them is the same template, and kubectl's undo,
    // which sends the ReplicaSet's template re-encoded, rolls back to that ReplicaSet instead of making a third one.
    @Test func storedObjectsAreWhatGoStructsHold() throws {
        let bare = Self.zeros.replacingOccurrences(of: "  minReadySeconds: 0\n", with: "")
            .replacingOccurrences(of: "        args: []\n        workingDir: \"\"\n", with: "")
            .replacingOccurrences(of: ", hostPort: 0, name: \"\"", with: "")
        let twin = try Twin(
            files: ["zeros.yaml": Self.zeros, "bare.yaml": bare],
            setUp: [["images", "load", "web:1.0", "web:2.0"], ["apply", "-f", "zeros.yaml"]])
        defer { twin.stop() }
        let printed = try twin.expectSame([
            ["get", "deployment", "zeros", "-o", "jsonpath={.spec.template}"],
            ["apply", "-f", "bare.yaml"],
            ["set", "image", "deployment/zeros", "app=web:2.0"],
            ["rollout", "undo", "deployment/zeros"],
            ["get", "rs"],
            ["rollout", "history", "deployment/zeros"],
        ])
        #expect(
            printed[0] == #"{"metadata":{"creationTimestamp":null,"labels":{"app":"zeros"}},"spec":{"containers":[{"#
                + #""image":"web:1.0","imagePullPolicy":"IfNotPresent","name":"app","ports":[{"containerPort":80,"#
                + #""protocol":"TCP"}],"resources":{},"terminationMessagePath":"/dev/termination-log","#
                + #""terminationMessagePolicy":"File"}],"dnsPolicy":"ClusterFirst","restartPolicy":"Always","#
                + #""schedulerName":"default-scheduler","securityContext":{},"terminationGracePeriodSeconds":30}}"#)
        // Re-applying without the zeros changes only the last-applied annotation ("configured"), not the template:
        // with set image and undo, two ReplicaSets in all.
        #expect(printed[1] == "deployment.apps/zeros configured\n")
        #expect(printed[4].split(separator: "\n").count == 3, "two ReplicaSets: \(printed[4])")
    }
}
