import Cluster
import ControlPlane
import KubeModel
import Manifests
import Printers

struct Diff: RunnableCommand {
    static let spec = CommandSpec<Diff>(
        "diff", abstract: "Show how two revisions' pod templates differ, or with -f what applying files would change (kubectl diff).",
        discussion: """
            Revisions come from the full history (see 'rollout history --all'), so a revision whose ReplicaSet \
            was garbage-collected can still be compared. A number reused after the Deployment was deleted and \
            created again means its latest revision. The exit status is kubectl diff's: 0 when the templates \
            are the same, 1 when they differ, and more on error.
            Example: rollbook diff deployment/web 1 3
            """,
        options: GlobalOptions.options(in: \.globals)
            + PointInTimeOption.options(in: \.pointInTime)
            + [
                .option(\.filenames, "filename", short: "f", help: "kubectl diff: each object of these files, live against what applying it would store."),
                .flag(\.recursive, "recursive", short: "R", help: "Read the directories given with -f, and those below them."),
                .flag(\.serverSide, "server-side", help: "With -f: compare against a server-side apply's dry run instead of apply's patch."),
                .flag(\.forceConflicts, "force-conflicts", help: "With --server-side: take the fields other managers own."),
                .option(\.fieldManager, "field-manager", help: "With --server-side: the manager that applies (default kubectl)."),
                .option(\.selector, "selector", short: "l", help: "With -f: only the objects of the files whose labels match."),
            ],
        arguments: .list(\.arguments, "deployment/NAME REV_A REV_B (or deployment NAME REV_A REV_B)"),
        make: Diff.init)
    var globals = GlobalOptions()
    var pointInTime = PointInTimeOption()
    var arguments: [String] = []
    var filenames: [String] = []
    var recursive = false
    var serverSide = false
    var forceConflicts = false
    var fieldManager: String?
    var selector: String?

    /// kubectl diff's CheckDiffErr: an error exits one above its usual code, as 1 means the objects differ.
    func run() throws {
        do {
            try compare()
        } catch var error as CommandError {
            error.exitCode += 1
            throw error
        }
    }

    private func compare() throws {
        if !filenames.isEmpty { return try diffFiles() }
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

extension Diff {
    /// `kubectl diff -f`: for each object of the files, its live YAML against the YAML a server-side dry run of
    /// apply's patch stores (``ControlPlane/diffAgainstApply(_:namespace:)``), as `diff -u -N` of two directories
    /// prints them (managed fields left out). kubectl's
    /// directories are random temporary ones and its timestamps the files' times: here they are named after the
    /// log's head and the clock, so the output is reproducible. Exit 1 when anything differs.
    private func diffFiles() throws {
        if !arguments.isEmpty { throw CommandError.client("diff -f takes no other arguments") }
        let plane = try globals.controlPlane()
        let namespace = globals.resolvedNamespace
        if forceConflicts && !serverSide { throw CommandError.client("--force-conflicts only works with --server-side") }
        let query = try LabelQuery.parsing(selector)
        let documents = try ManifestFiles.load(
            filenames, command: "diff", replicaSets: true, validation: serverSide ? .ignore : .strict, recursive: recursive
        ) { _, _ in true }.filter { query?.matches($0.object.metadata.labels ?? [:]) ?? true }
        try ManifestScope.check(documents, flag: globals.namespace)
        let results: [(live: WatchedObject?, merged: WatchedObject?)]
        if serverSide {
            results = try plane.diffAgainstServerSideApply(
                documents, namespace: namespace.name, manager: fieldManager ?? "kubectl", force: forceConflicts)
        } else {
            results = try plane.diffAgainstApply(documents, namespace: namespace.name)
        }
        let head = try plane.read { try $0.headSequence() }
        let stamp = Diff.fileTime(plane.now)
        var output = ""
        for (document, result) in zip(documents, results) {
            let own = document.object.metadata.namespace ?? namespace.name
            let group = [.pod, .resourceQuota].contains(document.object.kind) ? "v1" : "apps.v1"
            let file = "\(group).\(document.object.kind.kindName).\(own).\(document.object.name)"
            let (live, merged) = ("/tmp/LIVE-\(head)/\(file)", "/tmp/MERGED-\(head)/\(file)")
            let text = unifiedDiff(
                try Diff.yaml(result.live), try Diff.yaml(result.merged),
                oldLabel: "\(live)\t\(stamp)", newLabel: "\(merged)\t\(stamp)")
            if !text.isEmpty { output += "diff -u -N \(live) \(merged)\n" + text }
        }
        Output.out(output)
        if !output.isEmpty { throw ExitCode(1) }
    }

    /// The object as kubectl diff writes it: YAML without managed fields; nothing for one that does not exist.
    private static func yaml(_ object: WatchedObject?) throws -> String {
        guard var json = object?.json else { return "" }
        json["metadata"]?["managedFields"] = nil
        var printer = try TypedOutput("yaml")
        return try printer.text(json, as: nil, resource: "", operation: "")
    }

    /// A file's modification time as GNU diff prints it.
    private static func fileTime(_ time: Timestamp) -> String {
        let text = time.description
        return text.replacingOccurrences(of: "T", with: " ").replacingOccurrences(of: "Z", with: ".000000000 +0000")
    }
}
