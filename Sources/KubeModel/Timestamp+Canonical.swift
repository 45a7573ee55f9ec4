extension Timestamp {
    /// Seconds since the epoch for the exact form Rollbook writes, `2026-11-26T15:08:07Z`, or nil for any
    /// other text (which then goes through `ISO8601DateFormatter`).
    ///
    /// Every stored event and object carries times in this form, and folding the log for `--at` parses
    /// thousands of them; Foundation's formatter made that the largest cost of a point-in-time read.
    ///
    /// - Complexity: O(1); no allocation.
    static func canonicalSeconds(_ text: String) -> Int64? {
        var text = text
        return text.withUTF8(canonicalSeconds)
    }

    static func canonicalSeconds(_ bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        guard bytes.count == 20, bytes[4] == 0x2D, bytes[7] == 0x2D, bytes[10] == 0x54, bytes[13] == 0x3A,
            bytes[16] == 0x3A, bytes[19] == 0x5A
        else { return nil }
        func number(_ range: Range<Int>) -> Int64? {
            var value: Int64 = 0
            for index in range {
                let digit = bytes[index] &- 0x30
                guard digit < 10 else { return nil }
                value = value * 10 + Int64(digit)
            }
            return value
        }
        guard let year = number(0..<4), let month = number(5..<7), let day = number(8..<10),
            let hour = number(11..<13), let minute = number(14..<16), let second = number(17..<19),
            (1...12).contains(month), day >= 1, day <= daysIn(month: month, year: year), hour < 24, minute < 60,
            second < 60
        else { return nil }
        return daysFromCivil(year: year, month: month, day: day) * 86_400 + hour * 3_600 + minute * 60 + second
    }

    /// `Timestamp(rfc3339:)` over UTF-8 bytes, without making a `String` for the canonical form.
    public init?(rfc3339 bytes: UnsafeBufferPointer<UInt8>) {
        if let seconds = Timestamp.canonicalSeconds(bytes) {
            self.init(seconds: seconds)
        } else {
            self.init(rfc3339: String(decoding: bytes, as: UTF8.self))
        }
    }

    private static func daysIn(month: Int64, year: Int64) -> Int64 {
        switch month {
        case 2: (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Howard Hinnant's `days_from_civil`: days since 1970-01-01 in the proleptic Gregorian calendar.
    private static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }
}
