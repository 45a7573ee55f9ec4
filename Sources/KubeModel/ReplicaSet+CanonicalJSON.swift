// Fields in ascending key order, as the encoder sorts them (see `CanonicalJSONWritable`).

extension ReplicaSet: CanonicalJSONWritable {
    public func write(to json: inout CanonicalJSON) {
        json.resource(apiVersion: apiVersion, kind: kind, metadata: metadata, spec: spec, status: status)
    }
}

extension ReplicaSetSpec: CanonicalJSONWritable {
    public func write(to json: inout CanonicalJSON) {
        json.object { json in
            json.field("minReadySeconds", minReadySeconds)
            json.field("replicas", replicas)
            json.field("selector", selector)
            json.field("template", template)
        }
    }
}

extension ReplicaSetStatus: CanonicalJSONWritable {
    public func write(to json: inout CanonicalJSON) {
        json.object { json in
            json.field("availableReplicas", availableReplicas)
            json.field("conditions", conditions)
            json.field("fullyLabeledReplicas", fullyLabeledReplicas)
            json.field("observedGeneration", observedGeneration)
            json.field("readyReplicas", readyReplicas)
            json.field("replicas", replicas)
        }
    }
}

extension ReplicaSetCondition: CanonicalJSONWritable {
    public func write(to json: inout CanonicalJSON) {
        json.object { json in
            json.field("lastTransitionTime", lastTransitionTime)
            json.field("message", message)
            json.field("reason", reason)
            json.field("status", status)
            json.field("type", type)
        }
    }
}
