import Testing

@testable import Manifests

/// The Go library behaviour the decoder and the printers reproduce, checked piece by piece.
struct GoSyntaxTests {
    @Test(arguments: [
        ("", GoYAMLResolver.Resolved.null), ("~", .null), ("Null", .null), ("y", .bool(true)), ("Off", .bool(false)),
        ("TRUE", .bool(true)), ("tRue", .string), ("0", .int(0)), ("-17", .int(-17)), ("0o17", .int(15)),
        ("0777", .int(511)), ("0b101", .int(5)), ("-0b101", .int(-5)), ("0x_1F", .int(31)),
        ("9223372036854775808", .uint(9_223_372_036_854_775_808)),
        ("1.", .float(1)), ("+.5e1", .float(5)), (".5", .float(0.5)), ("1e999", .string), (".", .string),
        ("2001-12-14", .timestamp), ("2001-12-14t21:59:43.10-05:00", .timestamp),
        ("2001-12-14 21:59:43.10", .timestamp),
        ("2001-02-30", .string), ("1:20", .string), ("0x", .string), ("abc", .string),
    ])
    func resolve(_ text: String, _ expected: GoYAMLResolver.Resolved) {
        #expect(GoYAMLResolver.resolve(text) == expected)
    }

    @Test(arguments: [
        ("1:20", true), ("-1:20:30.5", true), ("190:20:30", true), ("1:60", false), ("1:2:", false), ("12", false),
    ])
    func base60(_ text: String, _ expected: Bool) {
        #expect(GoYAMLResolver.isBase60Float(text) == expected)
    }

    @Test(arguments: [
        (1234567.5, "1.2345675e+06"), (0.0001, "0.0001"), (0.00001, "1e-05"), (123456.0, "123456"), (-2.5, "-2.5"),
    ])
    func generalFloatFormat(_ value: Double, _ expected: String) {
        #expect(GoFloat.yaml(value) == expected)
    }

    @Test func yamlKeyOrder() {
        #expect(
            GoYAMLKeyOrder.sorted(["b", "a10", "a9", "a_", "aZ", "A", "a", "0", "00"])
                == ["0", "00", "A", "a", "a_", "a9", "a10", "aZ", "b"])
    }

    @Test(arguments: [
        ("2024-01-02T03:04:05Z", nil), ("2024-01-02T03:04:05.123+02:00", nil),
        (
            "2024-1-02T03:04:05Z",
            #"parsing time "2024-1-02T03:04:05Z" as "2006-01-02T15:04:05Z07:00": "#
                + #"cannot parse "1-02T03:04:05Z" as "01""#
        ),
        ("2024-02-30T00:00:00Z", #"parsing time "2024-02-30T00:00:00Z": day out of range"#),
        (
            "2024-01-02 03:04:05Z",
            #"parsing time "2024-01-02 03:04:05Z" as "2006-01-02T15:04:05Z07:00": cannot parse " 03:04:05Z" as "T""#
        ),
        ("2024-01-02T03:04:05Zjunk", #"parsing time "2024-01-02T03:04:05Zjunk": extra text: "junk""#),
    ])
    func rfc3339(_ text: String, _ expected: String?) {
        #expect(GoTimeParse.error(for: text) == expected)
    }
}
