import ControlPlane
import KubeModel
import Store
import Testing
import TestSupport

/// A long-lived store (`serve`, the benchmarks) keeps the stream states its commits left and skips decoding
/// them on the next command; the CLI opens a new store each time and always decodes. Both must write the
/// same log and projections. Debug builds also check every cache hit against the rows (StoreWriter).
@Suite struct StreamCacheTests {
    @Test func oneLongLivedStoreWritesWhatAFreshStorePerCommandWrites() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let longLived = try SQLiteStore(path: directory.path("long-lived.db"))
        try SampleHistory.run { longLived }
        let freshPath = directory.path("fresh.db")
        try SampleHistory.run { try SQLiteStore(path: freshPath) }

        let fresh = try SQLiteStore(path: freshPath)
        #expect(try longLived.read { try $0.headSequence() } > 100)
        #expect(try longLived.read { try $0.headSequence() } == (try fresh.read { try $0.headSequence() }))
        #expect(try longLived.projectionDump() == (try fresh.projectionDump()))
    }
}
