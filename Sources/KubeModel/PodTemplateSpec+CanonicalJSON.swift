// Fields in ascending key order, as the encoder sorts them (see `CanonicalJSONWritable`).

extension PodTemplateSpec: CanonicalJSONWritable {
    public func write(to json: inout CanonicalJSON) {
        json.object { json in
            json.field("metadata", metadata)
            json.field("spec", spec)
        }
    }
}

extension TemplateMetadata: CanonicalJSONWritable {
    public func write(to json: inout CanonicalJSON) {
        json.object { json in
            json.field("annotations", annotations)
            json.field("labels", labels)
        }
    }
}

extension PodSpec: CanonicalJSONWritable {
    public func write(to json: inout CanonicalJSON) { JSONBytes.write(object: raw, into: &json.bytes) }
}
