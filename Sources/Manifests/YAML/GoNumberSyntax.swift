/// The parts of Go's `strconv` that go-yaml leans on to type plain scalars.
enum GoNumberSyntax {
    /// `strconv.ParseInt(s, base, 64)`; base 0 reads `0x`, `0o`, `0b` and a leading `0` (octal) prefixes.
    static func parseInt(_ text: String, base: Int = 0) -> Int64? {
        var body = Substring(text)
        var negative = false
        if let sign = body.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            body = body.dropFirst()
        }
        guard let magnitude = parseUInt(String(body), base: base) else { return nil }
        if negative {
            guard magnitude <= UInt64(Int64.max) + 1 else { return nil }
            return magnitude == UInt64(Int64.max) + 1 ? Int64.min : -Int64(magnitude)
        }
        return magnitude <= UInt64(Int64.max) ? Int64(magnitude) : nil
    }

    /// `strconv.ParseUint(s, base, 64)`: no sign; nil on a syntax or range error.
    static func parseUInt(_ text: String, base: Int = 0) -> UInt64? {
        var digits = Substring(text)
        guard !digits.isEmpty else { return nil }
        var radix = base
        if base == 0 {
            radix = 10
            if digits.first == "0" {
                let second = digits.dropFirst().first?.lowercased()
                if digits.count >= 3, second == "b" {
                    radix = 2
                    digits = digits.dropFirst(2)
                } else if digits.count >= 3, second == "o" {
                    radix = 8
                    digits = digits.dropFirst(2)
                } else if digits.count >= 3, second == "x" {
                    radix = 16
                    digits = digits.dropFirst(2)
                } else {
                    radix = 8
                    digits = digits.dropFirst()
                }
            }
        }
        var value: UInt64 = 0
        for character in digits {
            guard let digit = character.hexDigitValue, digit < radix else { return nil }
            let (shifted, overflow) = value.multipliedReportingOverflow(by: UInt64(radix))
            let (sum, carry) = shifted.addingReportingOverflow(UInt64(digit))
            guard !overflow, !carry else { return nil }
            value = sum
        }
        return value
    }

    /// `strconv.ParseFloat` for the decimal forms go-yaml passes it; nil when the value overflows to infinity.
    static func parseFloat(_ text: String) -> Double? {
        guard let value = Double(text), value.isFinite else { return nil }
        return value
    }

    /// go-yaml's `yamlStyleFloat`: `^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$`.
    static func isYAMLStyleFloat(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst()
            let fraction = bytes.prefix { $0.isASCIIDigit }
            guard !fraction.isEmpty else { return false }
            bytes = bytes.dropFirst(fraction.count)
        } else {
            let integer = bytes.prefix { $0.isASCIIDigit }
            guard !integer.isEmpty else { return false }
            bytes = bytes.dropFirst(integer.count)
            if bytes.first == UInt8(ascii: ".") { bytes = bytes.dropFirst().drop { $0.isASCIIDigit } }
        }
        return isExponentOrEmpty(bytes)
    }

    /// What `strconv.ParseFloat` accepts from a string starting with `.`: `^\.[0-9]+([eE][-+]?[0-9]+)?$`.
    static func isDotFloat(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        guard bytes.first == UInt8(ascii: ".") else { return false }
        bytes = bytes.dropFirst()
        let fraction = bytes.prefix { $0.isASCIIDigit }
        guard !fraction.isEmpty else { return false }
        return isExponentOrEmpty(bytes.dropFirst(fraction.count))
    }

    private static func isExponentOrEmpty(_ bytes: Substring.UTF8View.SubSequence) -> Bool {
        var rest = bytes
        guard let marker = rest.first else { return true }
        guard marker == UInt8(ascii: "e") || marker == UInt8(ascii: "E") else { return false }
        rest = rest.dropFirst()
        if let sign = rest.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { rest = rest.dropFirst() }
        return !rest.isEmpty && rest.allSatisfy { $0.isASCIIDigit }
    }
}
