// Fields in ascending key order, as the encoder sorts them (see `CanonicalJSONWritable`).

extension Deployment: CanonicalJSONWritable {
    public func write(to json: inout CanonicalJSON) {
        json.resource(apiVersion: apiVersion, kind: kind, metadata: metadata, spec: spec, status: status)
    }
}

extension DeploymentSpec: CanonicalJSONWritable {
    public func write(to json: inout CanonicalJSON) {
        json.object { json in
            json.field("minReadySeconds", minReadySeconds)
            json.field("paused", paused)
            json.field("progressDeadlineSeconds", progressDeadlineSeconds)
            json.field("replicas", replicas)
            json.field("revisionHistoryLimit", revisionHistoryLimit)
            json.field("selector", selector)
            json.field("strategy", strategy)
            json.field("template", template)
        }
    }
}

extension DeploymentStrategy: CanonicalJSONWritable {
    public func write(to json: inout CanonicalJSON) {
        json.object { json in
            json.field("rollingUpdate", rollingUpdate)
            json.field("type", type)
        }
    }
}

extension RollingUpdateDeployment: CanonicalJSONWritable {
    public func write(to json: inout CanonicalJSON) {
        json.object { json in
            json.field("maxSurge", maxSurge)
            json.field("maxUnavailable", maxUnavailable)
        }
    }
}

extension DeploymentStatus: CanonicalJSONWritable {
    public func write(to json: inout CanonicalJSON) {
        json.object { json in
            json.field("availableReplicas", availableReplicas)
            json.field("collisionCount", collisionCount)
            json.field("conditions", conditions)
            json.field("observedGeneration", observedGeneration)
            json.field("readyReplicas", readyReplicas)
            json.field("replicas", replicas)
            json.field("unavailableReplicas", unavailableReplicas)
            json.field("updatedReplicas", updatedReplicas)
        }
    }
}

extension DeploymentCondition: CanonicalJSONWritable {
    public func write(to json: inout CanonicalJSON) {
        json.object { json in
            json.field("lastTransitionTime", lastTransitionTime)
            json.field("lastUpdateTime", lastUpdateTime)
            json.field("message", message)
            json.field("reason", reason)
            json.field("status", status)
            json.field("type", type)
        }
    }
}
