/// Go's `time.Parse(time.RFC3339, s)`, reduced to the question the API server asks of `metav1.Time`: does it parse,
/// and if not, what does the `ParseError` say?
enum GoTimeParse {
    static let layout = "2006-01-02T15:04:05Z07:00"

    private enum Element {
        case literal(String)
        case year, month, day, hour, minute, second, zone

        var layoutText: String {
            switch self {
            case .literal(let text): return text
            case .year: return "2006"
            case .month: return "01"
            case .day: return "02"
            case .hour: return "15"
            case .minute: return "04"
            case .second: return "05"
            case .zone: return "Z07:00"
            }
        }
    }

    private static let elements: [Element] = [
        .year, .literal("-"), .month, .literal("-"), .day, .literal("T"), .hour, .literal(":"), .minute,
        .literal(":"), .second, .zone,
    ]

    /// The `ParseError` message for a value that is not RFC 3339, or nil when it parses.
    static func error(for text: String) -> String? {
        var value = Substring(text)
        var year = 0
        var month = 0
        var day = 0
        func failure(_ element: String, _ rest: Substring) -> String {
            "parsing time \(quote(text)) as \(quote(layout)): cannot parse \(quote(String(rest))) as \(quote(element))"
        }
        func outOfRange(_ what: String) -> String { "parsing time \(quote(text)): \(what) out of range" }
        for element in elements {
            let hold = value
            switch element {
            case .literal(let literal):
                guard value.hasPrefix(literal) else { return failure(literal, value) }
                value = value.dropFirst(literal.count)
            case .year:
                guard value.count >= 4, let parsed = Int(value.prefix(4)), value.first?.isASCII == true,
                    value.first?.isNumber == true
                else { return failure("2006", hold) }
                year = parsed
                value = value.dropFirst(4)
            case .month:
                guard let parsed = number(&value, fixed: true) else { return failure("01", hold) }
                guard (1...12).contains(parsed) else { return outOfRange("month") }
                month = parsed
            case .day:
                guard let parsed = number(&value, fixed: true) else { return failure("02", hold) }
                day = parsed
            case .hour:
                guard let parsed = number(&value, fixed: false) else { return failure("15", hold) }
                guard parsed < 24 else { return outOfRange("hour") }
            case .minute:
                guard let parsed = number(&value, fixed: true) else { return failure("04", hold) }
                guard parsed < 60 else { return outOfRange("minute") }
            case .second:
                guard let parsed = number(&value, fixed: true) else { return failure("05", hold) }
                guard parsed < 60 else { return outOfRange("second") }
                if value.count >= 2, value.first == "." || value.first == ",",
                    value.dropFirst().first.map({ $0.isASCII && $0.isNumber }) == true
                {
                    value = value.dropFirst().drop { $0.isASCII && $0.isNumber }
                }
            case .zone:
                if value.first == "Z" {
                    value = value.dropFirst()
                } else {
                    let chars = Array(value)
                    guard chars.count >= 6, chars[3] == ":", chars[0] == "+" || chars[0] == "-",
                        [1, 2, 4, 5].allSatisfy({ chars[$0].isASCII && chars[$0].isNumber })
                    else { return failure("Z07:00", hold) }
                    value = value.dropFirst(6)
                }
            }
        }
        if !value.isEmpty {
            return "parsing time \(quote(text)): extra text: \(quote(String(value)))"
        }
        guard day >= 1, day <= daysIn(month: month, year: year) else { return outOfRange("day") }
        return nil
    }

    /// Go's `getnum`: two digits, or one when not `fixed`.
    private static func number(_ value: inout Substring, fixed: Bool) -> Int? {
        let digits = value.prefix(2).prefix { $0.isASCII && $0.isNumber }
        guard let first = digits.first?.wholeNumberValue else { return nil }
        guard digits.count == 2, let second = digits.last?.wholeNumberValue else {
            if fixed { return nil }
            value = value.dropFirst()
            return first
        }
        value = value.dropFirst(2)
        return first * 10 + second
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// The time package's own `quote`: non-ASCII and control bytes as `\x..`.
    static func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            if scalar.value >= 0x80 || scalar.value < 0x20 {
                for byte in String(scalar).utf8 { out += "\\x" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16) }
            } else {
                if scalar == "\"" || scalar == "\\" { out += "\\" }
                out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}
