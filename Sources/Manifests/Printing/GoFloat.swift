import Foundation

/// Go's `strconv.FormatFloat` with the shortest round-trip digits, in the three formats kubectl's output uses.
///
/// Swift and Go both print the shortest digit string that reads back to the same double, so the digits can be taken
/// from Swift's `description` and laid out the Go way.
struct GoFloat {
    var negative: Bool
    /// Significant digits, no leading or trailing zeros (empty for zero).
    var digits: [UInt8]
    /// Position of the decimal point: the value is `0.d₁d₂… × 10^decimalPoint`.
    var decimalPoint: Int

    init(_ value: Double) { self.init(description: value.description) }

    init(_ value: Float) { self.init(description: value.description) }

    private init(description: String) {
        var text = Substring(description)
        negative = text.first == "-"
        if negative { text = text.dropFirst() }
        var exponent = 0
        if let marker = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            exponent = Int(text[text.index(after: marker)...]) ?? 0
            text = text[..<marker]
        }
        let integerPart = text.prefix { $0 != "." }
        let fractionPart = text.dropFirst(integerPart.count + 1)
        var all = Array((integerPart + fractionPart).utf8)
        var point = integerPart.count + exponent
        while all.first == UInt8(ascii: "0") {
            all.removeFirst()
            point -= 1
        }
        while all.last == UInt8(ascii: "0") { all.removeLast() }
        digits = all
        decimalPoint = all.isEmpty ? 0 : point
    }

    /// `%e` with the shortest precision: `1.5e+06`, `1e-07`.
    var exponentForm: String {
        var out = negative ? "-" : ""
        let shown = digits.isEmpty ? [UInt8(ascii: "0")] : digits
        out += String(UnicodeScalar(shown[0]))
        if shown.count > 1 { out += "." + String(decoding: shown.dropFirst(), as: UTF8.self) }
        let exponent = digits.isEmpty ? 0 : decimalPoint - 1
        out += exponent < 0 ? "e-" : "e+"
        let magnitude = String(abs(exponent))
        out += magnitude.count < 2 ? "0" + magnitude : magnitude
        return out
    }

    /// `%f` with the shortest precision: `1234567.5`, `0.0001`, `100000000000000000000`.
    var fixedForm: String {
        var out = negative ? "-" : ""
        if digits.isEmpty { return out + "0" }
        let text = String(decoding: digits, as: UTF8.self)
        if decimalPoint <= 0 {
            out += "0." + String(repeating: "0", count: -decimalPoint) + text
        } else if decimalPoint >= digits.count {
            out += text + String(repeating: "0", count: decimalPoint - digits.count)
        } else {
            out += String(text.prefix(decimalPoint)) + "." + String(text.dropFirst(decimalPoint))
        }
        return out
    }

    /// `strconv.FormatFloat(f, 'g', -1, bits)`: the exponent form when the exponent is below -4 or at least 6.
    var generalForm: String {
        let exponent = digits.isEmpty ? 0 : decimalPoint - 1
        return exponent < -4 || exponent >= 6 ? exponentForm : fixedForm
    }

    /// How Go's `encoding/json` writes a float64 (ES6 style: `f` unless below 1e-6 or from 1e21 on).
    static func json(_ value: Double) -> String {
        let magnitude = abs(value)
        let float = GoFloat(value)
        guard magnitude != 0, magnitude < 1e-6 || magnitude >= 1e21 else { return float.fixedForm }
        var text = float.exponentForm
        // Go cleans up e-09 to e-9.
        if let range = text.range(of: "e-0"), text.distance(from: range.upperBound, to: text.endIndex) == 1 {
            text.replaceSubrange(range, with: "e-")
        }
        return text
    }

    /// How go-yaml v2 writes a float64 scalar: `%g`, with `.inf`, `-.inf` and `.nan`.
    static func yaml(_ value: Double) -> String {
        if value.isNaN { return ".nan" }
        if value.isInfinite { return value < 0 ? "-.inf" : ".inf" }
        return GoFloat(value).generalForm
    }

    /// How sigs.k8s.io/yaml turns a float map key into a string: `%g` of the value as a float32.
    static func yamlKey(_ value: Double) -> String {
        if value.isNaN { return ".nan" }
        if value.isInfinite { return value < 0 ? "-.inf" : ".inf" }
        return GoFloat(Float(value)).generalForm
    }
}
