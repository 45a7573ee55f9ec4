// Fields in ascending key order, as the encoder sorts them (see `CanonicalJSONWritable`).

extension Pod: CanonicalJSONWritable {
    public func write(to json: inout CanonicalJSON) {
        json.resource(apiVersion: apiVersion, kind: kind, metadata: metadata, spec: spec, status: status)
    }
}

extension PodStatus: CanonicalJSONWritable {
    public func write(to json: inout CanonicalJSON) {
        json.object { json in
            json.field("conditions", conditions)
            json.field("containerStatuses", containerStatuses)
            json.field("hostIP", hostIP)
            json.field("hostIPs", hostIPs)
            json.field("initContainerStatuses", initContainerStatuses)
            json.field("message", message)
            json.field("phase", phase)
            json.field("podIP", podIP)
            json.field("podIPs", podIPs)
            json.field("qosClass", qosClass)
            json.field("reason", reason)
            json.field("startTime", startTime)
        }
    }
}

extension PodIP: CanonicalJSONWritable {
    public func write(to json: inout CanonicalJSON) {
        json.object { json in json.field("ip", ip) }
    }
}

extension PodCondition: CanonicalJSONWritable {
    public func write(to json: inout CanonicalJSON) {
        json.object { json in
            json.null("lastProbeTime")
            json.field("lastTransitionTime", lastTransitionTime)
            json.field("message", message)
            json.field("reason", reason)
            json.field("status", status)
            json.field("type", type)
        }
    }
}

extension ContainerStatus: CanonicalJSONWritable {
    public func write(to json: inout CanonicalJSON) {
        json.object { json in
            json.field("containerID", containerID)
            json.field("image", image)
            json.field("imageID", imageID)
            json.field("lastState", lastState)
            json.field("name", name)
            json.field("ready", ready)
            json.field("restartCount", restartCount)
            json.field("started", started)
            json.field("state", state)
        }
    }
}

extension ContainerState: CanonicalJSONWritable {
    public func write(to json: inout CanonicalJSON) {
        json.object { json in
            json.field("running", running)
            json.field("terminated", terminated)
            json.field("waiting", waiting)
        }
    }
}

extension ContainerState.Waiting: CanonicalJSONWritable {
    public func write(to json: inout CanonicalJSON) {
        json.object { json in
            json.field("message", message)
            json.field("reason", reason)
        }
    }
}

extension ContainerState.Running: CanonicalJSONWritable {
    public func write(to json: inout CanonicalJSON) {
        json.object { json in json.field("startedAt", startedAt) }
    }
}

extension ContainerState.Terminated: CanonicalJSONWritable {
    public func write(to json: inout CanonicalJSON) {
        json.object { json in
            json.field("containerID", containerID)
            json.field("exitCode", exitCode)
            json.field("finishedAt", finishedAt)
            json.field("message", message)
            json.field("reason", reason)
            json.field("startedAt", startedAt)
        }
    }
}
