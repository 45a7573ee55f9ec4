// Readers with each type's `Decodable` rules (see `JSONTreeReadable`).

extension Pod: JSONTreeReadable {
    public init(reading json: JSONValue) throws {
        (apiVersion, kind, metadata, spec, status) = try JSONFields(json).resource()
    }
}

extension PodStatus: JSONTreeReadable {
    public init(reading json: JSONValue) throws {
        let fields = try JSONFields(json)
        phase = try fields.optional("phase")
        conditions = try fields.optional("conditions")
        message = try fields.optional("message")
        reason = try fields.optional("reason")
        hostIP = try fields.optional("hostIP")
        hostIPs = try fields.optional("hostIPs")
        podIP = try fields.optional("podIP")
        podIPs = try fields.optional("podIPs")
        startTime = try fields.optional("startTime")
        containerStatuses = try fields.optional("containerStatuses")
        initContainerStatuses = try fields.optional("initContainerStatuses")
        qosClass = try fields.optional("qosClass")
    }
}

extension PodIP: JSONTreeReadable {
    public init(reading json: JSONValue) throws {
        ip = try JSONFields(json).required("ip")
    }
}

extension PodCondition: JSONTreeReadable {
    public init(reading json: JSONValue) throws {
        let fields = try JSONFields(json)
        type = try fields.required("type")
        status = try fields.required("status")
        lastTransitionTime = try fields.optional("lastTransitionTime")
        reason = try fields.optional("reason")
        message = try fields.optional("message")
    }
}

extension ContainerStatus: JSONTreeReadable {
    public init(reading json: JSONValue) throws {
        let fields = try JSONFields(json)
        name = try fields.required("name")
        image = try fields.required("image")
        imageID = try fields.required("imageID")
        containerID = try fields.optional("containerID")
        ready = try fields.required("ready")
        started = try fields.optional("started")
        restartCount = try fields.required("restartCount")
        state = try fields.required("state")
        lastState = try fields.required("lastState")
    }
}

extension ContainerState: JSONTreeReadable {
    public init(reading json: JSONValue) throws {
        let fields = try JSONFields(json)
        waiting = try fields.optional("waiting")
        running = try fields.optional("running")
        terminated = try fields.optional("terminated")
    }
}

extension ContainerState.Waiting: JSONTreeReadable {
    public init(reading json: JSONValue) throws {
        let fields = try JSONFields(json)
        reason = try fields.optional("reason")
        message = try fields.optional("message")
    }
}

extension ContainerState.Running: JSONTreeReadable {
    public init(reading json: JSONValue) throws {
        startedAt = try JSONFields(json).optional("startedAt")
    }
}

extension ContainerState.Terminated: JSONTreeReadable {
    public init(reading json: JSONValue) throws {
        let fields = try JSONFields(json)
        exitCode = try fields.required("exitCode")
        reason = try fields.optional("reason")
        message = try fields.optional("message")
        startedAt = try fields.optional("startedAt")
        finishedAt = try fields.optional("finishedAt")
        containerID = try fields.optional("containerID")
    }
}
