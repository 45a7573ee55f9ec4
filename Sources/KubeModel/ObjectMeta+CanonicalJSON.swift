// Fields in ascending key order, as the encoder sorts them (see `CanonicalJSONWritable`).

extension ObjectMeta: CanonicalJSONWritable {
    public func write(to json: inout CanonicalJSON) {
        json.object { json in
            json.field("annotations", annotations)
            json.field("creationTimestamp", creationTimestamp)
            json.field("deletionGracePeriodSeconds", deletionGracePeriodSeconds)
            json.field("deletionTimestamp", deletionTimestamp)
            json.field("finalizers", finalizers)
            json.field("generateName", generateName)
            json.field("generation", generation)
            json.field("labels", labels)
            json.field("name", name)
            json.field("namespace", namespace)
            json.field("ownerReferences", ownerReferences)
            json.field("resourceVersion", resourceVersion)
            json.field("uid", uid)
        }
    }
}

extension OwnerReference: CanonicalJSONWritable {
    public func write(to json: inout CanonicalJSON) {
        json.object { json in
            json.field("apiVersion", apiVersion)
            json.field("blockOwnerDeletion", blockOwnerDeletion)
            json.field("controller", controller)
            json.field("kind", kind)
            json.field("name", name)
            json.field("uid", uid)
        }
    }
}

extension LabelSelector: CanonicalJSONWritable {
    public func write(to json: inout CanonicalJSON) {
        json.object { json in
            json.field("matchExpressions", matchExpressions)
            json.field("matchLabels", matchLabels)
        }
    }
}

extension LabelSelector.Requirement: CanonicalJSONWritable {
    public func write(to json: inout CanonicalJSON) {
        json.object { json in
            json.field("key", key)
            json.field("operator", `operator`)
            json.field("values", values)
        }
    }
}
