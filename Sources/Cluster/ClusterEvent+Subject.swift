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
        let name: String??
        switch type {
        case "PodCreated": name = scanner.lastString(at: ["pod", "metadata", "name"])
        case "PodStatusUpdated": name = scanner.lastString(at: ["name"])
        default: return nil
        }
        guard let name, scanner.atEnd() else { return nil }
        return name
    }
}

extension JSONScanner {
    /// Reads the object here, in one pass, and returns the string at `path` (objects' member names) as
    /// decoding would read it: the last of repeated keys at every level. `.some(nil)` when the path is absent
    /// or not a string; nil when the object is malformed.
    fileprivate mutating func lastString(at path: ArraySlice<StaticString>) -> String?? {
        guard let key = path.first else { return .some(string()) }
        var found: String?? = .some(nil)
        let read: Void? = members { name, scanner in
            guard name.equals(key) else { return scanner.skipValue() }
            // A later repeat of the key replaces whatever this value held, as in a decoded dictionary.
            if path.count == 1 {
                found = .some(scanner.string())
                return found! != nil || scanner.skipValue()
            }
            guard let inner = scanner.lastString(at: path.dropFirst()) else { return false }
            found = inner
            return true
        }
        return read == nil ? nil : found
    }
}
