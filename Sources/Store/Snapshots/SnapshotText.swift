import Cluster
import GRDB
import GRDBSQLite
import KubeModel

extension StreamSnapshots {
    /// ``texts(_:)`` for a stream whose projection rows a commit has just written: the same bytes, with each
    /// object's JSON taken from its row instead of encoded again.
    ///
    /// A snapshot holds every object of its stream (~70 KB of JSON at 1M events), and encoding them all was
    /// as much work as the rest of a commit. The rows already hold the canonical text of each object
    /// (`StoredJSON.encode`), written when the object last changed, and the canonical form sorts object keys
    /// as SQLite's `ORDER BY name` (binary) does for these ASCII names. Debug builds check every such snapshot against
    /// ``texts(_:)``, and `StreamSnapshotTests` against a rebuild.
    static func textsFromRows(_ stream: DeploymentStream, in db: Database) throws -> (objects: String, kubeEvents: String) {
        let id = stream.id.rawValue
        var out: [UInt8] = []
        out += #"{"aggregates":{},"containerTimers":"#.utf8
        out += try StoredJSON.encode(stream.containerTimers).utf8
        if let deployment = try String.fetchOne(
            db.cachedStatement(sql: "SELECT object FROM deployments WHERE stream_id = ?"), arguments: [id])
        {
            out += #","deployment":"#.utf8
            out += deployment.utf8
        }
        out += #","eventSequence":0,"events":{}"#.utf8
        if let time = stream.lastEventTime {
            out += #","lastEventTime":"#.utf8
            JSONCodec.quote(time.description, into: &out)
        }
        out += #","name":"#.utf8
        JSONCodec.quote(stream.name, into: &out)
        out += #","namespace":"#.utf8
        JSONCodec.quote(stream.namespace, into: &out)
        out += #","podSequence":"#.utf8
        out += String(stream.podSequence).utf8
        out += #","pods":"#.utf8
        try appendObjects(sql: "SELECT name, object FROM pods WHERE stream_id = ? ORDER BY name", id, to: &out, in: db)
        out += #","replicaSets":"#.utf8
        try appendObjects(
            sql: "SELECT name, object FROM replicasets WHERE stream_id = ? ORDER BY name", id, to: &out, in: db)
        out += #","revisions":["#.utf8
        let revisions = try String.fetchCursor(
            db.cachedStatement(sql: "SELECT object FROM revisions WHERE stream_id = ? ORDER BY seq"), arguments: [id])
        var first = true
        while let revision = try revisions.next() {
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            out += revision.utf8
        }
        out += #"],"version":"#.utf8
        out += String(stream.version).utf8
        out.append(UInt8(ascii: "}"))
        return (String(decoding: out, as: UTF8.self), try kubeEventsText(stream, in: db))
    }

    /// `{"name":object,...}` from rows of (name, object) in name order, the objects' bytes copied as they are.
    private static func appendObjects(sql: String, _ id: String, to out: inout [UInt8], in db: Database) throws {
        out.append(UInt8(ascii: "{"))
        var first = true
        try db.eachRow(sql, binding: [.text(id)]) { row in
            // Both columns are NOT NULL.
            guard let name = sqlite3_column_text(row, 0) else { return }
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            JSONCodec.quote(String(cString: name), into: &out)
            out.append(UInt8(ascii: ":"))
            if let object = sqlite3_column_text(row, 1) {
                out.append(contentsOf: UnsafeBufferPointer(start: object, count: Int(sqlite3_column_bytes(row, 1))))
            }
        }
        out.append(UInt8(ascii: "}"))
    }

    /// The canonical JSON of the stream's correlator records, from their rows in key order (the
    /// table's own order, binary, which is the keys' sorted order for these ASCII keys).
    private static func appendAggregates(_ id: String, to out: inout [UInt8], in db: Database) throws {
        out.append(UInt8(ascii: "{"))
        var first = true
        try db.eachRow(
            "SELECT key, last_timestamp, messages FROM stream_aggregates WHERE stream_id = ? ORDER BY key",
            binding: [.text(id)]
        ) { row in
            // Every column is NOT NULL.
            guard let key = sqlite3_column_text(row, 0), let time = sqlite3_column_text(row, 1),
                let messages = sqlite3_column_text(row, 2)
            else { return }
            if !first { out.append(UInt8(ascii: ",")) }
            first = false
            JSONCodec.quote(String(cString: key), into: &out)
            out += #":{"lastTimestamp":"#.utf8
            JSONCodec.quote(String(cString: time), into: &out)
            out += #","messages":"#.utf8
            out.append(contentsOf: UnsafeBufferPointer(start: messages, count: Int(sqlite3_column_bytes(row, 2))))
            out.append(UInt8(ascii: "}"))
        }
        out.append(UInt8(ascii: "}"))
    }

    /// ``KubeEventState``'s canonical text, from rows: encoding a busy stream's hundreds of Events again was a
    /// fifth of an append's snapshot work, and sorting its hundreds of correlator keys another tenth.
    private static func kubeEventsText(_ stream: DeploymentStream, in db: Database) throws -> String {
        var out: [UInt8] = []
        out += #"{"aggregates":"#.utf8
        try appendAggregates(stream.id.rawValue, to: &out, in: db)
        out += #","eventSequence":"#.utf8
        out += String(stream.eventSequence).utf8
        out += #","events":"#.utf8
        try appendObjects(
            sql: "SELECT name, object FROM k8s_events WHERE stream_id = ? ORDER BY name", stream.id.rawValue, to: &out, in: db)
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }
}
