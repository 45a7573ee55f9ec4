import Cluster
import GRDB
@testable import Store
import Testing
import TestSupport

/// The in-memory folds of every stream (the benchmark's replay on the peer's terms) must rebuild each stream as
/// folding it alone from its first event does, in one pass or several, and count every event of the log.
struct FoldEveryStreamTests {
    @Test(arguments: [ReplayPass.eventsPerPass, 500])
    func everyStreamMatchesItsOwnFoldFromTheFirstEvent(eventsPerPass: Int64) throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try StreamSnapshotTests.makeStore(dir)
        let head = try store.read { try $0.headSequence() }
        var folded: [DeploymentStream] = []
        let events = try store.foldEveryStream(eventsPerPass: eventsPerPass) { folded.append($0) }
        for stream in folded {
            var alone = try store.queue.read { try EventFold.stream(stream.id, upTo: head, in: $0, snapshots: false) }
            // The replay's fold hands revisions over as rows as it assigns them; the stream keeps none.
            #expect(!alone.revisions.isEmpty)
            alone.revisions = []
            #expect(stream == alone)
        }
        let visited = folded.map(\.id)
        #expect(events == head)
        #expect(Set(visited) == Set(StreamSnapshotTests.streams))
        #expect(visited.count == StreamSnapshotTests.streams.count)
    }

    /// The strict fold (every event decoded and applied, stream by stream) takes in every event of the log.
    @Test func theStrictFoldTakesInEveryEvent() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        let store = try StreamSnapshotTests.makeStore(dir)
        let head = try store.read { try $0.headSequence() }
        let ids = try store.queue.read { db in
            try String.fetchAll(db, sql: "SELECT DISTINCT stream_id FROM events").map(StreamID.init(rawValue:))
        }
        #expect(ids.count == StreamSnapshotTests.streams.count + 1, "the node's stream too")
        #expect(try store.foldEachStreamFromItsFirstEvent(ids) == head)
        #expect(try store.foldEachStreamFromItsFirstEvent(Array(ids.prefix(1))) < head)
    }
}

