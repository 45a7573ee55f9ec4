// Readers with each type's `Decodable` rules (see `JSONTreeReadable`).

extension ObjectMeta: JSONTreeReadable {
    public init(reading json: JSONValue) throws {
        let fields = try JSONFields(json)
        name = try fields.required("name")
        generateName = try fields.optional("generateName")
        namespace = try fields.optional("namespace")
        uid = try fields.optional("uid")
        resourceVersion = try fields.optional("resourceVersion")
        generation = try fields.optional("generation")
        creationTimestamp = try fields.optional("creationTimestamp")
        deletionTimestamp = try fields.optional("deletionTimestamp")
        deletionGracePeriodSeconds = try fields.optional("deletionGracePeriodSeconds")
        labels = try fields.optional("labels")
        annotations = try fields.optional("annotations")
        ownerReferences = try fields.optional("ownerReferences")
        finalizers = try fields.optional("finalizers")
    }
}

extension OwnerReference: JSONTreeReadable {
    public init(reading json: JSONValue) throws {
        let fields = try JSONFields(json)
        apiVersion = try fields.required("apiVersion")
        kind = try fields.required("kind")
        name = try fields.required("name")
        uid = try fields.required("uid")
        controller = try fields.optional("controller")
        blockOwnerDeletion = try fields.optional("blockOwnerDeletion")
    }
}

extension LabelSelector: JSONTreeReadable {
    public init(reading json: JSONValue) throws {
        let fields = try JSONFields(json)
        matchLabels = try fields.optional("matchLabels")
        matchExpressions = try fields.optional("matchExpressions")
    }
}

extension LabelSelector.Requirement: JSONTreeReadable {
    public init(reading json: JSONValue) throws {
        let fields = try JSONFields(json)
        key = try fields.required("key")
        `operator` = try fields.required("operator")
        values = try fields.optional("values")
    }
}

extension Timestamp: JSONTreeReadable {
    public init(reading json: JSONValue) throws {
        guard case .string(let text) = json, let time = Timestamp(rfc3339: text) else { throw JSONTreeMismatch() }
        self = time
    }
}

extension IntOrString: JSONTreeReadable {
    /// `Decodable` tries an `Int` first (an integral double too: that one falls back), then a string.
    public init(reading json: JSONValue) throws {
        switch json {
        case .int(let int): self = .int(int)
        case .string(let string): self = .string(string)
        default: throw JSONTreeMismatch()
        }
    }
}
