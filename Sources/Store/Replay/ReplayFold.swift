import Cluster
import Dispatch
import Foundation
import GRDB
import KubeModel

/// The state a full replay builds: every Deployment stream, the node, and each stream's last user command.
struct ReplayFold {
    private var streams: [ReplayStream] = []
    private var lastCommands: [String?] = []
    private var indexes: [String: Int] = [:]
    /// Consecutive events usually share a stream (one command's events): its id bytes and index.
    private var previousStream: [UInt8] = []
    private var previousIndex: Int?
    private(set) var node = NodeState()
    private static let nodeStream = Array(StreamID.node.rawValue.utf8)
    private(set) var quotas = QuotaState()
    private static let quotaStream = Array(StreamID.quotas.rawValue.utf8)

    /// Folds the events of `db`'s log that belong to `pass`, and hands `keep` the revision rows they assign,
    /// a batch at a time, holding the connection (a replay inserts them). A second thread reads and decodes the next batch of events while this one folds the previous (decoding is
    /// pure; folding is in order); both use `db`'s connection, one at a time.
    ///
    /// The revision rows of a batch are inserted after it: taking the connection for each one made the two
    /// threads wait for each other (a 1M replay took 8.4-9.1 s, 7.1 s without the waits).
    ///
    /// - Parameters:
    ///   - done: Events folded so far (by earlier passes), counted on.
    ///   - progress: Called every thousand events and at the last, with (folded, total).
    /// - Returns: The log's time marks, found by the first pass (empty for the others).
    mutating func fold(
        _ db: Database, pass: ReplayPass, done: inout Int64, total: Int64,
        keep: (_ revisions: [RevisionRow]) throws -> Void,
        progress: (_ done: Int64, _ total: Int64) -> Void
    ) throws -> [TimeMark] {
        let queue = DispatchQueue(label: "rollbook.replay.decode", qos: .userInitiated)
        let connection = NSLock()
        let reader = try ReplayRows.Reader(db, pass: pass)
        func readAhead() -> PreparedBatch { PreparedBatch(reading: reader, connection: connection, on: queue) }
        // One batch being folded, one being read, one queued: the decoding thread never waits for the fold.
        var ahead = [readAhead(), readAhead()]
        // Waits for the decoding thread even when folding throws.
        defer { for batch in ahead { _ = try? batch.wait() } }
        var revisions: [RevisionRow] = []
        while let (batch, prepared) = try ahead.removeFirst().wait() {
            ahead.append(readAhead())
            try batch.bytes.withUnsafeBufferPointer { bytes in
                for (row, prepared) in zip(batch.rows, prepared) {
                    try take(row, prepared, bytes) { records, stream in
                        for record in records { revisions.append(try RevisionRow(record, of: stream)) }
                    }
                    done += 1
                    if done % 1_000 == 0 || done == total { progress(done, total) }
                }
            }
            guard !revisions.isEmpty else { continue }
            connection.lock()
            defer { connection.unlock() }
            try keep(revisions)
            revisions.removeAll(keepingCapacity: true)
        }
        // The reading thread is done with the reader once the reads queued behind the last batch have answered.
        for batch in ahead { _ = try batch.wait() }
        ahead.removeAll()
        return reader.timeMarks
    }

    private mutating func take(
        _ row: ReplayBatch.Row, _ prepared: PreparedEvent, _ bytes: UnsafeBufferPointer<UInt8>,
        revisions: (_ records: [RevisionRecord], _ of: DeploymentStream) throws -> Void
    ) throws {
        let event = ReplayEvent(
            sequence: row.sequence, type: row.type, schemaVersion: row.schemaVersion, time: row.time,
            payload: UnsafeBufferPointer(rebasing: bytes[row.payload]), prepared: prepared)
        let stream = UnsafeBufferPointer(rebasing: bytes[row.stream])
        if let index = streamIndex(stream) {
            if try streams[index].take(event) {
                lastCommands[index] = String(decoding: UnsafeBufferPointer(rebasing: bytes[row.commandID]), as: UTF8.self)
            }
            if !streams[index].state.revisions.isEmpty {
                try revisions(streams[index].takeRevisions(), streams[index].state)
            }
        } else if Bytes.equal(stream, ReplayFold.nodeStream) {
            node.apply(try event.decoded(), at: row.time)
            node.version += 1
        } else if Bytes.equal(stream, ReplayFold.quotaStream) {
            quotas.apply(try event.decoded(), sequence: row.sequence, at: row.time)
            quotas.version += 1
        } else {
            // Neither a Deployment nor the node: no projection holds it (as before, it must still decode).
            _ = try event.decoded()
        }
    }

    /// Every stream's final state with its last command, sorted by stream id.
    mutating func finish() throws -> [(stream: DeploymentStream, lastCommand: String?)] {
        var result: [(stream: DeploymentStream, lastCommand: String?)] = []
        for index in streams.indices { result.append((try streams[index].finish(), lastCommands[index])) }
        return result.sorted { $0.stream.id < $1.stream.id }
    }

    /// The index of a Deployment stream (created on its first event), or nil for any other stream.
    private mutating func streamIndex(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        if let previousIndex, Bytes.equal(bytes, previousStream) { return previousIndex }
        let id = StreamID(rawValue: String(decoding: bytes, as: UTF8.self))
        var index = indexes[id.rawValue]
        if index == nil, let key = id.deploymentKey {
            index = streams.count
            indexes[id.rawValue] = streams.count
            streams.append(ReplayStream(namespace: key.namespace, name: key.name))
            lastCommands.append(nil)
        }
        if let index {
            previousStream = Array(bytes)
            previousIndex = index
        }
        return index
    }
}
