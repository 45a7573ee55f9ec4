import Cluster
import ControlPlane
import KubeModel
import Manifests
import Printers
import Store

struct Rewind: RunnableCommand {
    static let spec = CommandSpec<Rewind>(
        "rewind", abstract: "Bring Deployments back to how they were at a point in the log, by appending new events.",
        discussion: """
            Spec (replicas and paused state included), labels and annotations return to what they were at \
            POINT (an event sequence number or an RFC 3339 time): a Deployment changed since is configured \
            back, one deleted since is created again (with a new uid), one created since is deleted. The \
            controllers then reconcile as after any apply. Nothing is erased: the rewind is new events, and \
            it can itself be rewound.

            --dry-run prints, for each Deployment, what would change as a unified diff, and appends nothing.
            Examples: rollbook rewind deployment/web --to 42
                      rollbook rewind --all-deployments -n prod --to 2026-11-26T15:00:00Z --dry-run
            """,
        options: GlobalOptions.options(in: \.globals)
            + [
            .option(\.to, "to", valueName: "POINT", required: true, help: "The point to go back to."),
            .flag(\.allDeployments, "all-deployments", help: "Every Deployment of the namespace, then or now."),
            .flag(\.dryRun, "dry-run", help: "Only print what would change."),
        ],
        arguments: .list(\.resources, "deployment/NAME... (or deployment NAME...)"),
        make: Rewind.init)
    var globals = GlobalOptions()
    var resources: [String] = []
    var to = ""
    var allDeployments = false
    var dryRun = false

    func validate() throws {
        if allDeployments && !resources.isEmpty { throw ValidationError("--all-deployments takes no names") }
        if !allDeployments && resources.isEmpty {
            throw ValidationError("name the Deployments to rewind (deployment/NAME), or pass --all-deployments")
        }
    }

    func run() throws {
        var names: [String]?
        if !allDeployments {
            let request = try ResourceArguments(resources, whenEmpty: .rollout)
            guard request.kind == .deployment else { throw CommandError.client("rollbook rewinds Deployments") }
            names = request.names
        }
        let namespace = globals.resolvedNamespace.name
        if dryRun {
            let store = try globals.readOnlyStore()
            let point = try store.resolve(to, flag: "--to")
            let plans = try ControlPlane.planRewind(
                in: store, namespace: namespace, names: names, to: point, now: try Environment.now())
            if plans.isEmpty { Output.err("No resources found in \(namespace) namespace.\n") }
            for plan in plans { Output.out(preview(plan, point: point)) }
            return
        }
        let plane = try globals.controlPlane()
        let point = try plane.store.resolve(to, flag: "--to")
        let plans = try ControlPlane.planRewind(
            in: plane.store, namespace: namespace, names: names, to: point, now: plane.now)
        if plans.isEmpty { Output.err("No resources found in \(namespace) namespace.\n") }
        for plan in plans {
            try plane.rewind(plan)
            Output.out(namePrinter(kind: "deployment.apps", name: plan.name, operation: plan.action.rawValue))
        }
    }

    /// `deployment.apps/web configured (dry run)` and the diff of what a user would see change.
    private func preview(_ plan: RewindPlan, point: PointInTime) -> String {
        let header = namePrinter(
            kind: "deployment.apps", name: plan.name, operation: "\(plan.action.rawValue) (dry run)")
        let resource = "deployment.apps/\(plan.name)"
        return header + unifiedDiff(
            Rewind.userView(plan.current), Rewind.userView(plan.target),
            oldLabel: "\(resource) now", newLabel: "\(resource) at \(point)")
    }

    /// What a rewind restores, as YAML: the spec, and the metadata a user sets. Server-set fields, status,
    /// the controller's revision annotation and the bulky last-applied configuration are left out.
    static func userView(_ deployment: Deployment?) -> String {
        guard var d = deployment else { return "" }
        d.metadata.uid = nil
        d.metadata.generation = nil
        d.metadata.resourceVersion = nil
        d.metadata.creationTimestamp = nil
        d.metadata[annotation: AnnotationKey.revision] = nil
        d.metadata[annotation: AnnotationKey.lastApplied] = nil
        if d.metadata.annotations?.isEmpty == true { d.metadata.annotations = nil }
        guard var json = try? JSONValue(encoding: d) else { return "" }
        json["status"] = nil
        return ObjectPrinter.yaml(json)
    }
}
