import KubeModel

/// How unknown fields are treated (`kubectl --validate`, the API server's `fieldValidation` parameter): refused,
/// reported as warnings, or dropped. Anything but `ignore` also has kubectl check `apiVersion` and `kind` first.
public enum FieldValidation: String, Sendable {
    case strict = "Strict"
    case warn = "Warn"
    case ignore = "Ignore"

    /// `GetValidationDirective`: a Go boolean, or strict, warn or ignore.
    public init(flag: String) throws(ValidationFlagError) {
        switch flag {
        case "1", "t", "T", "TRUE", "true", "True": self = .strict
        case "0", "f", "F", "FALSE", "false", "False": self = .ignore
        case "strict": self = .strict
        case "warn": self = .warn
        case "ignore": self = .ignore
        default: throw ValidationFlagError(value: flag)
        }
    }

    /// The query parameter's value, as the API server takes it (empty is Strict for kubectl's requests).
    public init?(parameter: String) {
        self.init(rawValue: parameter)
    }

    /// The API server's warning for an unknown field under `Warn`.
    public static func unknownFieldWarning(_ path: String) -> String { "unknown field \(goQuoted(path))" }
}

/// `--validate` given something else.
public struct ValidationFlagError: Error, Sendable {
    public var value: String

    public var message: String {
        "invalid - validate option \(goQuoted(value)); must be one of: strict (or true), warn, ignore (or false)"
    }
}
