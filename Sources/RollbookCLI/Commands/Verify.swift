import ControlPlane
import Store

/// `rollbook verify`: proves the log is the one that was written, and the projections are its fold.
struct Verify: RunnableCommand {
    static let spec = CommandSpec<Verify>(
        "verify", abstract: "Check the hash chain, sequence, stream versions and projections of the store.",
        discussion: """
            Recomputes every event's hash and checks it chains to the one before, that sequence numbers and \
            stream versions have no gaps, that every event names a recorded command and decodes, and that \
            replaying the log into a scratch store gives exactly the stored projections. The store is only read. \
            Exits 1 naming the first bad event.
            """,
        options: GlobalOptions.options(in: \.globals),
        make: Verify.init)

    var globals = GlobalOptions()
    func run() throws {
        let bar = ProgressBar()
        defer { bar.finish() }
        let report = try globals.auditStore().verify { bar.update(phase: $0.phase, done: $0.done, total: $0.total) }
        bar.finish()
        if let problem = report.problem { throw CommandError.client(problem.description) }
        Output.out(
            "verified \(report.eventCount) events: hash chain, sequence, stream versions and projections are "
                + "consistent\n")
    }
}
