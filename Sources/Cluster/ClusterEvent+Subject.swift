import KubeModel

extension ClusterEvent {
    /// The Pod a `PodCreated` or `PodStatusUpdated` payload (current schema version) is about, read without
    /// decoding the payload: `pod.metadata.name` or `name`, as decoding would read it (the last of repeated
    /// keys). Nil for other types, or when the payload is not plain enough to be sure.
    ///
    /// A full replay uses it to put off decoding these events until it knows whether a later event of the same
    /// Pod overwrites them; they carry a whole Pod or Pod status each, most of the log's bytes.
    public static func podName(type: String, currentPayload bytes: UnsafeBufferPointer<UInt8>) -> String? {
        var scanner = JSONScanner(bytes)
        switch type {
        case "PodCreated":
            guard let pod = scanner.lastMember("pod", atEnd: true) else { return nil }
            var inPod = JSONScanner(UnsafeBufferPointer(rebasing: bytes[pod...]))
            guard let metadata = inPod.lastMember("metadata", atEnd: false) else { return nil }
            var inMetadata = JSONScanner(UnsafeBufferPointer(rebasing: bytes[(pod + metadata)...]))
            guard let name = inMetadata.lastMember("name", atEnd: false) else { return nil }
            var value = JSONScanner(UnsafeBufferPointer(rebasing: bytes[(pod + metadata + name)...]))
            return value.string()
        case "PodStatusUpdated":
            guard let name = scanner.lastMember("name", atEnd: true) else { return nil }
            var value = JSONScanner(UnsafeBufferPointer(rebasing: bytes[name...]))
            return value.string()
        default:
            return nil
        }
    }
}

extension JSONScanner {
    /// Reads the object here and returns the offset (from this scanner's start) of the value of the last
    /// member named `key`; with `atEnd`, the object must be the whole document.
    fileprivate mutating func lastMember(_ key: StaticString, atEnd: Bool) -> Int? {
        var found: Int?
        let read: Void? = members { name, scanner in
            if name.equals(key) { found = scanner.index }
            return scanner.skipValue()
        }
        guard read != nil, !atEnd || self.atEnd() else { return nil }
        return found
    }
}
