import ControlPlane
import Store
import Testing
import TestSupport

/// `verify` and `import` report how far they are, phase by phase, for the CLI's progress bar. Both end by
/// taking stream snapshots (a store built from a log has none), one pass over the Deployment streams' events.
@Suite struct LongOperationProgressTests {
    @Test func verifyReportsCheckingThenReplayingUpToTheHead() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SampleHistory.store(in: directory)
        let head = try store.read { try $0.headSequence() }
        var reports: [ReplayProgress] = []
        let report = try store.verify { reports.append($0) }
        #expect(report.problem == nil)
        #expect(phases(reports) == ["checking", "replaying", "snapshotting"])
        #expect(reports.last { $0.phase == "checking" } == ReplayProgress(phase: "checking", done: head, total: head))
        #expect(reports.last { $0.phase == "replaying" } == ReplayProgress(phase: "replaying", done: head, total: head))
        #expect(reports.last?.phase == "snapshotting" && reports.last?.done == reports.last?.total)
        #expect(reports.allSatisfy { $0.done <= $0.total })
    }

    @Test func importReportsLinesThenReplaying() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SampleHistory.store(in: directory)
        let head = try store.read { try $0.headSequence() }
        var text = ""
        _ = try store.exportLog { text += $0 }
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        var reports: [ReplayProgress] = []
        _ = try SQLiteStore.importLog(lines: lines, into: directory.path("copy.db")) { reports.append($0) }
        #expect(phases(reports) == ["importing", "replaying", "snapshotting"])
        let lineCount = Int64(lines.count)
        #expect(reports.last { $0.phase == "importing" } == ReplayProgress(phase: "importing", done: lineCount, total: lineCount))
        #expect(reports.last { $0.phase == "replaying" } == ReplayProgress(phase: "replaying", done: head, total: head))
        #expect(reports.last?.phase == "snapshotting" && reports.last?.done == reports.last?.total)
    }

    /// The distinct phases, in the order they first appear.
    private func phases(_ reports: [ReplayProgress]) -> [String] {
        reports.map(\.phase).reduce(into: []) { if $0.last != $1 { $0.append($1) } }
    }
}
