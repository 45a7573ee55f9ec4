import Foundation

/// Kubernetes' `intstr.IntOrString`: `maxSurge: 1` or `maxSurge: "25%"`.
public enum IntOrString: Sendable, Hashable, Codable, CustomStringConvertible {
    case int(Int)
    case string(String)

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let value = try? container.decode(Int.self) {
            self = .int(value)
        } else {
            self = .string(try container.decode(String.self))
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .int(let value): try container.encode(value)
        case .string(let value): try container.encode(value)
        }
    }

    /// The value as kubectl prints it: `25%` or `1`.
    public var description: String {
        switch self {
        case .int(let value): return String(value)
        case .string(let value): return value
        }
    }

    /// Go's `%#v` of the struct, which is how validation messages render it.
    public var goSyntax: String {
        switch self {
        case .int(let value): return "intstr.IntOrString{Type:0, IntVal:\(value), StrVal:\"\"}"
        case .string(let value): return "intstr.IntOrString{Type:1, IntVal:0, StrVal:\(goQuoted(value))}"
        }
    }

    /// `intstr.GetScaledValueFromIntOrPercent`: integers as-is, `N%` of `total` rounded up or down.
    /// Returns nil for a string that is not a percentage.
    public func scaled(total: Int, roundUp: Bool) -> Int? {
        switch self {
        case .int(let value):
            return value
        case .string(let text):
            guard text.hasSuffix("%"), let percent = Int(text.dropLast()) else { return nil }
            let exact = Double(percent) * Double(total) / 100
            return Int(roundUp ? exact.rounded(.up) : exact.rounded(.down))
        }
    }

    /// True for the literal values `0` and `"0%"`, which validation compares (not resolved values).
    public var isLiteralZero: Bool {
        switch self {
        case .int(let value): return value == 0
        case .string(let value): return value == "0%"
        }
    }
}

/// Go's `%q` for plain strings.
public func goQuoted(_ string: String) -> String {
    var out = ""
    JSONValue.writeQuoted(string, into: &out)
    return out.replacingOccurrences(of: "\\u003c", with: "<").replacingOccurrences(of: "\\u003e", with: ">")
        .replacingOccurrences(of: "\\u0026", with: "&")
}
