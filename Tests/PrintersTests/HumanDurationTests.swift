import KubeModel
import Testing

@testable import Printers

@Suite struct HumanDurationTests {
    @Test(arguments: [
        (-5, "<invalid>"), (-1, "0s"), (0, "0s"), (5, "5s"), (119, "119s"),
        (120, "2m"), (129, "2m9s"), (599, "9m59s"), (600, "10m"), (179 * 60 + 59, "179m"),
        (3 * 3600, "3h"), (3 * 3600 + 30 * 60, "3h30m"), (8 * 3600, "8h"), (47 * 3600 + 59 * 60, "47h"),
        (48 * 3600, "2d"), (49 * 3600, "2d1h"), (191 * 3600, "7d23h"), (192 * 3600, "8d"),
        (729 * 86400, "729d"), (730 * 86400, "2y"), (731 * 86400, "2y1d"), (8 * 365 * 86400, "8y"),
        (20 * 365 * 86400 + 86400, "20y"),
    ] as [(Int64, String)])
    func table(seconds: Int64, expected: String) {
        #expect(humanDuration(seconds) == expected)
    }

    @Test func ageOfAMissingTimestampIsUnknown() {
        #expect(age(of: nil, now: Timestamp(seconds: 100)) == "<unknown>")
        #expect(age(of: Timestamp(seconds: 40), now: Timestamp(seconds: 100)) == "60s")
    }
}
