// Readers with each type's `Decodable` rules (see `JSONTreeReadable`): what it decodes with `decode` is
// required, what with `decodeIfPresent` optional, and custom defaults are kept.

extension Deployment: JSONTreeReadable {
    public init(reading json: JSONValue) throws {
        (apiVersion, kind, metadata, spec, status) = try JSONFields(json).resource()
    }
}

extension DeploymentSpec: JSONTreeReadable {
    public init(reading json: JSONValue) throws {
        let fields = try JSONFields(json)
        template = try fields.optional("template") ?? PodTemplateSpec()
        replicas = try fields.optional("replicas")
        selector = try fields.optional("selector")
        strategy = try fields.optional("strategy")
        minReadySeconds = try fields.optional("minReadySeconds")
        revisionHistoryLimit = try fields.optional("revisionHistoryLimit")
        progressDeadlineSeconds = try fields.optional("progressDeadlineSeconds")
        paused = try fields.optional("paused")
    }
}

extension DeploymentStrategy: JSONTreeReadable {
    public init(reading json: JSONValue) throws {
        let fields = try JSONFields(json)
        type = try fields.optional("type")
        rollingUpdate = try fields.optional("rollingUpdate")
    }
}

extension RollingUpdateDeployment: JSONTreeReadable {
    public init(reading json: JSONValue) throws {
        let fields = try JSONFields(json)
        maxUnavailable = try fields.optional("maxUnavailable")
        maxSurge = try fields.optional("maxSurge")
    }
}

extension DeploymentStatus: JSONTreeReadable {
    public init(reading json: JSONValue) throws {
        let fields = try JSONFields(json)
        observedGeneration = try fields.optional("observedGeneration")
        replicas = try fields.optional("replicas")
        updatedReplicas = try fields.optional("updatedReplicas")
        readyReplicas = try fields.optional("readyReplicas")
        availableReplicas = try fields.optional("availableReplicas")
        unavailableReplicas = try fields.optional("unavailableReplicas")
        conditions = try fields.optional("conditions")
        collisionCount = try fields.optional("collisionCount")
    }
}

extension DeploymentCondition: JSONTreeReadable {
    public init(reading json: JSONValue) throws {
        let fields = try JSONFields(json)
        type = try fields.required("type")
        status = try fields.required("status")
        lastUpdateTime = try fields.optional("lastUpdateTime")
        lastTransitionTime = try fields.optional("lastTransitionTime")
        reason = try fields.optional("reason")
        message = try fields.optional("message")
    }
}
