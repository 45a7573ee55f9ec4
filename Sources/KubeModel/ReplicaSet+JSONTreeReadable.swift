// Readers with each type's `Decodable` rules (see `JSONTreeReadable`).

extension ReplicaSet: JSONTreeReadable {
    public init(reading json: JSONValue) throws {
        (apiVersion, kind, metadata, spec, status) = try JSONFields(json).resource()
    }
}

extension ReplicaSetSpec: JSONTreeReadable {
    public init(reading json: JSONValue) throws {
        let fields = try JSONFields(json)
        replicas = try fields.optional("replicas")
        minReadySeconds = try fields.optional("minReadySeconds")
        selector = try fields.required("selector")
        template = try fields.required("template")
    }
}

extension ReplicaSetStatus: JSONTreeReadable {
    public init(reading json: JSONValue) throws {
        let fields = try JSONFields(json)
        replicas = try fields.optional("replicas")
        fullyLabeledReplicas = try fields.optional("fullyLabeledReplicas")
        readyReplicas = try fields.optional("readyReplicas")
        availableReplicas = try fields.optional("availableReplicas")
        observedGeneration = try fields.optional("observedGeneration")
        conditions = try fields.optional("conditions")
    }
}

extension ReplicaSetCondition: JSONTreeReadable {
    public init(reading json: JSONValue) throws {
        let fields = try JSONFields(json)
        type = try fields.required("type")
        status = try fields.required("status")
        lastTransitionTime = try fields.optional("lastTransitionTime")
        reason = try fields.optional("reason")
        message = try fields.optional("message")
    }
}
