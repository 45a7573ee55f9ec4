import KubeModel

/// The patch `kubectl apply` sends: strategicpatch.CreateThreeWayMergePatch of the last applied configuration
/// (original), the manifest with its new annotation (modified) and the live object (current).
///
/// It is the deletions from original to modified (a map key dropped becomes `null`, a list element dropped
/// becomes `{"$patch": "delete", key: …}`) merged with the changes from current to modified (what the manifest
/// sets that the live object lacks or holds otherwise); fields only the live object has are left alone. Lists
/// with a strategic-merge key (``ThreeWayMerge/mergeKeys``) carry `$setElementOrder/<field>`, the manifest's
/// order; `spec.strategy` (retainKeys) carries `$retainKeys`. Rollbook only shows it in the Conflict error,
/// which quotes it.
enum ThreeWayPatch {
    static func create(original: JSONValue?, modified: JSONValue, current: JSONValue) -> JSONValue {
        let to = modified.objectValue ?? [:]
        let deletions = diff(original?.objectValue ?? [:], to, deletions: true, retainKeys: false)
        let changes = diff(current.objectValue ?? [:], to, deletions: false, retainKeys: false)
        return .object(merge(deletions, changes))
    }

    /// Fields whose map keeps only the keys the patch names (patchStrategy `retainKeys`).
    private static let retainKeysFields: Set<String> = ["strategy"]

    /// One pass of `diffMaps`: the deletions (keys of `from` that `to` dropped) or the changes and additions.
    private static func diff(
        _ from: [String: JSONValue], _ to: [String: JSONValue], deletions: Bool, retainKeys: Bool
    ) -> [String: JSONValue] {
        var patch: [String: JSONValue] = [:]
        if deletions {
            for (key, value) in from where to[key] == nil && value != .null { patch[key] = .null }
        }
        for (key, value) in to {
            guard let old = from[key] else {
                if !deletions { patch[key] = value }
                continue
            }
            switch (old, value) {
            case (.object(let o), .object(let m)):
                let sub = diff(o, m, deletions: deletions, retainKeys: retainKeysFields.contains(key))
                if !sub.isEmpty { patch[key] = .object(sub) }
            case (.array(let o), .array(let m)):
                if let mergeKey = ThreeWayMerge.mergeKeys[key] {
                    let list = diffList(o, m, mergeKey: mergeKey, deletions: deletions)
                    if !list.isEmpty {
                        patch[key] = .array(list)
                        patch["$setElementOrder/\(key)"] = .array(m.map { .object([mergeKey: $0[mergeKey] ?? .null]) })
                    }
                } else if !deletions && old != value {
                    patch[key] = value
                }
            default:
                if !deletions && old != value { patch[key] = value }
            }
        }
        // updatePatchIfMissing's retainKeys: the modified map's keys, when the patch says anything or `from` has
        // a key the manifest dropped.
        if retainKeys, !to.isEmpty, !patch.isEmpty || from.keys.contains(where: { to[$0] == nil }) {
            patch["$retainKeys"] = .array(to.keys.sorted().map { .string($0) })
        }
        return patch
    }

    /// `diffListsOfMaps`: elements of `to` that changed (their merge key and what changed) or were added, or
    /// (deletions) delete directives for the elements `to` dropped.
    private static func diffList(
        _ from: [JSONValue], _ to: [JSONValue], mergeKey: String, deletions: Bool
    ) -> [JSONValue] {
        func key(_ value: JSONValue) -> JSONValue? { value[mergeKey] }
        var list: [JSONValue] = []
        for element in to {
            guard let id = key(element), let fields = element.objectValue else { continue }
            guard let old = from.first(where: { key($0) == id })?.objectValue else {
                if !deletions { list.append(element) }
                continue
            }
            var sub = diff(old, fields, deletions: deletions, retainKeys: false)
            if sub.isEmpty { continue }
            sub[mergeKey] = id
            list.append(.object(sub))
        }
        if deletions {
            for element in from {
                guard let id = key(element), !to.contains(where: { key($0) == id }) else { continue }
                list.append(.object(["$patch": .string("delete"), mergeKey: id]))
            }
        }
        return list
    }

    /// `mergeMap` of the two passes: maps merge key by key; lists of the same field merge element by merge key,
    /// in the manifest's order (`$setElementOrder`), delete directives after.
    private static func merge(_ deletions: [String: JSONValue], _ changes: [String: JSONValue]) -> [String: JSONValue] {
        var result = deletions
        for (key, change) in changes {
            switch (result[key], change) {
            case (.object(let d)?, .object(let c)):
                result[key] = .object(merge(d, c))
            case (.array(let d)?, .array(let c)):
                guard let mergeKey = ThreeWayMerge.mergeKeys[key] else { fallthrough }
                let order = changes["$setElementOrder/\(key)"]?.arrayValue ?? []
                result[key] = .array(mergeList(d, c, mergeKey: mergeKey, order: order))
            default:
                result[key] = change
            }
        }
        return result
    }

    private static func mergeList(
        _ deletions: [JSONValue], _ changes: [JSONValue], mergeKey: String, order: [JSONValue]
    ) -> [JSONValue] {
        func key(_ value: JSONValue) -> JSONValue? { value[mergeKey] }
        let directives = deletions.filter { $0["$patch"] == .string("delete") }
        var elements = deletions.filter { $0["$patch"] != .string("delete") }
        for change in changes {
            if let index = elements.firstIndex(where: { key($0) == key(change) }),
                case .object(let d) = elements[index], case .object(let c) = change
            {
                elements[index] = .object(merge(d, c))
            } else {
                elements.append(change)
            }
        }
        let position = { (element: JSONValue) in order.firstIndex { $0[mergeKey] == key(element) } ?? order.count }
        return elements.enumerated().sorted { (position($0.element), $0.offset) < (position($1.element), $1.offset) }
            .map(\.element) + directives
    }
}
