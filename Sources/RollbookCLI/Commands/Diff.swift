import Cluster
import ControlPlane
import KubeModel
import Manifests
import Printers

struct Diff: RunnableCommand {
    static let spec = CommandSpec<Diff>(
        "diff", abstract: "Show how two revisions' pod templates differ, as a unified diff of their YAML.",
        discussion: """
            Revisions come from the full history (see 'rollout history --all'), so a revision whose ReplicaSet \
            was garbage-collected can still be compared. A number reused after the Deployment was deleted and \
            created again means its latest revision. The exit status is kubectl diff's: 0 when the templates \
            are the same, 1 when they differ, and more on error.
            Example: rollbook diff deployment/web 1 3
            """,
        options: GlobalOptions.options(in: \.globals)
            + PointInTimeOption.options(in: \.pointInTime),
        arguments: .list(\.arguments, "deployment/NAME REV_A REV_B (or deployment NAME REV_A REV_B)"),
        make: Diff.init)
    var globals = GlobalOptions()
    var pointInTime = PointInTimeOption()
    var arguments: [String] = []

    func run() throws {
        let split = arguments.first?.contains("/") == true ? 1 : 2
        guard arguments.count == split + 2 else {
            throw CommandError.client(
                "diff needs a Deployment and two revisions: rollbook diff deployment/NAME REV_A REV_B")
        }
        let name = try ResourceArguments.deployment(Array(arguments.prefix(split)))
        let revisions = try arguments.suffix(2).map { text in
            guard let revision = Int(text), revision > 0 else {
                throw CommandError.client("revision must be a positive integer: \(text)")
            }
            return revision
        }
        let source = try globals.readSource(pointInTime)
        let id = StreamID.deployment(namespace: globals.resolvedNamespace.name, name: name)
        let stream = try source.read { try $0.stream(id) }
        if stream.deployment == nil && stream.revisions.isEmpty {
            throw CommandError.notFound(Resource.deployments, name)
        }
        let texts = try revisions.map { revision in
            guard let record = RevisionLedger.template(of: revision, in: stream) else {
                throw CommandError.client("unable to find specified revision \(revision) in history")
            }
            return ObjectPrinter.yaml(try JSONValue(encoding: record.template))
        }
        let diff = unifiedDiff(
            texts[0], texts[1], oldLabel: "revision \(revisions[0])", newLabel: "revision \(revisions[1])")
        Output.out(diff)
        if !diff.isEmpty { throw ExitCode(1) }
    }
}
