import Cluster
import Crypto
import Foundation
import GRDB
import KubeModel

/// The write side of one command's transaction: read the current state, then commit events and the
/// projections they produce.
public struct StoreWriter {
    let db: Database
    let command: CommandInfo
    /// The sequence number the next appended event must carry.
    public private(set) var nextSequence: Int64
    private var firstSequence: Int64
    private var lastHash: String

    private let cache: StreamCache?
    /// The stream states this transaction committed, for ``StreamCache`` once the transaction has.
    private(set) var committedStreams: [DeploymentStream] = []

    init(db: Database, command: CommandInfo, cache: StreamCache? = nil) throws {
        self.db = db
        self.cache = cache
        let head = try Row.fetchOne(db.cachedStatement(sql: "SELECT seq, hash FROM events ORDER BY seq DESC LIMIT 1"))
        nextSequence = (head?["seq"] as Int64? ?? 0) + 1
        var command = command
        let digest = SHA256.hash(data: Data("\(nextSequence)|\(command.actor)|\(command.now)|\(command.argv)".utf8))
        let hex = EventHash.hex(digest)
        let chars = Array(hex)
        command.id = [0..<8, 8..<12, 12..<16, 16..<20, 20..<32].map { String(chars[$0]) }.joined(separator: "-")
        self.command = command
        firstSequence = nextSequence
        lastHash = head?["hash"] ?? EventHash.genesis
    }

    public var reader: StoreReader { StoreReader(db: db) }

    public func stream(_ id: StreamID) throws -> DeploymentStream {
        if let cache,
            let version = try Int.fetchOne(
                db.cachedStatement(sql: "SELECT version FROM streams WHERE stream_id = ?"), arguments: [id.rawValue]),
            let cached = cache.state(of: id, atVersion: version)
        {
            assert(cached == (try? reader.stream(id)), "cached state of \(id) differs from its projection rows")
            return cached
        }
        return try reader.stream(id)
    }

    public func node() throws -> NodeState { try reader.loadNode() }

    public func quotas() throws -> QuotaState { try reader.quotaState() }

