import ControlPlane
import Store

struct Replay: RunnableCommand {
    static let spec = CommandSpec<Replay>(
        "replay", abstract: "Rebuild every projection from the event log, in place or into a new store file.",
        discussion: """
            Without --into, the projections of the store are dropped and rebuilt from its whole log.

            With --into FILE, a new store is written holding the log up to --to POINT (an event sequence \
            number or an RFC 3339 time; default: the whole log) and its projections, so any SQLite tool can \
            query the past. Events and commands are copied as they are, so the copy's hash chain verifies. The \
            store itself is only read, and FILE must not exist.

            On a terminal, a progress bar with rate and ETA is drawn on stderr.
            """,
        options: GlobalOptions.options(in: \.globals)
            + [
            .option(\.to, "to", valueName: "POINT", help: "The last point of the log to keep (needs --into)."),
            .option(\.into, "into", valueName: "FILE", help: "Write a new store file instead of rebuilding in place."),
        ],
        make: Replay.init)
    var globals = GlobalOptions()
    var to: String?
    var into: String?
    func validate() throws {
        if to != nil && into == nil {
            throw ValidationError("--to needs --into: an in-place replay always folds the whole log")
        }
    }

    func run() throws {
        let bar = ProgressBar()
        defer { bar.finish() }
        if let into {
            let source = try globals.readOnlyStore()
            let point = try to.map { try source.resolve($0, flag: "--to") }
            let head = try source.read { try $0.headSequence() }
            let last = point?.sequence ?? head
            try source.replay(upTo: last, into: into) { bar.update(phase: $0.phase, done: $0.done, total: $0.total) }
            bar.finish()
            Output.out("replayed \(last) events into \(into)\n")
            return
        }
        let plane = try globals.controlPlane()
        try plane.store.replay { bar.update(phase: $0.phase, done: $0.done, total: $0.total) }
        bar.finish()
        let head = try plane.store.read { try $0.headSequence() }
        Output.out("replayed \(head) events\n")
    }
}
