import KubeModel
import Manifests

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
            for key in from.keys where to[key] == nil { patch[key] = .null }
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
                    // diffLists: from an empty list, the whole new one (no order); else the changed elements, and
                    // the manifest's order when anything changed or (changes pass) the order did.
                    if o.isEmpty {
                        if !deletions && !m.isEmpty { patch[key] = value }
                        continue
                    }
                    let list = diffList(o, m, mergeKey: mergeKey, deletions: deletions)
                    if !list.isEmpty { patch[key] = .array(list) }
                    let sameOrder = o.count == m.count && zip(o, m).allSatisfy { $0[mergeKey] == $1[mergeKey] }
                    // An empty list in the manifest orders nothing: kubectl writes no order for it.
                    if !list.isEmpty || (!deletions && !sameOrder && !m.isEmpty) {
                        patch["$setElementOrder/\(key)"] = .array(m.map { .object([mergeKey: $0[mergeKey] ?? .null]) })
                    }
                } else if !deletions && old != value {
                    patch[key] = value
                }
            default:
                if !deletions && old != value { patch[key] = value }
            }
        }
        // diffMaps' retainKeys: the modified map's non-null keys, when the patch says anything or `from` has a
        // non-null key the manifest dropped (hasAdditionalNewField).
        let retained = to.filter { $0.value != .null }.keys.sorted()
        if retainKeys, !retained.isEmpty,
            !patch.isEmpty || from.contains(where: { $0.value != .null && to[$0.key] == nil })
        {
            patch["$retainKeys"] = .array(retained.map { .string($0) })
        }
        return patch
    }

    /// `diffListsOfMaps`: elements of `to` that changed (their merge key and what changed) or were added, or
    /// (deletions) delete directives for the elements `to` dropped. Upstream walks both lists sorted by the merge key,
    /// so elements sharing a key (ports 53/UDP and 53/TCP) pair in their order: the n-th with the n-th.
    private static func diffList(
        _ from: [JSONValue], _ to: [JSONValue], mergeKey: String, deletions: Bool
    ) -> [JSONValue] {
        func key(_ value: JSONValue) -> JSONValue? { value[mergeKey] }
        var list: [JSONValue] = []
        var seen: [String: Int] = [:]
        for element in to {
            guard let id = key(element), let fields = element.objectValue else { continue }
            let occurrence = seen[mergeKeyText(id), default: 0]
            seen[mergeKeyText(id)] = occurrence + 1
            let same = from.filter { key($0) == id }
            guard occurrence < same.count, let old = same[occurrence].objectValue else {
                if !deletions { list.append(element) }
                continue
            }
            var sub = diff(old, fields, deletions: deletions, retainKeys: false)
            if sub.isEmpty { continue }
            sub[mergeKey] = id
            list.append(.object(sub))
        }
        if deletions {
            // diffListsOfMaps walks both lists sorted by the merge key's text, so its directives come in that order.
            let dropped = from.compactMap(key).filter { id in !to.contains { key($0) == id } }
            for id in dropped.sorted(by: { mergeKeyText($0) < mergeKeyText($1) }) {
                list.append(.object(["$patch": .string("delete"), mergeKey: id]))
            }
        }
        return list
    }

    /// A merge key's value as Go's `%v` prints it, which is how the lists are sorted.
    private static func mergeKeyText(_ value: JSONValue) -> String {
        switch value {
        case .string(let text): text
        case .int(let number): String(number)
        default: ObjectPrinter.compactJSON(value)
        }
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

/// `strategicpatch.CreateTwoWayMergePatch`: what turns `original` into `modified`, as `kubectl edit` sends it.
public enum TwoWayPatch {
    public static func create(from original: JSONValue, to modified: JSONValue) -> JSONValue {
        ThreeWayPatch.create(original: original, modified: modified, current: original)
    }
}
