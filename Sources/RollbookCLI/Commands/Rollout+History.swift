import Cluster
import ControlPlane
import KubeModel
import Manifests
import Printers

extension Rollout {
    struct History: RolloutVerb {
        static let spec = CommandSpec<History>.rollout(
            "history", abstract: "View previous rollout revisions.",
            discussion: """
                Without --all this is kubectl's history: the ReplicaSets that still exist, keyed by revision.

                --all lists every revision the Deployment ever had, in the order they were assigned, including \
                those garbage-collected by revisionHistoryLimit and the numbers a rollback took away (a rollback \
                re-adopts the old ReplicaSet under a new, higher number). Columns: REVISION, REPLICASET, IMAGES, \
                WHEN (RFC 3339, simulated time), WHO (the actor of the command that caused the revision), HOW \
                (apply, set image, undo, restart, resume, rewind, ...), STATE and CHANGE-CAUSE. STATE is \
                'current' for the revision running now, 'kept' for one kubectl still lists, 'renumbered to N', \
                'gc' for one removed by revisionHistoryLimit, 'deleted' for one removed with its Deployment, and 'claimed by \
                NAME' for one orphaned, then adopted by another Deployment.
                """,
            pointInTime: \History.pointInTime, options: [
                .option(\.revision, "revision", help: "See the details, including podTemplate of the revision specified."),
                .flag(\.all, "all", help: "List every revision ever assigned, with who, when and how, even if garbage-collected."),
                .option(\.output, "output", short: "o", help: "Print the revisions' ReplicaSets: json, yaml, name, jsonpath=… or go-template=…."),
                .option(\.template, "template", help: "With -o, its template; alone, a go-template over the Deployment."),
            ])
        var globals = GlobalOptions()
        var files = FilenameOption()
        var pointInTime = PointInTimeOption()
        var resource: [String] = []
        var selector: String?
        var revision = 0
        var all = false
        var output: String?
        var template: String?
        func run() throws {
            if revision < 0 { throw CommandError.client("revision must be a positive integer: \(revision)") }
            let source = try globals.readSource(pointInTime)
            let namespace = globals.resolvedNamespace.name
            if all {
                let name = try ResourceArguments.deployment(resource)
                return try runAll(source: source, namespace: namespace, name: name, resource: "deployment.apps/\(name)")
            }
            let resources = try files.resources(resource, command: "rollout")
            if try Rollout.severalKinds(
                resources, selector: selector, namespace: namespace, source: source, refusal: .historyViewer,
                act: { try history(of: $0, source: source, namespace: namespace) })
            {
                return
            }
            let targets = try DeploymentTargets(
                resources, selector: selector, namespace: namespace, in: source, refusal: .historyViewer)
            if let missing = targets.notFound.first { throw missing }
            for name in targets.names { try history(of: name, source: source, namespace: namespace) }
        }

        /// kubectl's history of one Deployment (each one's block in turn when several are named).
        private func history(of name: String, source: ReadSource, namespace: String) throws {
            let resource = "deployment.apps/\(name)"
            let stream = try source.deploymentStream(namespace: namespace, name: name, whole: false)
            let rows = ControlPlane.historyRows(of: stream)
            if let output {
                let format = OutputTemplate.folded(output, template: template) ?? output
                return try printReplicaSets(rows.map(\.replicaSet), revisions: rows.map(\.revision), format)
            }
            // history.go prints the revisions' ReplicaSets only for an -o; a template alone goes to the printer of
            // the Deployment it visited.
            if let template, !template.isEmpty, let deployment = stream.deployment {
                var printer = try TypedOutput("go-template=" + template)
                return Output.out(try printer.text(
                    ObjectListing.Object.deployment(deployment).json, as: .deployment, resource: resource, operation: ""))
            }
            if revision > 0 {
                // ViewHistory answers an empty history before it looks for the revision.
                if rows.isEmpty {
                    return Output.out(nameLine(resource: resource, operation: "with revision #\(revision)\nNo rollout history found."))
                }
                guard let row = rows.first(where: { $0.revision == revision }) else {
                    throw CommandError.client("unable to find the specified revision")
                }
                Output.out(rolloutHistoryRevision(
                    resource: resource, revision: revision, template: row.replicaSet.spec.template,
                    changeCause: row.replicaSet.metadata[annotation: "kubernetes.io/change-cause"]))
                return
            }
            Output.out(rolloutHistory(
                resource: resource,
                rows: rows.map { ($0.revision, $0.replicaSet.metadata[annotation: "kubernetes.io/change-cause"]) }))
        }

        /// `-o`: rollout_history.go prints each revision's ReplicaSet (or the one of `--revision`) on its own,
        /// by ascending revision.
        private func printReplicaSets(_ replicaSets: [ReplicaSet], revisions: [Int], _ output: String) throws {
            var printer = try TypedOutput(output)
            var chosen = replicaSets
            if revision > 0 {
                guard let index = revisions.firstIndex(of: revision) else {
                    throw CommandError.client("unable to find the specified revision")
                }
                chosen = [replicaSets[index]]
            }
            let texts = try chosen.map { replicaSet in
                try printer.text(
                    ObjectListing.Object.replicaSet(replicaSet).json, as: .replicaSet,
                    resource: "replicaset.apps/\(replicaSet.name)", operation: "")
            }
            Output.out(texts.joined())
        }

        /// `--all` reads the stream even when the Deployment is gone: its history outlives it.
        private func runAll(source: ReadSource, namespace: String, name: String, resource: String) throws {
            let entries = try source.read { reader in
                let stream = try reader.stream(.deployment(namespace: namespace, name: name))
                if stream.deployment == nil && stream.revisions.isEmpty {
                    throw CommandError.notFound(Resource.deployments, name)
                }
                return try RevisionLedger.entries(of: stream, reader: reader)
            }
            if revision > 0 {
                guard let entry = entries.last(where: { $0.revision == revision }) else {
                    throw CommandError.client("unable to find the specified revision")
                }
                Output.out(rolloutHistoryRevision(
                    resource: resource, revision: revision, template: entry.template, changeCause: entry.changeCause))
                return
            }
            Output.out(rolloutHistoryLedger(resource: resource, rows: entries.map(\.ledgerRow)))
        }
    }
}

extension RevisionLedgerEntry {
    var ledgerRow: RolloutLedgerRow {
        let state: String
        switch fate {
        case .current: state = "current"
        case .kept: state = "kept"
        case .renumbered(let to): state = "renumbered to \(to)"
        case .collected: state = "gc"
        case .deleted: state = "deleted"
        case .claimed(let claimer): state = "claimed by \(claimer)"
        }
        return RolloutLedgerRow(
            revision: revision, replicaSet: replicaSet, images: images, when: time.description, who: actor, how: how,
            state: state, changeCause: changeCause)
    }
}
