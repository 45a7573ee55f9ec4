import Cluster
import Foundation
import GRDB
@testable import Store
import Testing
import TestSupport

/// Old payloads are read through an upcaster. Production has never changed a payload's shape, so these tests
/// inject a hypothetical version 0 of `ImageLoaded` that named its image `name`, store it in a real log, and
/// read it back as today's type.
@Suite struct UpcasterTests {
    /// Version 0 of `ImageLoaded` was `{"name": …}`; version 1 calls it `image` and adds the behaviour fields.
    static let imageLoadedV0: Upcaster.Step = { stored in
        guard stored.type == "ImageLoaded" else {
            return EncodedEvent(type: stored.type, schemaVersion: 1, payload: stored.payload)
        }
        let old = try JSONSerialization.jsonObject(with: Data(stored.payload.utf8)) as? [String: Any] ?? [:]
        let new: [String: Any] = ["image": old["name"] ?? "", "startupSeconds": 0, "behaviour": "ready"]
        let data = try JSONSerialization.data(withJSONObject: new, options: [.sortedKeys])
        return EncodedEvent(type: stored.type, schemaVersion: 1, payload: String(decoding: data, as: UTF8.self))
    }

    let upcaster = Upcaster(steps: [0: UpcasterTests.imageLoadedV0])

    /// Appends one version-0 event with a valid hash and its command row, as an older rollbook would have.
    func storeVersion0Event(in path: String) throws {
        _ = try SQLiteStore(path: path)
        let row = EventRow(
            seq: 1, streamID: StreamID.node.rawValue, streamVersion: 1, type: "ImageLoaded", schemaVersion: 0,
            occurredAt: "2026-11-26T15:00:00Z", recordedAt: "2026-11-26T15:00:00.000Z", actor: "alice",
            commandID: "c0", payload: #"{"name":"nginx:1"}"#, prevHash: EventHash.genesis)
        let db = try DatabaseQueue(path: path)
        try db.write { db in
            try LogRows.insert(LoggedEvent(row: row, hash: row.computeHash()), in: db)
            try LogRows.insert(
                CommandRow(
                    commandID: "c0", actor: "alice", argv: #"["images","load","nginx:1"]"#,
                    occurredAt: row.occurredAt, recordedAt: row.recordedAt, firstSequence: 1, lastSequence: 1),
                in: db)
        }
        try db.close()
    }

    @Test func storedVersion0PayloadReadsAsTheCurrentType() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try storeVersion0Event(in: dir.path("store.db"))
        let store = try SQLiteStore(path: dir.path("store.db"), readOnly: true)
        let stored = try #require(try store.read { try $0.events(EventFilter()) }.first)
        #expect(stored.row.schemaVersion == 0)
        #expect(stored.row.payload == #"{"name":"nginx:1"}"#, "the log keeps the old bytes; only reads upcast")
        let event = try ClusterEvent(decoding: stored.encoded, upcaster: upcaster)
        #expect(event == .imageLoaded(ImageLoaded(image: "nginx:1", startupSeconds: 0, behaviour: .ready)))
    }

    @Test func productionHasNoStepsAndSaysSo() throws {
        let dir = try TemporaryDirectory()
        defer { dir.remove() }
        try storeVersion0Event(in: dir.path("store.db"))
        let store = try SQLiteStore(path: dir.path("store.db"), readOnly: true)
        let stored = try #require(try store.read { try $0.events(EventFilter()) }.first)
        #expect(throws: EventDecodingError.self) { try ClusterEvent(decoding: stored.encoded) }
        let report = try store.verify()
        #expect(report.problem?.sequence == 1)
        #expect(report.problem?.kind == .undecodablePayload)
        #expect(report.problem?.description.contains("no upcaster for ImageLoaded from schema version 0") == true)
    }

    @Test func currentPayloadsPassThroughAndNewerOnesAreRefused() throws {
        let current = try ClusterEvent.imageLoaded(ImageLoaded(image: "nginx:1")).encoded()
        #expect(try upcaster.upcast(current) == current)
        #expect(try Upcaster.production.upcast(current) == current)
        var newer = current
        newer.schemaVersion = ClusterEvent.currentSchemaVersion + 1
        #expect(throws: EventDecodingError.self) { try Upcaster.production.upcast(newer) }
    }

    @Test func aStepThatDoesNotRaiseTheVersionIsRefused() throws {
        let stuck = Upcaster(steps: [0: { $0 }])
        let old = EncodedEvent(type: "ImageLoaded", schemaVersion: 0, payload: #"{"name":"x"}"#)
        #expect(throws: EventDecodingError.self) { try stuck.upcast(old) }
    }
}
