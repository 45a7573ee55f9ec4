import Foundation
import KubeModel
import Testing

/// The hand-written parser for Rollbook's own time format must agree with Foundation's, which it bypasses.
struct TimestampParsingTests {
    @Test(arguments: [
        "1970-01-01T00:00:00Z", "1999-12-31T23:59:59Z", "2000-02-29T12:00:00Z", "2026-11-26T15:08:07Z",
        "2100-03-01T00:00:01Z", "2024-02-29T23:59:59Z", "1969-07-20T20:17:40Z",
    ])
    func canonicalFormAgreesWithFoundation(_ text: String) throws {
        let formatter = ISO8601DateFormatter()
        let expected = try #require(formatter.date(from: text))
        let parsed = try #require(Timestamp(rfc3339: text))
        #expect(parsed.seconds == Int64(expected.timeIntervalSince1970))
        #expect(parsed.description == text)
    }

    @Test func otherFormsStillParse() throws {
        #expect(Timestamp(rfc3339: "2026-11-26T16:08:07+01:00")?.description == "2026-11-26T15:08:07Z")
        #expect(Timestamp(rfc3339: "2026-11-26T15:08:07.9Z")?.description == "2026-11-26T15:08:07Z")
    }

    @Test(arguments: ["2026-13-01T00:00:00Z", "2026-11-26 15:08:07Z", "yesterday", ""])
    func nonsenseIsRejected(_ text: String) {
        #expect(Timestamp(rfc3339: text) == nil)
    }
}
