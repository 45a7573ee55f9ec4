import KubeModel
internal import Yams

/// sigs.k8s.io/yaml's `Unmarshal` of one document: go-yaml reads it (only its first document counts), then it
/// becomes JSON. Errors come out as kubectl frames them: `error converting YAML to JSON: yaml: line 3: …`.
enum YAMLDocumentParser {
    static func parse(_ chunk: YAMLChunk, source: String) throws(ManifestError) -> RawDocument? {
        func failure(_ kind: ManifestError.Kind, _ message: String, relativeLine: Int?) -> ManifestError {
            ManifestError(
                kind, .parsing, source: source, message: "error converting YAML to JSON: \(message)",
                line: relativeLine.map { chunk.firstLine + $0 - 1 })
        }
        let depthMessage = "yaml: exceeded max depth of \(ManifestDecoder.maxDepth)"
        if NestingEstimate.exceeds(2 * ManifestDecoder.maxDepth, in: chunk.text) {
            throw failure(.tooDeep, depthMessage, relativeLine: nil)
        }
        let root: Node
        let value: JSONValue
        do {
            let parser = try Parser(yaml: chunk.text)
            guard let node = try parser.nextRoot() else { return nil }
            root = node
            value = try YAMLToJSON.convert(node)
            // The parser owns the anchors that tell an alias from its definition; keep it alive until here.
            withExtendedLifetime(parser) {}
        } catch let error as YamlError {
            let translated = YAMLErrorTranslation.translate(error, in: chunk.text)
            throw failure(
                translated.isDuplicateKey ? .duplicateKey : .syntax, translated.message, relativeLine: translated.line)
        } catch let error as YAMLToJSON.Failure {
            switch error {
            case .conversion(let message, let line): throw failure(.syntax, message, relativeLine: line)
            case .tooDeep(let line): throw failure(.tooDeep, depthMessage, relativeLine: line)
            case .duplicateKey(let message, let line): throw failure(.duplicateKey, message, relativeLine: line)
            }
        } catch {
            throw failure(.syntax, "yaml: \(error)", relativeLine: nil)
        }
        if value == .null { return nil }
        return RawDocument(
            value: value, json: GoJSONWriter.compact(value), line: chunk.firstLine + (root.mark?.line ?? 1) - 1)
    }
}

/// YAML (or JSON, which is YAML) given on the command line, as sigs.k8s.io/yaml's `ToJSON` reads it: kubectl takes a
/// patch this way.
public enum YAMLText {
    /// The first document as JSON (`null` for an empty one).
    ///
    /// - Throws: ``ManifestError``, whose message is `error converting YAML to JSON: yaml: …`.
    public static func json(_ text: String) throws(ManifestError) -> JSONValue {
        let normalized = text.hasSuffix("\n") ? text : text + "\n"
        let chunk = YAMLChunk(bytes: Array(normalized.utf8), firstLine: 1)
        return try YAMLDocumentParser.parse(chunk, source: "patch")?.value ?? .null
    }

    /// Every non-empty document of a stream split as kubectl's `YAMLReader` splits it (`---` lines).
    public static func documents(_ text: String) throws(ManifestError) -> [JSONValue] {
        var reader = YAMLDocumentReader(bytes: Array(text.utf8), source: "edit")
        var documents: [JSONValue] = []
        while let chunk = try reader.next() {
            if let document = try YAMLDocumentParser.parse(chunk, source: "edit") { documents.append(document.value) }
        }
        return documents
    }
}
