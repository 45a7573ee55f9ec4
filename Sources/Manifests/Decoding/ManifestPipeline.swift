import Foundation
import KubeModel

/// The stages kubectl and the API server take a source through, as a flat list of what happened, in order.
///
/// 1. Stream decoding (``RawDocumentStream``): a syntax error ends the source.
/// 2. Schema validation (`apiVersion` and `kind` present): an error ends the source too.
/// 3. Decoding and REST mapping: an unknown kind skips the document, kubectl carries on.
/// 4. The server's strict decoding (``StrictDecoding``): rejects one object at a time.
enum ManifestPipeline {
    enum Event {
        case document(Result<ManifestDocument, ManifestError>)
        case error(ManifestError)
    }

    /// - Parameter fromFile: Whether kubectl decodes the document before sending it (a file), or it is a body as the
    ///   server received it (which kubectl's checks of metadata already passed).
    static func events(_ data: Data, source: String, validation: FieldValidation = .strict, fromFile: Bool = true)
        -> [Event]
    {
        var run = Run(source: source, validation: validation, fromFile: fromFile)
        do throws(ManifestError) {
            var stream = RawDocumentStream(input: try ManifestInput(data, source: source), source: source)
            while let raw = try stream.next() {
                try run.visit(raw)
            }
        } catch {
            run.events.append(.error(error))
        }
        return run.events
    }

    private struct Run {
        let source: String
        let validation: FieldValidation
        let fromFile: Bool
        var events: [Event] = []
        var index = 0

        mutating func visit(_ raw: RawDocument) throws(ManifestError) {
            // `--validate=false`: kubectl's schema checks are off, so a missing kind is the decoder's to report.
            if validation == .ignore, GroupVersionKind.of(raw.value).isFailure {
                return visitObject(raw.value, json: raw.json, line: raw.line, inList: false)
            }
            switch GroupVersionKind.of(raw.value) {
            case .failure(let errors):
                throw validationError(errors, line: raw.line)
            case .success(let kind) where kind.isList(raw.value):
                var errors: KubectlErrorList = []
                let items = flatten(raw.value, errors: &errors)
                guard errors.isEmpty else { throw validationError(errors, line: raw.line) }
                for item in items { visitObject(item, json: GoJSONWriter.compact(item), line: raw.line, inList: true) }
            case .success:
                visitObject(raw.value, json: raw.json, line: raw.line, inList: false)
            }
        }

        /// The items of a `v1` `List` or a typed list (`DeploymentList`), nested lists included, checked for
        /// `apiVersion` and `kind` like kubectl's schema validation does. A typed list's items may leave out their
        /// kind and version, which the list's name gives (as an API server's list answer does).
        private func flatten(_ list: JSONValue, errors: inout KubectlErrorList) -> [JSONValue] {
            guard case .array(var items)? = list["items"] else {
                errors.append("invalid object to validate")
                return []
            }
            if case .success(let kind) = GroupVersionKind.of(list), kind != .list {
                let itemKind = String(kind.kind.dropLast("List".count))
                items = items.map { item in
                    guard case .object(var fields) = item else { return item }
                    if fields["kind"] == nil { fields["kind"] = .string(itemKind) }
                    if fields["apiVersion"] == nil { fields["apiVersion"] = .string(kind.groupVersion) }
                    return .object(fields)
                }
            }
            var objects: [JSONValue] = []
            for item in items {
                switch GroupVersionKind.of(item) {
                case .failure(let itemErrors): errors.append(contentsOf: itemErrors)
                case .success(let kind) where kind.isList(item): objects += flatten(item, errors: &errors)
                case .success: objects.append(item)
                }
            }
            return objects
        }

        private func validationError(_ errors: KubectlErrorList, line: Int) -> ManifestError {
            ManifestError(.missingKind, .validating, source: source, message: errors.rendered, line: line)
        }

