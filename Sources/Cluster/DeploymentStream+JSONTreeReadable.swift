import KubeModel

// Readers with the types' synthesized `Decodable` rules (see `JSONTreeReadable`): every point-in-time read and
// every command loads a stream's snapshot, and `Decodable` around its dictionaries was ~12% of such a read.

extension DeploymentStream: JSONTreeReadable {
    public init(reading json: JSONValue) throws {
        let fields = try JSONFields(json)
        namespace = try fields.required("namespace")
        name = try fields.required("name")
        version = try fields.required("version")
        deployment = try fields.optional("deployment")
        replicaSets = try fields.required("replicaSets")
        pods = try fields.required("pods")
        events = try fields.decoded("events")
        podSequence = try fields.required("podSequence")
        eventSequence = try fields.required("eventSequence")
        aggregates = try fields.required("aggregates")
        revisions = try fields.required("revisions")
        containerTimers = try fields.required("containerTimers")
        lastEventTime = try fields.optional("lastEventTime")
    }
}

extension RevisionRecord: JSONTreeReadable {
    public init(reading json: JSONValue) throws {
        let fields = try JSONFields(json)
        revision = try fields.required("revision")
        replicaSet = try fields.required("replicaSet")
        template = try fields.required("template")
        changeCause = try fields.optional("changeCause")
        sequence = try fields.required("sequence")
        time = try fields.required("time")
    }
}

extension AggregateRecord: JSONTreeReadable {
    public init(reading json: JSONValue) throws {
        let fields = try JSONFields(json)
        messages = try fields.required("messages")
        lastTimestamp = try fields.required("lastTimestamp")
    }
}

extension ContainerTimer: JSONTreeReadable {
    public init(reading json: JSONValue) throws {
        let fields = try JSONFields(json)
        due = try fields.required("due")
        attempt = try fields.required("attempt")
    }
}
