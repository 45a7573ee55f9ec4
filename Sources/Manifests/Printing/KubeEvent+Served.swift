public import KubeModel

extension KubeEvent {
    /// The `core/v1` `Event` the API serves: what `describe` lists under Events, `get events` prints.
    public var servedJSON: JSONValue {
        var involved: [String: JSONValue] = [
            "kind": .string(involvedObject.kind), "namespace": .string(involvedObject.namespace),
            "name": .string(involvedObject.name), "uid": .string(involvedObject.uid),
            "apiVersion": .string(involvedObject.apiVersion),
        ]
        if let fieldPath = involvedObject.fieldPath { involved["fieldPath"] = .string(fieldPath) }
        return .object([
            "apiVersion": .string("v1"), "kind": .string("Event"),
            "metadata": .object([
                "name": .string(name), "namespace": .string(namespace),
                "creationTimestamp": .string(firstTimestamp.description),
            ]),
            "involvedObject": .object(involved), "reason": .string(reason), "message": .string(message),
            "source": .object(["component": .string(source)]), "firstTimestamp": .string(firstTimestamp.description),
            "lastTimestamp": .string(lastTimestamp.description), "count": .int(count), "type": .string(type),
            "eventTime": .null, "reportingComponent": .string(""), "reportingInstance": .string(""),
        ])
    }
}
