import ControlPlane
import Foundation
import Store

/// `rollbook import FILE --into NEW_STORE`: a store rebuilt from an export, its hash chain checked line by line.
struct Import: RunnableCommand {
    static let spec = CommandSpec<Import>(
        "import", abstract: "Rebuild a new store from an export, verifying its hash chain.",
        discussion: """
            Events and commands go in exactly as exported (sequence numbers, hashes, times, command ids), then the \
            projections are replayed. A file whose chain does not hold (an edited, missing, reordered or truncated \
            line) is refused, naming the line, and no store is left behind. FILE may be - for stdin.
            """,
        options: GlobalOptions.options(in: \.globals)
            + [
            .option(\.into, "into", valueName: "NEW_STORE", required: true, help: "The store to create; it must not exist yet."),
        ],
        arguments: .one(\.file, "The export to read (- for stdin)."),
        make: Import.init)

    var globals = GlobalOptions()
    var file = ""
    var into = ""
    func run() throws {
        let data: Data
        if file == "-" {
            data = FileHandle.standardInput.readDataToEndOfFile()
        } else {
            guard let contents = FileManager.default.contents(atPath: file) else {
                throw CommandError.client("cannot read \(file)")
            }
            data = contents
        }
        let text = String(decoding: data, as: UTF8.self)
        let bar = ProgressBar()
        defer { bar.finish() }
        let summary = try SQLiteStore.importLog(
            lines: text.split(separator: "\n", omittingEmptySubsequences: false), into: into
        ) { bar.update(phase: $0.phase, done: $0.done, total: $0.total) }
        bar.finish()
        Output.out(
            "imported \(summary.events) events and \(summary.commands) commands into \(into): hash chain verified, "
                + "projections replayed\n")
    }
}
