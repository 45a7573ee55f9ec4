import KubeModel

/// kubectl apply's three-way merge, on JSON trees: what the manifest sets wins, what the previous
/// manifest set and this one dropped is removed, and everything else the live object has is kept
/// (a replica count set by `scale`, an image set by `set image`, server defaults).
///
/// Lists of named things merge element by element on their strategic-merge key, as the
/// Kubernetes schema declares it; other lists are replaced.
enum ThreeWayMerge {
    /// Strategic-merge keys of the lists a Deployment manifest holds.
    static let mergeKeys: [String: String] = [
        "containers": "name", "initContainers": "name", "ephemeralContainers": "name", "env": "name",
        "volumes": "name", "volumeMounts": "mountPath", "ports": "containerPort", "imagePullSecrets": "name",
        "hostAliases": "ip", "volumeDevices": "devicePath", "ownerReferences": "uid",
    ]

    /// Fields whose patch strategy is `retainKeys` (a Deployment's `strategy`), and lists whose elements' is (`volumes`):
    /// once the manifest changes one, the patch carries `$retainKeys` with the manifest's keys, and the server drops
    /// the rest. So a strategy turned to Recreate loses the defaulted `rollingUpdate`, and a volume given another
    /// source loses the old one.
    static let retainsKeys: Set<String> = ["strategy"]
    static let elementsRetainKeys: Set<String> = ["volumes"]

    static func merge(
        original: JSONValue?, modified: JSONValue, current: JSONValue?, key: String? = nil, retainingKeys: Bool = false
    ) -> JSONValue {
        switch (modified, current) {
        case (.object(let m), .object(let c)):
            let o = original?.objectValue ?? [:]
            var result = c
            for (field, value) in m {
                // A null the manifest sets reaches the server in the patch, where it deletes the field.
                result[field] = value == .null ? nil : merge(original: o[field], modified: value, current: c[field], key: field)
            }
            for field in o.keys where m[field] == nil { result[field] = nil }
            if retainingKeys || key.map(retainsKeys.contains) == true, result != c {
                result = result.filter { m[$0.key] != nil }
            }
            return .object(result)
        case (.array(let m), .array(let c)):
            guard let key, let mergeKey = mergeKeys[key] else { return modified }
            return .array(mergeList(
                original: original?.arrayValue ?? [], modified: m, current: c, mergeKey: mergeKey,
                retainingKeys: elementsRetainKeys.contains(key)))
        default:
            return modified
        }
    }

    /// Elements keyed by `mergeKey`: modified ones merge into their live twin, ones the previous manifest
    /// had and this one dropped are removed, live-only ones stay. Order follows the manifest.
    private static func mergeList(
        original: [JSONValue], modified: [JSONValue], current: [JSONValue], mergeKey: String, retainingKeys: Bool
    ) -> [JSONValue] {
        func id(_ value: JSONValue) -> JSONValue? { value[mergeKey] }
        let droppedKeys = Set(original.compactMap(id)).subtracting(modified.compactMap(id))
        var result: [JSONValue] = []
        for element in modified {
            let live = current.first { id($0) != nil && id($0) == id(element) }
            let previous = original.first { id($0) != nil && id($0) == id(element) }
            result.append(
                live.map { merge(original: previous, modified: element, current: $0, retainingKeys: retainingKeys) } ?? element)
        }
        for element in current {
            guard let key = id(element), !droppedKeys.contains(key) else { continue }
            if !modified.contains(where: { id($0) == key }) { result.append(element) }
        }
        return result
    }
}
