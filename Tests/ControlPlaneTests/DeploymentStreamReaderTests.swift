import Cluster
import Foundation
import KubeModel
import Store
import Testing
import TestSupport

/// A stream's snapshot is read by `DeploymentStream`'s reader; it must give what `JSONDecoder` gives for the
/// same text, for streams with everything in them (the sample history's), and hand anything else to `Decodable`.
@Suite struct DeploymentStreamReaderTests {
    static func foundation<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    @Test func aStreamWithEveryKindOfStateReadsAsJSONDecoderReadsIt() throws {
        let directory = try TemporaryDirectory()
        defer { directory.remove() }
        let store = try SampleHistory.store(in: directory)
        let stream = try store.read { try $0.stream(.deployment(namespace: "default", name: "web")) }
        #expect(stream.deployment != nil && !stream.replicaSets.isEmpty && !stream.pods.isEmpty)
        #expect(!stream.events.isEmpty && !stream.aggregates.isEmpty && stream.revisions.count > 1)
        #expect(stream.lastEventTime != nil && stream.revisions.contains { $0.changeCause != nil })
        let text = try JSONCodec.encode(stream)
        let expected = try Self.foundation(DeploymentStream.self, text)
        #expect(expected == stream)
        #expect(try DeploymentStream(reading: JSONCodec.parse(text)) == expected, "the reader itself")
        #expect(try JSONCodec.decode(DeploymentStream.self, from: text) == expected, "the codec, which uses it")
    }

    @Test func timersReadAsJSONDecoderReadsThem() throws {
        let text = #"{"app/web-1":{"due":"2026-01-01T00:00:10Z","attempt":2}}"#
        let expected = try Self.foundation([String: ContainerTimer].self, text)
        #expect(try [String: ContainerTimer](reading: JSONCodec.parse(text)) == expected)
    }

    /// Unset optionals read as nil; what the reader declines (a missing field, a wrong type) is `Decodable`'s error.
    @Test func declinedTextIsDecodablesError() throws {
        let empty = #""namespace":"d","name":"w","version":1,"replicaSets":{},"pods":{},"events":{},"podSequence":0,"#
            + #""eventSequence":0,"aggregates":{},"revisions":[],"containerTimers":{}"#
        for text in ["{\(empty)}", #"{\#(empty),"deployment":null,"lastEventTime":null}"#] {
            #expect(try JSONCodec.decode(DeploymentStream.self, from: text) == Self.foundation(DeploymentStream.self, text))
        }
        for text in [
            #"{\#(empty.replacingOccurrences(of: #""version":1"#, with: #""version":"1""#))}"#,
            #"{\#(empty.replacingOccurrences(of: #","containerTimers":{}"#, with: ""))}"#,
            #"{\#(empty.replacingOccurrences(of: #""revisions":[]"#, with: #""revisions":[{"revision":1}]"#))}"#,
        ] {
            #expect(throws: DecodingError.self) { try JSONCodec.decode(DeploymentStream.self, from: text) }
            #expect(throws: (any Error).self, "declined") { try DeploymentStream(reading: JSONCodec.parse(text)) }
        }
    }
}
