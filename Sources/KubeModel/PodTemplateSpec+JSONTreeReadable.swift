// Readers with each type's `Decodable` rules (see `JSONTreeReadable`).

extension PodTemplateSpec: JSONTreeReadable {
    public init(reading json: JSONValue) throws {
        let fields = try JSONFields(json)
        metadata = try fields.optional("metadata") ?? TemplateMetadata()
        spec = try fields.optional("spec") ?? PodSpec()
    }
}

extension TemplateMetadata: JSONTreeReadable {
    public init(reading json: JSONValue) throws {
        let fields = try JSONFields(json)
        labels = try fields.optional("labels")
        annotations = try fields.optional("annotations")
    }
}

extension PodSpec: JSONTreeReadable {
    public init(reading json: JSONValue) throws {
        guard case .object(let object) = json else { throw JSONTreeMismatch() }
        raw = object
    }
}
