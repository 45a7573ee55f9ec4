import Cluster
import KubeModel
@testable import Store
import Testing

/// The hand-written correlator text (a snapshot's `aggregates`, a `stream_aggregates.messages` array) must stay
/// the `Encodable` text: stores written before it and stores written after it are compared by `verify` and
/// `replay`.
@Suite struct AggregatesJSONTests {
    @Test func matchesTheEncodableText() throws {
        let samples: [[String: AggregateRecord]] = [
            [:],
            ["k": AggregateRecord(messages: [], lastTimestamp: Timestamp(seconds: 0))],
            [
                "deployment-controller\u{1F}Deployment\u{1F}default\u{1F}web\u{1F}uid\u{1F}apps/v1\u{1F}Normal\u{1F}ScalingReplicaSet":
                    AggregateRecord(
                        messages: ["Scaled up replica set web-5d8f to 3 from 0", "quote \" backslash \\ slash /",
                                   "tab\tnewline\ncontrol\u{01}", "ünïcödé ✓ 🚀"],
                        lastTimestamp: Timestamp(seconds: 1_764_169_687)),
                "a": AggregateRecord(messages: ["x"], lastTimestamp: Timestamp(seconds: 86_400 * 365)),
                "B": AggregateRecord(messages: ["y", "z"], lastTimestamp: Timestamp(seconds: 59)),
                "é": AggregateRecord(messages: [""], lastTimestamp: Timestamp(seconds: 3_600)),
            ],
        ]
        for aggregates in samples {
            for record in aggregates.values {
                #expect(AggregatesJSON.messagesText(record.messages) == (try StoredJSON.encode(record.messages)))
            }
        }
    }

    /// The scanning reader must read what `StoredJSON.decode` reads: the written texts (escaped keys and
    /// messages), and texts it hands back to the decoder (spaces, a repeated key, a fraction of a second,
    /// unknown members, `null`).
    @Test func readsWhatDecodingReads() throws {
        let written = try StoredJSON.encode([
            "deployment-controller\u{1F}Deployment\u{1F}default\u{1F}web": AggregateRecord(
                messages: ["Scaled up", "quote \" backslash \\", "ünïcödé ✓"], lastTimestamp: Timestamp(seconds: 59)),
            "b": AggregateRecord(messages: [], lastTimestamp: Timestamp(seconds: 1_764_169_687)),
        ])
        let texts = [
            written, "{}", " { } ",
            #"{ "k" : { "messages" : [ "a" , "b" ] , "lastTimestamp" : "2026-11-26T15:08:07Z" } }"#,
            #"{"k":{"messages":["a"],"lastTimestamp":"2026-11-26T15:08:07Z"},"k":{"messages":[],"lastTimestamp":"2026-11-26T15:08:08Z"}}"#,
            #"{"k":{"messages":["a"],"lastTimestamp":"2026-11-26T15:08:07.5Z"}}"#,
            #"{"k":{"messages":["a"],"extra":[1,{"x":null}],"lastTimestamp":"2026-11-26T15:08:07Z"}}"#,
        ]
        for text in texts {
            var copy = text
            let scanned = copy.withUTF8 { bytes -> [String: AggregateRecord]? in
                var scanner = JSONScanner(bytes)
                guard let records = AggregatesJSON.scan(&scanner), scanner.atEnd() else { return nil }
                return records
            }
            // What the scanner reads it reads as the decoder does; what it leaves, the decoder reads instead.
            if let scanned { #expect(try scanned == StoredJSON.decode([String: AggregateRecord].self, text), "\(text)") }
        }
        // The written text is scanned, not handed back to the decoder.
        var text = written
        #expect(text.withUTF8 { bytes in
            var scanner = JSONScanner(bytes)
            return AggregatesJSON.scan(&scanner)?.count
        } == 2)
        for bad in [#"{"k":{"messages":null,"lastTimestamp":"2026-11-26T15:08:07Z"}}"#, #"{"k":{"messages":[]}}"#, "{", ""] {
            var copy = bad
            #expect(copy.withUTF8 { bytes in
                var scanner = JSONScanner(bytes)
                return AggregatesJSON.scan(&scanner)
            } == nil, "\(bad)")
        }
    }

    /// A row's messages read as the decoder reads them, and anything but an array of strings is refused.
    @Test func readsMessagesAsDecodingDoes() throws {
        let written = AggregatesJSON.messagesText(["Scaled up", "quote \" backslash \\", "ünïcödé ✓", "tab\t\u{01}"])
        for text in [written, "[]", #" [ "a" , "b" ] "#, #"["\u00e9", "\/"]"#] {
            #expect(try AggregatesJSON.messages(text) == StoredJSON.decode([String].self, text), "\(text)")
        }
        for bad in ["null", "[1]", "[", "", #"{"a":"b"}"#] {
            #expect(throws: (any Error).self, "\(bad)") { try AggregatesJSON.messages(bad) }
        }
    }
}
