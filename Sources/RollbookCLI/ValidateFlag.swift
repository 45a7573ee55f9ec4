import ControlPlane
import Manifests

/// `--validate`: kubectl's `GetValidationDirective`, for the verbs that send objects (create, apply, replace).
enum ValidateFlag {
    static let help = "strict (or true), warn or ignore (or false): how unknown fields are treated."

    static func directive(_ value: String) throws -> FieldValidation {
        do {
            return try FieldValidation(flag: value)
        } catch {
            throw CommandError.client(error.message)
        }
    }

    /// The server's warnings for one object, as kubectl prints them on stderr.
    static func printWarnings(of document: ManifestDocument) {
        for warning in document.warnings { Output.err("Warning: \(warning)\n") }
    }
}
