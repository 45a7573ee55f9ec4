public import Foundation

/// Reads manifest files the way `kubectl apply -f` v1.32 does, and checks each object the way the API server's
/// strict decoding would.
///
/// ```swift
/// let documents = try ManifestDecoder.decode(data, source: "deploy.yaml")
/// for document in documents { print(document.object.deployment.name) }
/// ```
///
/// Input is YAML (documents separated by `---`) or JSON (objects back to back, or a `v1` `List`). Only `apps/v1`
/// `Deployment` objects are served; anything else fails with kubectl's error text (see ``ManifestError``).
public enum ManifestDecoder {
    /// The deepest nesting accepted, in YAML or JSON; a Deployment needs about a dozen levels.
    public static let maxDepth = 100
    /// The largest input accepted.
    public static let maxInputBytes = 64 << 20
    /// The API server's limit on a request body; kubectl apply sends the object twice (once in the annotation).
    public static let maxRequestBytes = 3 * 1024 * 1024

    /// Decodes every object of a source, throwing the first problem kubectl or the API server would report.
    ///
    /// - Parameters:
    ///   - data: The file content.
    ///   - source: The file name as given on the command line, or `STDIN` for `-`.
    /// - Returns: The objects in file order, the items of a `List` one by one. Empty documents are skipped.
    /// - Throws: ``ManifestError``, whose ``ManifestError/kubectlMessage`` is what kubectl prints.
    public static func decode(
        _ data: Data, source: String, validation: FieldValidation = .strict, fromFile: Bool = true
    ) throws(ManifestError) -> [ManifestDocument] {
        var documents: [ManifestDocument] = []
        for event in ManifestPipeline.events(data, source: source, validation: validation, fromFile: fromFile) {
            switch event {
            case .document(.success(let document)): documents.append(document)
            case .document(.failure(let error)), .error(let error): throw error
            }
        }
        return documents
    }

    /// Decodes a source the way kubectl carries on: objects before a fatal error are kept, documents of unknown kinds
    /// are skipped, and objects the server would refuse are reported one by one.
    public static func decodeAll(_ data: Data, source: String, validation: FieldValidation = .strict)
        -> ManifestDecodeResult
    {
        var result = ManifestDecodeResult()
        for event in ManifestPipeline.events(data, source: source, validation: validation) {
            switch event {
            case .document(let outcome): result.documents.append(outcome)
            case .error(let error): result.errors.append(error)
            }
        }
        return result
    }
}
