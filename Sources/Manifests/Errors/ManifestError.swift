/// A manifest that kubectl would refuse, kept as data so the CLI and the API server can render it their own way.
///
/// ``message`` is the innermost text (what kubectl's error chain wraps); ``kubectlMessage`` adds kubectl's framing.
///
/// ```swift
/// do { _ = try ManifestDecoder.decode(data, source: "f.yaml") }
/// catch ManifestError.Kind.unknownField { … }
/// ```
public struct ManifestError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What went wrong, in terms of which kubectl (or API server) stage would notice.
    public struct Kind: Hashable, Sendable, CustomStringConvertible {
        private enum Wrapped: String, Hashable, Sendable {
            case syntax, duplicateKey, notUTF8, tooLarge, tooDeep, missingKind, unknownKind, unknownField
            case wrongType, empty
        }

        private let wrapped: Wrapped

        /// YAML or JSON that does not parse, or a bad `---` separator.
        public static let syntax = Kind(wrapped: .syntax)
        /// A mapping key given twice in one mapping.
        public static let duplicateKey = Kind(wrapped: .duplicateKey)
        /// Input that is not UTF-8 (or UTF-16 with a byte order mark).
        public static let notUTF8 = Kind(wrapped: .notUTF8)
        /// Input or a single object larger than we accept.
        public static let tooLarge = Kind(wrapped: .tooLarge)
        /// Nesting deeper than ``ManifestDecoder/maxDepth``.
        public static let tooDeep = Kind(wrapped: .tooDeep)
        /// A document that is not an object, or lacks `apiVersion` / `kind`.
        public static let missingKind = Kind(wrapped: .missingKind)
        /// A kind or version other than `apps/v1` `Deployment`.
        public static let unknownKind = Kind(wrapped: .unknownKind)
        /// A field the API server's strict decoding does not know.
        public static let unknownField = Kind(wrapped: .unknownField)
        /// A field whose JSON type does not match the Go type.
        public static let wrongType = Kind(wrapped: .wrongType)
        /// No objects at all.
        public static let empty = Kind(wrapped: .empty)

        public var description: String { wrapped.rawValue }

        /// Lets callers write `catch ManifestError.Kind.unknownField`.
        public static func ~= (kind: Kind, error: any Error) -> Bool {
            (error as? ManifestError)?.kind == kind
        }
    }

    /// Which kubectl stage reports the error; decides the framing of ``kubectlMessage``.
    enum Stage: Hashable, Sendable {
        /// `error: error parsing f.yaml: …` (the stream decoder).
        case parsing
        /// `error: error validating "f.yaml": error validating data: …; if you choose …` (schema validation).
        case validating
        /// `error: unable to decode "f.yaml": …` (the unstructured decoder).
        case decoding
        /// `error: resource mapping not found for name: … ensure CRDs are installed first` (the REST mapper).
        case mapping
        /// `error: unable to recognize …` (the REST mapper, for an item of a `List`).
        case listItemMapping
        /// `Error from server (<reason>): error when creating "f.yaml": …`.
        case server(reason: String)
        /// `error: …`.
        case plain
    }

    /// The server verb in `error when creating "f.yaml"`: kubectl apply creates absent objects and patches others.
    public enum Verb: String, Sendable, Hashable {
        case creating, patching, replacing
    }

    public var kind: Kind
    /// The file name as given on the command line, or `STDIN`.
    public var source: String
    /// The 1-based line in the whole input, when known (``message`` keeps kubectl's per-document line number).
    public var line: Int?
    /// The innermost message, e.g. `strict decoding error: unknown field "spec.replicaz"` wrapped in its prefix.
    public var message: String
    /// The object's `metadata.name`, for errors about one object (empty when the manifest has none).
    public var name: String?
    /// The object's `metadata.namespace` as written in the manifest (empty when absent).
    public var namespace: String?
    var stage: Stage

    init(
        _ kind: Kind, _ stage: Stage, source: String, message: String, line: Int? = nil, name: String? = nil,
        namespace: String? = nil
    ) {
        self.kind = kind
        self.stage = stage
        self.source = source
        self.message = message
        self.line = line
        self.name = name
        self.namespace = namespace
    }

    /// `error: no objects passed to apply` (or `create`): kubectl's complaint when no file held an object.
    public static func noObjects(command: String = "apply") -> ManifestError {
        ManifestError(.empty, .plain, source: "", message: "no objects passed to \(command)")
    }

    public var description: String { kubectlMessage }
}
