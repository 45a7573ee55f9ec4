/// A resource quantity (apimachinery `resource.Quantity`) as the API server stores it: parsed, rounded up to
/// milli-units (`SetDefaults_ResourceList`) and printed in canonical form (`Quantity.String`): `0.5` is `500m`,
/// `1024Mi` is `1Gi`, `1.5Gi` is `1536Mi`, `2000m` is `2`, `1000` is `1k`, `1e3` stays `1e3`.
///
/// Values beyond int64 (Go keeps them as arbitrary decimals) are left to the caller as not handled.
public struct Quantity: Sendable, Hashable {
    /// The value is `mantissa × 10^exponent` (decimal) or `mantissa × 10^exponent` bytes read from a binary suffix.
    var mantissa: Int64
    var exponent: Int
    var format: Format

    enum Format { case decimalSI, binarySI, decimalExponent }

    private static let decimalSuffixes: [String: Int] = [
        "n": -9, "u": -6, "m": -3, "": 0, "k": 3, "M": 6, "G": 9, "T": 12, "P": 15, "E": 18,
    ]
    private static let binarySuffixes = ["", "Ki", "Mi", "Gi", "Ti", "Pi", "Ei"]

    /// `ParseQuantity`'s grammar: `[+-]` digits with at most one `.`, then a suffix; nil when it does not parse or
    /// does not fit an int64.
    public init?(parsing text: String) {
        var rest = Substring(text)
        var negative = false
        if let sign = rest.first, sign == "+" || sign == "-" {
            negative = sign == "-"
            rest = rest.dropFirst()
        }
        let number = rest.prefix { $0.isASCII && ($0.isNumber || $0 == ".") }
        let suffix = String(rest.dropFirst(number.count))
        let parts = number.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count <= 2, number.contains(where: \.isNumber) else { return nil }
        var digits = String(parts[0]) + (parts.count == 2 ? String(parts[1]) : "")
        var exponent = parts.count == 2 ? -parts[1].count : 0
        digits = String(digits.drop { $0 == "0" })
        while digits.count > 1, digits.last == "0" {
            digits.removeLast()
            exponent += 1
        }
        guard var mantissa = digits.isEmpty ? 0 : Int64(digits) else { return nil }
        if negative { mantissa = -mantissa }
        if let power = Quantity.decimalSuffixes[suffix] {
            format = .decimalSI
            exponent += power
        } else if let index = Quantity.binarySuffixes.firstIndex(of: suffix), index > 0 {
            format = .binarySI
            for _ in 0..<index {
                let (product, overflow) = mantissa.multipliedReportingOverflow(by: 1024)
                if overflow { return nil }
                mantissa = product
            }
        } else if let first = suffix.first, first == "e" || first == "E", let power = Int(suffix.dropFirst()) {
            format = .decimalExponent
            exponent += power
        } else {
            return nil
        }
        while mantissa != 0, mantissa % 10 == 0 {
            mantissa /= 10
            exponent += 1
        }
        // Go keeps larger values as arbitrary decimals; resources never need them.
        // (A whole number of bytes prints without the arithmetic that could overflow.)
        guard mantissa.magnitude < 10_000_000_000_000_000 || (format == .binarySI && exponent >= 0) else { return nil }
        self.mantissa = mantissa
        self.exponent = exponent
        roundUpToMilli()
    }

    /// The canonical text of a quantity written as a string or a JSON number; nil when it is no quantity.
    public static func canonical(_ value: JSONValue) -> String? {
        Quantity(value)?.description
    }

    /// `RoundUp(-3)`: a finer value rounds away from zero to milli-units.
    private mutating func roundUpToMilli() {
        guard exponent < -3 else { return }
        let digits = -3 - exponent
        // The mantissa has fewer than 17 digits: dropping 17 or more leaves only the rounding.
        let divisor: Int64 = digits >= 17 ? 100_000_000_000_000_000 : (0..<digits).reduce(1) { value, _ in value * 10 }
        let (quotient, remainder) = mantissa.quotientAndRemainder(dividingBy: divisor)
        mantissa = remainder == 0 ? quotient : quotient + (mantissa > 0 ? 1 : -1)
        exponent = -3
    }
}

extension Quantity: CustomStringConvertible {
    /// `Quantity.String` (`CanonicalizeBytes`).
    public var description: String {
        if mantissa == 0 { return "0" }
        if format == .binarySI, let bytes = wholeValue, bytes <= -1024 || bytes >= 1024 {
            var number = bytes
            var index = 0
            while index < Quantity.binarySuffixes.count - 1, number % 1024 == 0 {
                number /= 1024
                index += 1
            }
            return "\(number)\(Quantity.binarySuffixes[index])"
        }
        // AsCanonicalBytes: no trailing zeros, then the exponent brought down to a multiple of three.
        var number = mantissa
        var power = exponent
        while number % 10 == 0 {
            number /= 10
            power += 1
        }
        switch power % 3 {
        case 1, -2:
            number *= 10
            power -= 1
        case 2, -1:
            number *= 100
            power -= 2
        default: break
        }
        if format == .decimalExponent { return power == 0 ? "\(number)" : "\(number)e\(power)" }
        let suffix = Quantity.decimalSuffixes.first { $0.value == power }?.key
        return "\(number)\(suffix ?? "e\(power)")"
    }

    /// The value as a whole number, nil when it has a fraction or does not fit.
    var wholeValue: Int64? {
        guard exponent >= 0 else { return nil }
        var value = mantissa
        for _ in 0..<exponent {
            let (product, overflow) = value.multipliedReportingOverflow(by: 10)
            if overflow { return nil }
            value = product
        }
        return value
    }
}

extension Quantity {
    /// `Quantity.UnmarshalJSON`'s error for a JSON value, nil when it reads as a quantity: the JSON text (quotes
    /// dropped, spaces trimmed) must fit `parseQuantityString`'s grammar (else `ErrFormatWrong`) and end in a
    /// suffix `interpret` knows (else `ErrSuffix`).
    public static func unmarshalError(_ value: JSONValue) -> String? {
        let formatWrong = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"
        let text: String
        switch value {
        case .null: return nil
        case .string(let string): text = string.trimmingCharacters(in: .whitespaces)
        case .int(let number): text = String(number)
        case .double(let number): text = number.description
        case .bool, .array, .object: return formatWrong
        }
        guard let suffix = suffix(of: text) else { return formatWrong }
        return knownSuffix(suffix) ? nil : "unable to parse quantity's suffix"
    }

    /// The suffix `parseQuantityString` splits off, nil when the text does not fit its grammar.
    private static func suffix(of text: String) -> Substring? {
        var rest = Substring(text)
        guard !rest.isEmpty else { return nil }
        if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
        rest = rest.drop { $0.isASCII && $0.isNumber }
        if rest.first == "." { rest = rest.dropFirst().drop { $0.isASCII && $0.isNumber } }
        let suffix = rest
        rest = rest.drop { "eEinumkKMGTP".contains($0) }
        if rest.first == "+" || rest.first == "-" { rest = rest.dropFirst() }
        rest = rest.drop { $0.isASCII && $0.isNumber }
        return rest.isEmpty ? suffix : nil
    }

    /// `quantitySuffixer.interpret`: the SI and binary suffixes, or `e`/`E` and an integer exponent.
    private static func knownSuffix(_ suffix: Substring) -> Bool {
        if decimalSuffixes[String(suffix)] != nil || binarySuffixes.contains(String(suffix)) { return true }
        guard let first = suffix.first, first == "e" || first == "E", suffix.count > 1 else { return false }
        return Int(suffix.dropFirst()) != nil
    }
}
