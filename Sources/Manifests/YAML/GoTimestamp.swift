/// go-yaml v2's `parseTimestamp`: the subset of YAML timestamps Go's `time.Parse` reads.
///
/// It only matters for quoting: go-yaml hands timestamps to `interface{}` as strings, but quotes them on output.
enum GoTimestamp {
    /// True when `text` parses with one of go-yaml's layouts:
    /// `2006-1-2T15:4:5.999999999Z07:00`, the same with `t`, `2006-1-2 15:4:5.999999999`, and `2006-1-2`.
    static func isYAMLTimestamp(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count > 4, bytes[..<4].allSatisfy(\.isASCIIDigit), bytes[4] == UInt8(ascii: "-") else {
            return false
        }
        var scanner = Scanner(bytes: bytes, position: 5)
        guard let month = scanner.number(), (1...12).contains(month), scanner.literal("-"),
            let day = scanner.number()
        else { return false }
        let year = Int(String(decoding: bytes[..<4], as: UTF8.self)) ?? 0
        guard day >= 1, day <= daysIn(month: month, year: year) else { return false }
        if scanner.atEnd { return true }
        let separator = scanner.peek
        guard separator == UInt8(ascii: "T") || separator == UInt8(ascii: "t") || separator == UInt8(ascii: " ")
        else { return false }
        scanner.position += 1
        guard let hour = scanner.number(), hour < 24, scanner.literal(":"),
            let minute = scanner.number(), minute < 60, scanner.literal(":"),
            let second = scanner.number(), second < 60
        else { return false }
        scanner.fraction()
        if separator == UInt8(ascii: " ") { return scanner.atEnd }
        return scanner.zone() && scanner.atEnd
    }

    private static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private struct Scanner {
        let bytes: [UInt8]
        var position: Int

        var atEnd: Bool { position >= bytes.count }
        var peek: UInt8? { atEnd ? nil : bytes[position] }

        /// Go's `getnum(s, false)`: one or two digits.
        mutating func number() -> Int? {
            guard let first = peek, first.isASCIIDigit else { return nil }
            position += 1
            var value = Int(first - UInt8(ascii: "0"))
            if let second = peek, second.isASCIIDigit {
                position += 1
                value = value * 10 + Int(second - UInt8(ascii: "0"))
            }
            return value
        }

        mutating func literal(_ text: String) -> Bool {
            let expected = Array(text.utf8)
            guard bytes.count - position >= expected.count,
                Array(bytes[position..<position + expected.count]) == expected
            else { return false }
            position += expected.count
            return true
        }

        /// `.999999999`: an optional fraction after `.` or `,`, which needs at least one digit.
        mutating func fraction() {
            guard let mark = peek, mark == UInt8(ascii: ".") || mark == UInt8(ascii: ","),
                position + 1 < bytes.count, bytes[position + 1].isASCIIDigit
            else { return }
            position += 1
            while let digit = peek, digit.isASCIIDigit { position += 1 }
        }

        /// `Z07:00`: `Z`, or `±hh:mm`.
        mutating func zone() -> Bool {
            if peek == UInt8(ascii: "Z") {
                position += 1
                return true
            }
            guard bytes.count - position >= 6, let sign = peek, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-"),
                bytes[position + 3] == UInt8(ascii: ":"),
                [1, 2, 4, 5].allSatisfy({ bytes[position + $0].isASCIIDigit })
            else { return false }
            position += 6
            return true
        }
    }
}
