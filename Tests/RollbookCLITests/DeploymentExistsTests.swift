import Cluster
import Store
import Testing

/// `deploymentExists` answers from the projection for the present and from the fold for a point, and says
/// what reading the whole stream would say.
@Suite struct DeploymentExistsTests {
    @Test func presentAndPastAnswerAsTheStreamDoes() throws {
        var session = try TimeTravelSession()
        defer { session.remove() }
        try session.mutate("apply -f web.yaml")
        let created = try session.head()
        try session.mutate("apply -f api.yaml")
        try session.mutate("delete deployment web")
        let store = try SQLiteStore(path: session.store, readOnly: true)
        let web = StreamID.deployment(namespace: "default", name: "web")
        let api = StreamID.deployment(namespace: "default", name: "api")
        let never = StreamID.deployment(namespace: "default", name: "never")
        let otherNamespace = StreamID.deployment(namespace: "staging", name: "api")

        func answers(_ reader: any StateReading) throws -> [Bool] {
            let ids = [web, api, never, otherNamespace]
            let fromStreams = try ids.map { try reader.deploymentAndReplicaSets($0).deployment != nil }
            let exists = try ids.map { try reader.deploymentExists($0) }
            #expect(exists == fromStreams)
            return exists
        }
        #expect(try store.read { try answers($0) } == [false, true, false, false])
        let point = try store.resolve(.sequence(created))
        #expect(try store.read(at: point) { try answers($0) } == [true, false, false, false])
    }
}