    /// Appends events (which must carry consecutive sequence numbers starting at ``nextSequence``) and
    /// replaces the projections of the streams and node they changed.
    public mutating func commit(
        _ events: [PendingEvent], streams: [DeploymentStream], node: NodeState?, quotas: QuotaState? = nil
    ) throws {
        var versions: [StreamID: Int] = [:]
        var mutated: Set<StreamID> = []
        var recorded: [StreamID: Set<String>] = [:]
        var earliest: [StreamID: Timestamp] = [:]
        let firstOfCommit = nextSequence
        let recordedAt = EventHash.wallClock()
        let insert = try db.cachedStatement(
            sql: """
                INSERT INTO events (seq, stream_id, stream_version, type, schema_version, occurred_at, recorded_at, actor,
                  command_id, payload, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
        for pending in events {
            guard pending.sequence == nextSequence else {
                throw StoreError(.concurrencyConflict, "event sequence \(pending.sequence) is not the next one (\(nextSequence))")
            }
            let version: Int
            if let known = versions[pending.stream] {
                version = known + 1
            } else {
                version = (try Int.fetchOne(
                    db.cachedStatement(sql: "SELECT coalesce(max(stream_version), 0) FROM events WHERE stream_id = ?"),
                    arguments: [pending.stream.rawValue]) ?? 0) + 1
            }
            versions[pending.stream] = version
            earliest[pending.stream] = min(earliest[pending.stream] ?? pending.time, pending.time)
            if pending.event.isUserMutation && pending.causedBy == nil { mutated.insert(pending.stream) }
            if case .kubeEventRecorded(let event) = pending.event { recorded[pending.stream, default: []].insert(event.name) }
            let encoded = try pending.event.encoded()
            let row = EventRow(
                seq: pending.sequence, streamID: pending.stream.rawValue, streamVersion: version, type: encoded.type,
                schemaVersion: encoded.schemaVersion, occurredAt: pending.time.description, recordedAt: recordedAt,
                actor: pending.actor, commandID: pending.causedBy ?? command.id, payload: encoded.payload,
                prevHash: lastHash)
            let hash = row.computeHash()
            try insert.execute(
                arguments: [
                    row.seq, row.streamID, row.streamVersion, row.type, row.schemaVersion, row.occurredAt, row.recordedAt,
                    row.actor, row.commandID, row.payload, row.prevHash, hash,
                ])
            lastHash = hash
            nextSequence += 1
        }
        for stream in streams {
            if let expected = versions[stream.id], expected != stream.version {
                throw StoreError(.concurrencyConflict, "stream \(stream.id) is at version \(expected), state says \(stream.version)")
            }
            let lastCommand = mutated.contains(stream.id) ? command.id : try reader.lastCommand(of: stream.id)
            let changes = ProjectionWriter.Changes(
                firstSequence: firstOfCommit, recordedEvents: recorded[stream.id] ?? [], since: earliest[stream.id])
            try ProjectionWriter.save(stream, lastCommand: lastCommand, changes: changes, in: db)
        }
        if let node { try ProjectionWriter.save(node, in: db) }
        if let quotas { try ProjectionWriter.save(quotas, in: db) }
        try StreamSnapshots.saveAfterCommit(events, streams: streams, in: db)
        try TimeMarks.append(events, in: db)
        committedStreams += streams
    }

    /// Records the command row, if the command appended anything.
    func finish() throws {
        guard nextSequence > firstSequence else { return }
        let argv = String(decoding: try JSONSerialization.data(withJSONObject: command.argv), as: UTF8.self)
        try db.cachedStatement(
            sql: "INSERT INTO commands (command_id, actor, argv, occurred_at, recorded_at, first_seq, last_seq) VALUES (?, ?, ?, ?, ?, ?, ?)"
        ).execute(
            arguments: [command.id, command.actor, argv, command.now.description, EventHash.wallClock(), firstSequence, nextSequence - 1])
    }
}

/// One row of the `events` table, and its place in the hash chain.
public struct EventRow: Sendable, Hashable {
    public var seq: Int64
    public var streamID: String
    public var streamVersion: Int
    public var type: String
    public var schemaVersion: Int
    public var occurredAt: String
    public var recordedAt: String
    public var actor: String
    public var commandID: String
    public var payload: String
    public var prevHash: String

    /// SHA-256 over the previous hash and every field, length-prefixed so no two rows can collide by
    /// shifting text between fields.
    public func computeHash() -> String {
        let fields = [prevHash, String(seq), streamID, String(streamVersion), type, String(schemaVersion), occurredAt,
                      recordedAt, actor, commandID, payload]
        var text: [UInt8] = []
        text.reserveCapacity(fields.reduce(0) { $0 + $1.utf8.count + 8 })
        for field in fields {
            text.append(contentsOf: String(field.utf8.count).utf8)
            text.append(UInt8(ascii: ":"))
            text.append(contentsOf: field.utf8)
            text.append(UInt8(ascii: "\n"))
        }
        return EventHash.hex(SHA256.hash(data: text))
    }
}

enum EventHash {
    static let genesis = String(repeating: "0", count: 64)

    /// Now, as `2026-11-26T15:08:07.123Z` (RFC 3339 with milliseconds, UTC).
    static func wallClock() -> String {
        let milliseconds = Int64((Date().timeIntervalSince1970 * 1000).rounded(.down))
        let seconds = milliseconds >= 0 ? milliseconds / 1000 : (milliseconds - 999) / 1000
        let fraction = milliseconds - seconds * 1000
        let text = Timestamp(seconds: seconds).description
        let digits = String(fraction)
        return String(text.dropLast()) + "." + String(repeating: "0", count: 3 - digits.count) + digits + "Z"
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)

    /// Lowercase hex of a digest.
    static func hex(_ digest: some Sequence<UInt8>) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(64)
        for byte in digest {
            out.append(hexDigits[Int(byte >> 4)])
            out.append(hexDigits[Int(byte & 0x0F)])
        }
        return String(decoding: out, as: UTF8.self)
    }
}
