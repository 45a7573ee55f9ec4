import Cluster
import GRDB
import KubeModel

extension StreamSnapshots {
    /// ``texts(_:)`` for a stream whose projection rows a commit has just written: the same bytes, with each
    /// object's JSON taken from its row instead of encoded again.
    ///
    /// A snapshot holds every object of its stream (~70 KB of JSON at 1M events), and encoding them all was
    /// as much work as the rest of a commit. The rows already hold the canonical text of each object
    /// (`StoredJSON.encode`), written when the object last changed, and the canonical form sorts object keys
    /// as SQLite's `ORDER BY name` (binary) does for these ASCII names. The Kubernetes Events part is written
    /// from the state: its hand-written text is cheap. `SnapshotTextTests` holds both to ``texts(_:)``.
    static func textsFromRows(_ stream: DeploymentStream, in db: Database) throws -> (objects: String, kubeEvents: String) {
        let id = stream.id.rawValue
        var out = #"{"aggregates":{},"containerTimers":"#
        out += try StoredJSON.encode(stream.containerTimers)
        if let deployment = try String.fetchOne(
            db.cachedStatement(sql: "SELECT object FROM deployments WHERE stream_id = ?"), arguments: [id])
        {
            out += #","deployment":"# + deployment
        }
        out += #","eventSequence":0,"events":{}"#
        if let time = stream.lastEventTime { out += #","lastEventTime":"# + JSONCodec.quoted(time.description) }
        out += #","name":"# + JSONCodec.quoted(stream.name) + #","namespace":"# + JSONCodec.quoted(stream.namespace)
        out += #","podSequence":"# + String(stream.podSequence)
        out += #","pods":"#
        try appendObjects(sql: "SELECT name, object FROM pods WHERE stream_id = ? ORDER BY name", id, to: &out, in: db)
        out += #","replicaSets":"#
        try appendObjects(
            sql: "SELECT name, object FROM replicasets WHERE stream_id = ? ORDER BY name", id, to: &out, in: db)
        out += #","revisions":["#
        let revisions = try String.fetchCursor(
            db.cachedStatement(sql: "SELECT object FROM revisions WHERE stream_id = ? ORDER BY seq"), arguments: [id])
        var first = true
        while let revision = try revisions.next() {
            if !first { out += "," }
            first = false
            out += revision
        }
        out += #"],"version":"# + String(stream.version) + "}"
        return (out, kubeEventsText(stream))
    }

    /// `{"name":object,...}` from rows of (name, object) in name order.
    private static func appendObjects(sql: String, _ id: String, to out: inout String, in db: Database) throws {
        out += "{"
        let rows = try Row.fetchCursor(db.cachedStatement(sql: sql), arguments: [id])
        var first = true
        while let row = try rows.next() {
            if !first { out += "," }
            first = false
            JSONCodec.quote(row[0], into: &out)
            out += ":"
            out += row[1] as String
        }
        out += "}"
    }

    /// ``KubeEventState``'s canonical text, from the hand-written forms of its parts.
    static func kubeEventsText(_ stream: DeploymentStream) -> String {
        var out = #"{"aggregates":"# + AggregatesJSON.text(stream.aggregates)
        out += #","eventSequence":"# + String(stream.eventSequence) + #","events":{"#
        var first = true
        for name in stream.events.keys.sorted() {
            if !first { out += "," }
            first = false
            JSONCodec.quote(name, into: &out)
            out += ":"
            out += StoredJSON.encode(stream.events[name]!)
        }
        return out + "}}"
    }
}
