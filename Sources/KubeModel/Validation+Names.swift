/// The string format checks of apimachinery's `pkg/util/validation` (v1.32), returning Go's exact messages.
///
/// Each check returns every message that applies, in upstream order; an empty array means the value is valid.
/// Lengths are counted in UTF-8 bytes and character classes are ASCII-only, as Go's `len` and RE2 classes are.
enum NameRules {
    static let dns1123LabelFormat = "[a-z0-9]([-a-z0-9]*[a-z0-9])?"
    static let dns1123SubdomainFormat = dns1123LabelFormat + "(\\." + dns1123LabelFormat + ")*"
    static let qualifiedNameFormat = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]"
    static let labelValueFormat = "(" + qualifiedNameFormat + ")?"
    static let percentFormat = "[0-9]+%"

    static let dns1123LabelMessage = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters "
        + "or '-', and must start and end with an alphanumeric character"
    static let dns1123SubdomainMessage = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric "
        + "characters, '-' or '.', and must start and end with an alphanumeric character"
    static let qualifiedNameMessage = "must consist of alphanumeric characters, '-', '_' or '.', "
        + "and must start and end with an alphanumeric character"
    static let labelValueMessage = "a valid label must be an empty string or consist of alphanumeric characters, "
        + "'-', '_' or '.', and must start and end with an alphanumeric character"
    static let percentMessage = "a valid percent string must be a numeric string followed by an ending '%'"
    static let relaxedEnvVarNameMessage =
        "a valid environment variable name must consist only of printable ASCII characters other than '='"

    // MARK: - Message builders

    /// `validation.RegexError`: note the doubled space before each `or`, which Go really prints.
    static func regexError(_ message: String, format: String, examples: [String] = []) -> String {
        if examples.isEmpty { return message + " (regex used for validation is '" + format + "')" }
        let listed = examples.map { "'\($0)', " }.joined(separator: " or ")
        return message + " (e.g. " + listed + "regex used for validation is '" + format + "')"
    }

    static func maxLengthError(_ length: Int) -> String { "must be no more than \(length) characters" }
    static let emptyError = "must be non-empty"

    static func inclusiveRangeError(_ low: Int, _ high: Int) -> String {
        "must be between \(low) and \(high), inclusive"
    }

    // MARK: - DNS names

    /// `IsDNS1123Label`: at most 63 bytes of `[a-z0-9-]`, alphanumeric at both ends.
    static func dns1123Label(_ value: String) -> [String] {
        var errors: [String] = []
        if value.utf8.count > 63 { errors.append(maxLengthError(63)) }
        if !isDNS1123Label(value) {
            errors.append(isDNS1123Subdomain(value)
                ? "must not contain dots"
                : regexError(dns1123LabelMessage, format: dns1123LabelFormat, examples: ["my-name", "123-abc"]))
        }
        return errors
    }

    /// `IsDNS1123Subdomain`: at most 253 bytes of dot-separated DNS-1123 labels.
    static func dns1123Subdomain(_ value: String) -> [String] {
        var errors: [String] = []
        if value.utf8.count > 253 { errors.append(maxLengthError(253)) }
        if !isDNS1123Subdomain(value) {
            errors.append(
                regexError(dns1123SubdomainMessage, format: dns1123SubdomainFormat, examples: ["example.com"]))
        }
        return errors
    }

    /// `NameIsDNSSubdomain(name, prefix)`: a `generateName` prefix may end in a dash.
    static func nameIsDNSSubdomain(_ name: String, prefix: Bool) -> [String] {
        dns1123Subdomain(prefix ? maskTrailingDash(name) : name)
    }

    /// `maskTrailingDash`: Go replaces the last *two* bytes with `a`, so "ab-" is checked as "aa".
    static func maskTrailingDash(_ name: String) -> String {
        let bytes = Array(name.utf8)
        guard bytes.count > 1, bytes.last == UInt8(ascii: "-") else { return name }
        return String(decoding: bytes.dropLast(2) + [UInt8(ascii: "a")], as: UTF8.self)
    }

    // MARK: - Labels

    /// `IsQualifiedName`: an optional DNS-subdomain prefix and `/`, then a name part of at most 63 bytes.
    static func qualifiedName(_ value: String) -> [String] {
        let nameError = regexError(qualifiedNameMessage, format: qualifiedNameFormat,
                                   examples: ["MyName", "my.name", "123-abc"])
        let parts = value.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        var errors: [String] = []
        let name: String
        switch parts.count {
        case 1:
            name = parts[0]
        case 2:
            name = parts[1]
            if parts[0].isEmpty {
                errors.append("prefix part " + emptyError)
            } else {
                errors += dns1123Subdomain(parts[0]).map { "prefix part " + $0 }
            }
        default:
            return ["a qualified name " + nameError
                + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')"]
        }
        if name.isEmpty {
            errors.append("name part " + emptyError)
        } else if name.utf8.count > 63 {
            errors.append("name part " + maxLengthError(63))
        }
        if !isQualifiedNamePart(name) { errors.append("name part " + nameError) }
        return errors
    }

    /// `IsValidLabelValue`: empty, or at most 63 bytes shaped like a qualified name part.
    static func labelValue(_ value: String) -> [String] {
        var errors: [String] = []
        if value.utf8.count > 63 { errors.append(maxLengthError(63)) }
        if !value.isEmpty && !isQualifiedNamePart(value) {
            errors.append(regexError(labelValueMessage, format: labelValueFormat,
                                     examples: ["MyValue", "my_value", "12345"]))
        }
        return errors
    }

    // MARK: - Ports, percentages, environment

    /// `IsValidPortNum`.
    static func portNumber(_ port: Int) -> [String] {
        (1...65535).contains(port) ? [] : [inclusiveRangeError(1, 65535)]
    }

    /// `IsValidPortName`: an IANA service name, at most 15 bytes of `[-a-z0-9]` with a letter.
    static func portName(_ port: String) -> [String] {
        let bytes = Array(port.utf8)
        var errors: [String] = []
        if bytes.count > 15 { errors.append(maxLengthError(15)) }
        if bytes.isEmpty || !bytes.allSatisfy({ isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") }) {
            errors.append("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)")
        }
        if !bytes.contains(where: { (UInt8(ascii: "a")...UInt8(ascii: "z")).contains($0) }) {
            errors.append("must contain at least one letter (a-z)")
        }
        if port.contains("--") { errors.append("must not contain consecutive hyphens") }
        if bytes.first == UInt8(ascii: "-") || bytes.last == UInt8(ascii: "-") {
            errors.append("must not begin or end with a hyphen")
        }
        return errors
    }

    /// `IsValidPercent`.
    static func percent(_ value: String) -> [String] {
        isPercent(value) ? [] : [regexError(percentMessage, format: percentFormat, examples: ["1%", "93%"])]
    }

    /// `IsRelaxedEnvVarName` (the RelaxedEnvironmentVariableValidation gate is beta and on in v1.32).
    static func relaxedEnvVarName(_ value: String) -> [String] {
        var errors: [String] = []
        if value.isEmpty { errors.append("environment variable name " + emptyError) }
        if value.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value > 0x7E || $0 == "=" }) {
            errors.append(relaxedEnvVarNameMessage)
        }
        return errors
    }

    // MARK: - Character classes

    static func isPercent(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard bytes.count >= 2, bytes.last == UInt8(ascii: "%") else { return false }
        return bytes.dropLast().allSatisfy(isDigit)
    }

    static func isDNS1123Label(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard let first = bytes.first, let last = bytes.last else { return false }
        return isLowerAlphanumeric(first) && isLowerAlphanumeric(last)
            && bytes.allSatisfy { isLowerAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }

    static func isDNS1123Subdomain(_ value: String) -> Bool {
        value.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { isDNS1123Label(String($0)) }
    }

    static func isQualifiedNamePart(_ value: String) -> Bool {
        let bytes = Array(value.utf8)
        guard let first = bytes.first, let last = bytes.last else { return false }
        let inner: Set<UInt8> = [UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: ".")]
        return isAlphanumeric(first) && isAlphanumeric(last)
            && bytes.allSatisfy { isAlphanumeric($0) || inner.contains($0) }
    }

    static func isDigit(_ byte: UInt8) -> Bool { (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) }

    static func isLowerAlphanumeric(_ byte: UInt8) -> Bool {
        isDigit(byte) || (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte)
    }

    static func isAlphanumeric(_ byte: UInt8) -> Bool {
        isLowerAlphanumeric(byte) || (UInt8(ascii: "A")...UInt8(ascii: "Z")).contains(byte)
    }
}

/// `validation.IsValidLabelValue` for clients (`kubectl label` checks values before sending anything).
public enum LabelValueRule {
    public static func errors(_ value: String) -> [String] { NameRules.labelValue(value) }
}

extension ObjectMeta {
    /// The warning the Deployment and ReplicaSet strategies' `WarningsOnCreate` give a name that is a DNS subdomain
    /// but not a DNS label (dots, or more than 63 bytes): their Pods' names and hostnames derive from it. Nil for a
    /// DNS label.
    public var nameWarningOnCreate: String? {
        let problems = NameRules.dns1123Label(name)
        guard !problems.isEmpty, !name.isEmpty else { return nil }
        return "metadata.name: this is used in Pod names and hostnames, which can result in surprising behavior; "
            + "a DNS label is recommended: [" + problems.joined(separator: " ") + "]"
    }
}
