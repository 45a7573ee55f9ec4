extension KubeEvent {
    /// The Event as ``JSONCodec/encode(_:)`` writes it (sorted keys, the same escaping), written field by
    /// field: through `Encodable` one Event cost as much as folding a hundred events, and a store holds
    /// tens of thousands of them.
    public var canonicalJSON: String {
        var out: [UInt8] = []
        out.reserveCapacity(256 + message.utf8.count)
        JSONBytes.append(#"{"count":"#, into: &out)
        JSONBytes.append(count, into: &out)
        JSONBytes.append(#","firstTimestamp":"#, into: &out)
        JSONBytes.quote(firstTimestamp.description, into: &out)
        JSONBytes.append(#","involvedObject":{"apiVersion":"#, into: &out)
        JSONBytes.quote(involvedObject.apiVersion, into: &out)
        if let fieldPath = involvedObject.fieldPath {
            JSONBytes.append(#","fieldPath":"#, into: &out)
            JSONBytes.quote(fieldPath, into: &out)
        }
        JSONBytes.append(#","kind":"#, into: &out)
        JSONBytes.quote(involvedObject.kind, into: &out)
        JSONBytes.append(#","name":"#, into: &out)
        JSONBytes.quote(involvedObject.name, into: &out)
        JSONBytes.append(#","namespace":"#, into: &out)
        JSONBytes.quote(involvedObject.namespace, into: &out)
        JSONBytes.append(#","uid":"#, into: &out)
        JSONBytes.quote(involvedObject.uid, into: &out)
        JSONBytes.append(#"},"lastTimestamp":"#, into: &out)
        JSONBytes.quote(lastTimestamp.description, into: &out)
        JSONBytes.append(#","message":"#, into: &out)
        JSONBytes.quote(message, into: &out)
        JSONBytes.append(#","name":"#, into: &out)
        JSONBytes.quote(name, into: &out)
        JSONBytes.append(#","namespace":"#, into: &out)
        JSONBytes.quote(namespace, into: &out)
        JSONBytes.append(#","reason":"#, into: &out)
        JSONBytes.quote(reason, into: &out)
        JSONBytes.append(#","source":"#, into: &out)
        JSONBytes.quote(source, into: &out)
        JSONBytes.append(#","type":"#, into: &out)
        JSONBytes.quote(type, into: &out)
        out.append(UInt8(ascii: "}"))
        return String(decoding: out, as: UTF8.self)
    }
}
