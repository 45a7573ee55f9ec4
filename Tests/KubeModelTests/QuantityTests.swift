import KubeModel
import Testing

/// apimachinery `resource.Quantity`: ParseQuantity, RoundUp(-3) (SetDefaults_ResourceList) and String().
/// Expected texts follow quantity_test.go's canonical forms.
struct QuantityTests {
    @Test(arguments: [
        ("0", "0"), ("1", "1"), ("0.5", "500m"), ("100m", "100m"), ("1000m", "1"), ("2000m", "2"), ("1.5", "1500m"),
        ("1000", "1k"), ("1500000", "1500k"), ("1G", "1G"), ("1000M", "1G"), ("0.1", "100m"), (".5", "500m"),
        ("1.", "1"), ("+2", "2"), ("-1", "-1"), ("1024Mi", "1Gi"), ("1.5Gi", "1536Mi"), ("1Ki", "1Ki"),
        ("0.5Ki", "512"), ("1023", "1023"), ("1024", "1024"), ("1000Mi", "1000Mi"), ("2048Ki", "2Mi"), ("1Ei", "1Ei"),
        ("1e3", "1e3"), ("1E3", "1e3"), ("1000e0", "1e3"), ("5e-1", "500e-3"), ("1e0", "1"), ("0.0001", "1m"),
        ("1n", "1m"), ("1500u", "2m"), ("-0.0001", "-1m"), ("100Mi", "100Mi"), ("12e6", "12e6"), ("1m", "1m"),
    ])
    func canonicalText(input: String, expected: String) {
        #expect(Quantity(parsing: input)?.description == expected, "\(input)")
    }

    @Test(arguments: ["", "abc", "1.2.3", "1Zi", "1e", "--1", "m", "1 Gi"])
    func notAQuantity(input: String) {
        #expect(Quantity(parsing: input) == nil, "\(input)")
    }

    /// `Value()` and `MilliValue()`, which describe's resource field values divide: a fraction rounds away from zero.
    @Test(arguments: [
        ("1500m", Int64(2), Int64(1500)), ("300Mi", 314_572_800, 314_572_800_000), ("1Mi", 1_048_576, 1_048_576_000),
        ("250m", 1, 250), ("1m", 1, 1), ("1n", 1, 1), ("0", 0, 0), ("-1500m", -2, -1500), ("1e3", 1000, 1_000_000),
        ("1G", 1_000_000_000, 1_000_000_000_000),
    ])
    func wholeAndMilliValues(input: String, value: Int64, milliValue: Int64) throws {
        let quantity = try #require(Quantity(parsing: input))
        #expect(quantity.value == value, "\(input)")
        #expect(quantity.milliValue == milliValue, "\(input)")
    }

    @Test func numbersFromJSONAreQuantitiesToo() {
        #expect(Quantity.canonical(.int(2)) == "2")
        #expect(Quantity.canonical(.double(0.25)) == "250m")
        #expect(Quantity.canonical(.bool(true)) == nil)
    }
}

/// `Quantity.UnmarshalJSON`'s refusals, which the API server reports as `cannot be handled as a Deployment: …`.
struct QuantityDecodingTests {
    static let formatWrong = "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'"

    @Test func valuesItRefusesAndTakes() {
        #expect(Quantity.unmarshalError(.string("abc")) == Self.formatWrong)
        #expect(Quantity.unmarshalError(.string("1Zi")) == Self.formatWrong, "Z is not a suffix letter")
        #expect(Quantity.unmarshalError(.string("1kk")) == "unable to parse quantity's suffix")
        #expect(Quantity.unmarshalError(.bool(true)) == Self.formatWrong)
        #expect(Quantity.unmarshalError(.string("")) == Self.formatWrong)
        #expect(Quantity.unmarshalError(.string(" 2Gi ")) == nil, "trimmed first")
        #expect(Quantity.canonical(.string(" 2Gi ")) == "2Gi")
        #expect(Quantity.unmarshalError(.double(0.5)) == nil)
        #expect(Quantity.unmarshalError(.string("1e-3")) == nil)
    }
}
