import Foundation

/// go-yaml v2's `resolve`: what an untagged plain scalar means (YAML 1.1 booleans, octal, `~`, timestamps…).
///
/// The decoder uses it to type plain scalars; the printer uses it to decide whether a string must be quoted, which is
/// why `"1"`, `"true"`, `"yes"` and `"2026-11-26T15:08:07Z"` come out quoted in `kubectl get -o yaml`.
enum GoYAMLResolver {
    enum Resolved: Equatable {
        case null
        case bool(Bool)
        case int(Int64)
        case uint(UInt64)
        case float(Double)
        /// Looks like a timestamp; go-yaml v2 still hands it over as the original string.
        case timestamp
        case string
    }

    private static let words: [String: Resolved] = {
        var map: [String: Resolved] = [:]
        for word in ["y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON"] {
            map[word] = .bool(true)
        }
        for word in ["n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF"] {
            map[word] = .bool(false)
        }
        for word in ["", "~", "null", "Null", "NULL"] { map[word] = .null }
        for word in [".nan", ".NaN", ".NAN"] { map[word] = .float(.nan) }
        for word in [".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF"] { map[word] = .float(.infinity) }
        for word in ["-.inf", "-.Inf", "-.INF"] { map[word] = .float(-.infinity) }
        return map
    }()

    /// Resolves an untagged plain scalar.
    static func resolve(_ text: String) -> Resolved {
        guard let first = text.utf8.first else { return .null }
        let hint: UInt8
        switch first {
        case UInt8(ascii: "+"), UInt8(ascii: "-"): hint = UInt8(ascii: "S")
        case UInt8(ascii: "0")...UInt8(ascii: "9"): hint = UInt8(ascii: "D")
        case UInt8(ascii: "."): hint = UInt8(ascii: ".")
        default:
            hint = "yYnNtTfFoO~".utf8.contains(first) ? UInt8(ascii: "M") : 0
        }
        guard hint != 0 else { return .string }
        if let word = words[text] { return word }
        switch hint {
        case UInt8(ascii: "."):
            if GoNumberSyntax.isDotFloat(text), let value = GoNumberSyntax.parseFloat(text) { return .float(value) }
        case UInt8(ascii: "D"), UInt8(ascii: "S"):
            if GoTimestamp.isYAMLTimestamp(text) { return .timestamp }
            let plain = text.replacingOccurrences(of: "_", with: "")
            if let value = GoNumberSyntax.parseInt(plain) { return .int(value) }
            if let value = GoNumberSyntax.parseUInt(plain) { return .uint(value) }
            if GoNumberSyntax.isYAMLStyleFloat(plain), let value = GoNumberSyntax.parseFloat(plain) {
                return .float(value)
            }
            if plain.hasPrefix("0b") {
                let digits = String(plain.dropFirst(2))
                if let value = GoNumberSyntax.parseInt(digits, base: 2) { return .int(value) }
                if let value = GoNumberSyntax.parseUInt(digits, base: 2) { return .uint(value) }
            } else if plain.hasPrefix("-0b"), let value = GoNumberSyntax.parseInt("-" + plain.dropFirst(3), base: 2) {
                return .int(value)
            }
        default:
            break
        }
        return .string
    }

    /// `^[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+(?:\.[0-9_]*)?$`: sexagesimal numbers, which go-yaml quotes on output.
    static func isBase60Float(_ text: String) -> Bool {
        var bytes = Substring(text).utf8[...]
        if let sign = bytes.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") { bytes = bytes.dropFirst() }
        guard let first = bytes.first, first.isASCIIDigit else { return false }
        bytes = bytes.drop { $0.isASCIIDigit || $0 == UInt8(ascii: "_") }
        var groups = 0
        while bytes.first == UInt8(ascii: ":") {
            bytes = bytes.dropFirst()
            let digits = bytes.prefix { $0.isASCIIDigit }
            guard digits.count == 1 || (digits.count == 2 && digits[digits.startIndex] <= UInt8(ascii: "5")) else {
                return false
            }
            bytes = bytes.dropFirst(digits.count)
            groups += 1
        }
        guard groups > 0 else { return false }
        if bytes.first == UInt8(ascii: ".") {
            bytes = bytes.dropFirst().drop { $0.isASCIIDigit || $0 == UInt8(ascii: "_") }
        }
        return bytes.isEmpty
    }
}

extension UInt8 {
    var isASCIIDigit: Bool { self >= UInt8(ascii: "0") && self <= UInt8(ascii: "9") }
}
