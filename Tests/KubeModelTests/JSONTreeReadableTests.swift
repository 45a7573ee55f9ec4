import Foundation
@testable import KubeModel
import Testing

/// The readers give `JSONDecoder`'s value for every field, set or not (the fixtures of `CanonicalJSONTests`
/// set every stored property, which that suite checks), and what they decline is decoded by `Decodable` as
/// before, which throws the same error.
@Suite struct JSONTreeReadableTests {
    static func foundation<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try JSONDecoder().decode(type, from: Data(text.utf8))
    }

    /// `Decodable` through the tree decoder, the way ``JSONCodec`` decoded before there were readers.
    static func decodable<T: Decodable>(_ type: T.Type, _ text: String) throws -> T {
        try T(from: JSONTreeDecoder(value: JSONCodec.parse(text), node: .root))
    }

    static func check<T: JSONTreeReadable & Decodable & Equatable>(_ type: T.Type, _ text: String) throws {
        let expected = try foundation(type, text)
        #expect(try T(reading: JSONCodec.parse(text)) == expected, "the reader itself")
        #expect(try JSONCodec.decode(type, from: text) == expected, "the codec, which uses it")
    }

    @Test func everyFieldIsReadAsJSONDecoderReadsIt() throws {
        try Self.check(Deployment.self, CanonicalJSONTests.deployment)
        try Self.check(ReplicaSet.self, CanonicalJSONTests.replicaSet)
        try Self.check(Pod.self, CanonicalJSONTests.pod)
    }

    @Test func unsetAndNullFieldsAreReadAsJSONDecoderReadsThem() throws {
        let head = #""apiVersion":"v","kind":"k","metadata":{"name":"a","labels":null}"#
        try Self.check(Deployment.self, #"{\#(head),"spec":{"template":null,"paused":null},"status":{}}"#)
        try Self.check(ReplicaSet.self, #"{\#(head),"spec":{"selector":{},"template":{"spec":null}},"status":{}}"#)
        try Self.check(Pod.self, #"{\#(head),"spec":{},"status":{"conditions":[],"containerStatuses":[]},"x":1}"#)
    }

    /// Written by the canonical writers, read back by the readers alone.
    @Test func canonicalTextReadsBackWithoutFallingBack() throws {
        let deployment = try Self.foundation(Deployment.self, CanonicalJSONTests.deployment)
        #expect(try Deployment(reading: JSONCodec.parse(deployment.canonicalJSONText)) == deployment)
        let pod = try Self.foundation(Pod.self, CanonicalJSONTests.pod)
        #expect(try Pod(reading: JSONCodec.parse(pod.canonicalJSONText)) == pod)
    }

    /// The parser makes `2.0` and `1e3` integers, as `JSONDecoder` reads them where an `Int` goes.
    @Test func integralNumbersAreReadAsJSONDecoderReadsThem() throws {
        let head = #""apiVersion":"v","kind":"k","metadata":{"name":"a","generation":1e3}"#
        try Self.check(Deployment.self, #"{\#(head),"spec":{"replicas":2.0,"strategy":{"rollingUpdate":{"maxSurge":2.0}}},"status":{}}"#)
    }

    /// A wrong type, a missing required key or a bad time: the same error `Decodable` gave.
    @Test func errorsAreDecodablesErrors() throws {
        for text in [
            #"{"apiVersion":"v","kind":"k","metadata":{"name":"a"},"spec":{"replicas":"x"},"status":{}}"#,
            #"{"apiVersion":"v","kind":"k","metadata":{},"spec":{},"status":{}}"#,
            #"{"apiVersion":"v","kind":"k","metadata":{"name":"a","creationTimestamp":"yesterday"},"spec":{},"status":{}}"#,
            #"{"apiVersion":"v","kind":"k","metadata":{"name":"a"},"spec":{"strategy":{"rollingUpdate":{"maxSurge":2.5}}},"status":{}}"#,
            #"{"apiVersion":"v","kind":"k","metadata":{"name":"a"},"spec":{"template":{"spec":[]}},"status":{}}"#,
        ] {
            let before = try #require(throws: (any Error).self) { try Self.decodable(Deployment.self, text) }
            let now = try #require(throws: (any Error).self) { try JSONCodec.decode(Deployment.self, from: text) }
            #expect("\(now)" == "\(before)")
        }
    }

    /// Inside a synthesized `Decodable` payload the readers are used too, and nothing changes.
    @Test func readersNestInsideDecodableTypes() throws {
        struct Payload: Decodable, Equatable {
            var pods: [Pod]
            var replicaSet: ReplicaSet?
        }
        let text = #"{"pods":[\#(CanonicalJSONTests.pod)],"replicaSet":\#(CanonicalJSONTests.replicaSet)}"#
        #expect(try JSONCodec.decode(Payload.self, from: text) == Self.foundation(Payload.self, text))
    }
}
