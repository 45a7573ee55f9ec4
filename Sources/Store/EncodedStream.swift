import Cluster
import Dispatch
import KubeModel

/// A stream's state with the JSON of every projection row it fills already written: what writing a stream in
/// full (``ProjectionWriter/save(_:in:)``) spends most of its time on, made apart from the connection so that a
/// replay can make the next streams' rows on another thread while it inserts these.
struct EncodedStream: Sendable {
    var stream: DeploymentStream
    var lastCommand: String?
    /// The correlator records, sorted by key.
    var aggregates: [(key: String, record: AggregateRecord)]
    var deployment: (object: Deployment, json: String)?
    /// Each kind sorted by name, as the rows are inserted.
    var replicaSets: [(object: ReplicaSet, json: String)]
    var pods: [(object: Pod, json: String)]
    var events: [(object: KubeEvent, json: String)]
    var revisions: [RevisionRow]

    init(_ stream: DeploymentStream, lastCommand: String?) throws {
        self.stream = stream
        self.lastCommand = lastCommand
        aggregates = stream.aggregates.sorted { $0.key < $1.key }.map { ($0.key, $0.value) }
        deployment = try stream.deployment.map { ($0, try StoredJSON.encode($0)) }
        replicaSets = try stream.replicaSets.values.sorted { $0.name < $1.name }.map { ($0, try StoredJSON.encode($0)) }
        pods = try stream.pods.values.sorted { $0.name < $1.name }.map { ($0, try StoredJSON.encode($0)) }
        events = stream.events.values.sorted { $0.name < $1.name }.map { ($0, StoredJSON.encode($0)) }
        revisions = try stream.revisions.map { try RevisionRow($0, of: stream) }
    }

    /// Calls `body` with each of `streams` encoded, in order, on the calling thread; a second thread encodes up
    /// to `window` streams ahead. In a 1M replay, writing the streams in full took ~1.1 s, most of it encoding.
    static func inOrder(
        _ streams: [(stream: DeploymentStream, lastCommand: String?)], window: Int = 8,
        _ body: (EncodedStream) throws -> Void
    ) throws {
        let queue = DispatchQueue(label: "rollbook.replay.encode", qos: .userInitiated)
        func encodeAhead(_ index: Int) -> Ahead {
            let ahead = Ahead()
            let (stream, lastCommand) = streams[index]
            queue.async {
                ahead.result = Result { try EncodedStream(stream, lastCommand: lastCommand) }
                ahead.ready.signal()
            }
            return ahead
        }
        var pending = (0..<min(window, streams.count)).map(encodeAhead)
        // Lets the encoding thread finish what it started even when writing throws.
        defer { for ahead in pending { ahead.ready.wait() } }
        for index in streams.indices {
            let ahead = pending.removeFirst()
            if index + window < streams.count { pending.append(encodeAhead(index + window)) }
            ahead.ready.wait()
            try body(try ahead.result!.get())
        }
    }

    /// One stream being encoded: written once by the encoding thread before `ready` is signalled.
    private final class Ahead: @unchecked Sendable {
        var result: Result<EncodedStream, any Error>?
        let ready = DispatchSemaphore(value: 0)
    }
}
