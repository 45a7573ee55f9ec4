import Cluster
import Foundation
import GRDB
import KubeModel

/// `rollbook-bench verify-json --store S`: every stored payload and projection object, decoded and encoded
/// again through `JSONCodec`, must give back the stored text byte for byte (the store was written by
/// Foundation's `JSONEncoder` before `JSONCodec` existed, or by `JSONCodec` since), and decoding through
/// `JSONDecoder` must give an equal value.
enum VerifyJSON {
    static func run(_ queue: DatabaseQueue) throws -> [String: Any] {
        var checked = 0
        var mismatches: [String] = []
        let foundation = JSONDecoder()
        func check<T: Codable & Equatable>(_ type: T.Type, _ text: String, _ what: String) throws {
            let value = try JSONCodec.decode(T.self, from: text)
            let again = try JSONCodec.encode(value)
            let reference = try foundation.decode(T.self, from: Data(text.utf8))
            if again != text || value != reference, mismatches.count < 5 {
                mismatches.append("\(what): \(text.prefix(300)) => \(again.prefix(300))")
            }
            checked += 1
        }
        try queue.read { db in
            let cursor = try Row.fetchCursor(db, sql: "SELECT seq, type, schema_version, payload FROM events ORDER BY seq")
            while let row = try cursor.next() {
                let stored = EncodedEvent(type: row["type"], schemaVersion: row["schema_version"], payload: row["payload"])
                let event = try ClusterEvent(decoding: stored)
                let again = try event.encoded().payload
                if again != stored.payload && !(stored.type.hasPrefix("Deployment") && stored.payload == "{}"),
                    mismatches.count < 5
                {
                    mismatches.append("event \(row["seq"] as Int64) \(stored.type): \(stored.payload.prefix(300)) => \(again.prefix(300))")
                }
                checked += 1
            }
            for text in try String.fetchAll(db, sql: "SELECT object FROM deployments") { try check(Deployment.self, text, "deployment") }
            for text in try String.fetchAll(db, sql: "SELECT object FROM replicasets") { try check(ReplicaSet.self, text, "rs") }
            for text in try String.fetchAll(db, sql: "SELECT object FROM pods") { try check(Pod.self, text, "pod") }
            for text in try String.fetchAll(db, sql: "SELECT object FROM k8s_events") { try check(KubeEvent.self, text, "event") }
            for text in try String.fetchAll(db, sql: "SELECT object FROM revisions") { try check(RevisionRecord.self, text, "revision") }
            for text in try String.fetchAll(db, sql: "SELECT messages FROM stream_aggregates") {
                try check([String].self, text, "aggregate messages")
            }
        }
        return ["checked": checked, "mismatches": mismatches]
    }
}