        private mutating func visitObject(_ value: JSONValue, json: String, line: Int, inList: Bool) {
            let name = value["metadata"]?["name"]?.stringValue ?? ""
            let namespace = value["metadata"]?["namespace"]?.stringValue ?? ""
            guard case .success(let kind) = GroupVersionKind.of(value), !kind.kind.isEmpty else {
                let message = "Object 'Kind' is missing in '\(json)'"
                let stage: ManifestError.Stage = inList ? .plain : .decoding
                events.append(.error(ManifestError(.missingKind, stage, source: source, message: message, line: line)))
                return
            }
            // cli-runtime's metadataValidatingDecoder: the metadata must decode into ObjectMeta before kubectl sends
            // anything (plain JSON decoding: wrong types only), whatever the kind.
            if fromFile, case .wrongType(let message)? = StrictDecoding.check(
                .object(["metadata": value["metadata"] ?? .null]), as: KubeSchema.metadataOnlyObject)
            {
                let stage: ManifestError.Stage = inList ? .plain : .decoding
                events.append(.error(ManifestError(.wrongType, stage, source: source, message: message, line: line)))
                return
            }
            guard [.deployment, .replicaSet, .pod, .resourceQuota].contains(kind) else {
                events.append(
                    .error(
                        ManifestError(
                            .unknownKind, inList ? .listItemMapping : .mapping, source: source,
                            message: kind.noMatchMessage, line: line, name: name, namespace: namespace)))
                return
            }
            defer { index += 1 }
            func rejection(_ kind: ManifestError.Kind, _ reason: String, _ message: String) -> Event {
                .document(
                    .failure(
                        ManifestError(
                            kind, .server(reason: reason), source: source, message: message, line: line, name: name,
                            namespace: namespace)))
            }
            let schema = switch kind {
            case .deployment: KubeSchema.deployment
            case .replicaSet: KubeSchema.replicaSet
            case .resourceQuota: KubeSchema.resourceQuota
            default: KubeSchema.pod
            }
            var dropped: [String] = []
            if case .unknownFields(let paths)? = StrictDecoding.check(value, as: schema), validation != .strict {
                // The server drops unknown fields unless told to refuse them; under Warn it says which.
                dropped = paths
            } else if let problem = StrictDecoding.check(value, as: schema) {
                let reason: ManifestError.Kind
                if case .unknownFields = problem { reason = .unknownField } else { reason = .wrongType }
                let message = "\(kind.kind) in version \"v1\" cannot be handled as a \(kind.kind): \(problem.message)"
                events.append(rejection(reason, "BadRequest", message))
                return
            }
            let target = namespace.isEmpty ? "default" : namespace
            if requestSize(of: value, namespace: target) > ManifestDecoder.maxRequestBytes {
                let message = "Request entity too large: limit is \(ManifestDecoder.maxRequestBytes)"
                events.append(rejection(.tooLarge, "RequestEntityTooLarge", message))
                return
            }
            let object: ManifestObject = switch kind {
            case .deployment: .deployment(DeploymentReader.read(value))
            case .replicaSet: .replicaSet(DeploymentReader.readReplicaSet(value))
            case .resourceQuota: .resourceQuota(DeploymentReader.readQuota(value))
            default: .pod(DeploymentReader.readPod(value))
            }
            var document = ManifestDocument(source: source, index: index, raw: value, object: object)
            document.droppedFields = dropped
            if validation == .warn { document.warnings = dropped.map(FieldValidation.unknownFieldWarning) }
            events.append(.document(.success(document)))
        }

        /// The size of the body `kubectl apply` sends: the object with its last-applied annotation.
        private func requestSize(of value: JSONValue, namespace: String) -> Int {
            var body = LastApplied.annotated(value, namespace: namespace)
            var metadata = body["metadata"]?.objectValue ?? [:]
            var annotations = metadata["annotations"]?.objectValue ?? [:]
            let lastApplied = LastApplied.configuration(for: value, namespace: namespace)
            annotations[AnnotationKey.lastApplied] = .string(lastApplied)
            metadata["annotations"] = .object(annotations)
            body["metadata"] = .object(metadata)
            return GoJSONWriter.compact(body).utf8.count
        }
    }
}

extension Result {
    fileprivate var isFailure: Bool {
        if case .failure = self { return true }
        return false
    }
}
