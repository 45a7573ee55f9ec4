import KubeModel
import Manifests

/// The API server's strategic merge patch, for the fields of a Deployment.
///
/// Objects merge recursively and `null` deletes a field, as in a merge patch; lists of named things (the
/// lists ``ThreeWayMerge/mergeKeys`` names, `containers` by `name`, `ports` by `containerPort`…) merge
/// element by element on their key instead of being replaced. The directives kubectl sends are honoured:
/// `$setElementOrder/<list>` orders the merged list, `$patch: replace|delete` on a map or a list element,
/// `$retainKeys`, and `$deleteFromPrimitiveList/<list>`. Directives never reach the stored object.
///
/// Related Kubernetes documentation:
/// <https://github.com/kubernetes/community/blob/master/contributors/devel/sig-api-machinery/strategic-merge-patch.md>
enum StrategicMergePatch {
    static let elementOrderPrefix = "$setElementOrder/"
    static let deleteFromListPrefix = "$deleteFromPrimitiveList/"

    static func apply(_ patch: JSONValue, to original: JSONValue) throws(PatchError) -> JSONValue {
        guard case .object(let members) = patch else {
            throw PatchError("strategic merge patch must be a JSON object, got \(patch.canonicalJSON)")
        }
        return try merge(original.objectValue ?? [:], members).map(JSONValue.object) ?? .object([:])
    }

    /// The merged map, or nil when the patch says `$patch: delete`.
    private static func merge(_ original: [String: JSONValue], _ patch: [String: JSONValue]) throws(PatchError)
        -> [String: JSONValue]?
    {
        switch patch["$patch"]?.stringValue {
        case "delete": return nil
        case "replace": return clean(patch)
        default: break
        }
        var result = original
        var orders: [String: [JSONValue]] = [:]
        for (key, value) in patch {
            if key == "$patch" || key == "$retainKeys" { continue }
            if key.hasPrefix(elementOrderPrefix) {
                orders[String(key.dropFirst(elementOrderPrefix.count))] = value.arrayValue ?? []
                continue
            }
            if key.hasPrefix(deleteFromListPrefix) {
                let field = String(key.dropFirst(deleteFromListPrefix.count))
                let doomed = value.arrayValue ?? []
                if let items = result[field]?.arrayValue { result[field] = .array(items.filter { !doomed.contains($0) }) }
                continue
            }
            if value == .null {
                result[key] = nil
                continue
            }
            switch value {
            case .object(let members):
                result[key] = try merge(result[key]?.objectValue ?? [:], members).map(JSONValue.object)
            case .array(let items):
                if let mergeKey = ThreeWayMerge.mergeKeys[key] {
                    result[key] = .array(try mergeList(result[key]?.arrayValue ?? [], items, mergeKey: mergeKey))
                } else {
                    result[key] = .array(items.map(cleanValue))
                }
            default:
                result[key] = value
            }
        }
        for (field, order) in orders {
            guard let items = result[field]?.arrayValue, let mergeKey = ThreeWayMerge.mergeKeys[field] else { continue }
            result[field] = .array(serverOrdered(items, patch: order, server: original[field]?.arrayValue ?? [], mergeKey: mergeKey))
        }
        if let retained = patch["$retainKeys"]?.arrayValue?.compactMap(\.stringValue) {
            result = result.filter { retained.contains($0.key) }
        }
        return result
    }

    /// Elements merge into their twin with the same key, `$patch: delete` elements remove it, new ones append.
    ///
    /// - Throws: A map without the merge key, as `mergeSlice` refuses it (`ErrNoMergeKey`).
    private static func mergeList(_ original: [JSONValue], _ patch: [JSONValue], mergeKey: String) throws(PatchError)
        -> [JSONValue]
    {
        if patch.contains(where: { $0["$patch"]?.stringValue == "replace" }) {
            return patch.filter { $0["$patch"] == nil }.map(cleanValue)
        }
        for element in patch {
            guard case .object(let members) = element, members[mergeKey] == nil else { continue }
            throw PatchError(
                "map: \(JSONPath.goValueText(element)) does not contain declared merge key: \(mergeKey)",
                isBadRequest: false)
        }
        var result = original
        for element in patch {
            guard case .object(let members) = element, let key = members[mergeKey] else {
                if !result.contains(element) { result.append(element) }
                continue
            }
            let index = result.firstIndex { $0[mergeKey] == key }
            if members["$patch"]?.stringValue == "delete" {
                result.removeAll { $0[mergeKey] == key }
                continue
            }
            if let index {
                if let merged = try merge(result[index].objectValue ?? [:], members) {
                    result[index] = .object(merged)
                } else {
                    result.remove(at: index)
                }
            } else if let merged = try merge([:], members) {
                result.append(.object(merged))
            }
        }
        let order = patch.filter { $0["$patch"] == nil }
        guard !order.isEmpty, result.allSatisfy({ $0[mergeKey] != nil }) else { return result }
        return serverOrdered(result, patch: order, server: original, mergeKey: mergeKey)
    }

    /// `normalizeElementOrder`: the patch's elements (or those a `$setElementOrder` lists) in its order, the others
    /// in the live list's, then the two merged: a live-only element goes first only when both it and the patch
    /// element are live and it was ahead (`mergeSortedSlice`), so new elements lead and unnamed ones keep their place.
    private static func serverOrdered(_ merged: [JSONValue], patch: [JSONValue], server: [JSONValue], mergeKey: String)
        -> [JSONValue]
    {
        func position(_ item: JSONValue, in list: [JSONValue]) -> Int? { list.firstIndex { $0[mergeKey] == item[mergeKey] } }
        let patched = merged.filter { position($0, in: patch) != nil }
            .sorted { (position($0, in: patch) ?? 0) < (position($1, in: patch) ?? 0) }
        let serverOnly = merged.filter { position($0, in: patch) == nil }
        var result: [JSONValue] = []
        var left = serverOnly[...], right = patched[...]
        while let next = left.first ?? right.first {
            guard let l = left.first, let r = right.first else {
                result.append(next)
                if left.isEmpty { right.removeFirst() } else { left.removeFirst() }
                continue
            }
            if let li = position(l, in: server), let ri = position(r, in: server), li < ri {
                result.append(l)
                left.removeFirst()
            } else {
                result.append(r)
                right.removeFirst()
            }
        }
        return result
    }

    /// A patch value stored as given, minus any directives.
    private static func clean(_ members: [String: JSONValue]) -> [String: JSONValue] {
        members.filter { !$0.key.hasPrefix("$") }.mapValues(cleanValue)
    }

    private static func cleanValue(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let members): .object(clean(members))
        case .array(let items): .array(items.map(cleanValue))
        default: value
        }
    }
}
