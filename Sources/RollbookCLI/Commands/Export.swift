import ControlPlane
import Foundation
import Store

/// `rollbook export`: the whole log as NDJSON, for archiving, diffing or `rollbook import`.
struct Export: RunnableCommand {
    static let spec = CommandSpec<Export>(
        "export", abstract: "Write the event log (events and commands) as NDJSON.",
        discussion: """
            The first line is a header with the counts and the head hash; then one line per event with every \
            column and the payload embedded as JSON, each command right after its last event. `rollbook import` \
            rebuilds a store from it and refuses a file whose hash chain does not hold.
            """,
        options: GlobalOptions.options(in: \.globals)
            + [
            .option(\.output, "output", short: "o", valueName: "FILE", help: "Write to FILE (created owner-only) instead of stdout."),
        ],
        make: Export.init)

    var globals = GlobalOptions()
    var output: String?
    func run() throws {
        let store = try globals.auditStore()
        guard let output else {
            var buffer = LineBuffer(handle: .standardOutput)
            _ = try store.exportLog { try buffer.append($0) }
            try buffer.flush()
            return
        }
        // Written beside the target and renamed into place, so a failed export never leaves half a file.
        let partial = output + ".partial-\(ProcessInfo.processInfo.processIdentifier)"
        guard FileManager.default.createFile(atPath: partial, contents: nil, attributes: [.posixPermissions: 0o600]),
            let handle = FileHandle(forWritingAtPath: partial)
        else { throw CommandError.client("cannot create \(output)") }
        do {
            var buffer = LineBuffer(handle: handle)
            let summary = try store.exportLog { try buffer.append($0) }
            try buffer.flush()
            try handle.close()
            _ = try? FileManager.default.removeItem(atPath: output)
            try FileManager.default.moveItem(atPath: partial, toPath: output)
            Output.out("exported \(summary.events) events and \(summary.commands) commands to \(output)\n")
        } catch {
            try? FileManager.default.removeItem(atPath: partial)
            throw error
        }
    }
}

/// Collects lines and writes them in large chunks.
private struct LineBuffer {
    let handle: FileHandle
    private var pending = Data()

    init(handle: FileHandle) { self.handle = handle }

    mutating func append(_ line: String) throws {
        pending.append(contentsOf: line.utf8)
        if pending.count >= 1 << 16 { try flush() }
    }

    mutating func flush() throws {
        try handle.write(contentsOf: pending)
        pending.removeAll(keepingCapacity: true)
    }
}
