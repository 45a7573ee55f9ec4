import KubeModel

/// The three walks server-side apply makes over objects by their schema (structured-merge-diff's `typed`
/// package, v4): the set of fields a configuration names, the merge of a configuration into the live object,
/// and the removal of a set of fields.
enum StructuredMerge {
    /// `TypedValue.ToFieldSet`: every scalar, atomic list or struct, map entry and list item the value holds.
    /// A declared struct field is in the set only through what it holds; a map's key and a list's item are in it
    /// themselves, which is why `fieldsV1` writes `".": {}` for a container the configuration names.
    static func fieldSet(of value: JSONValue, as type: GoType) -> FieldSet {
        var set = FieldSet()
        var path: [FieldPathElement] = []
        collect(value, type, list: nil, into: &set, at: &path)
        return set
    }

    private static func collect(
        _ value: JSONValue, _ type: GoType, list: ListType?, into set: inout FieldSet, at path: inout [FieldPathElement]
    ) {
        switch FieldShape(type.resolved, list: list, value: value) {
        case .leaf:
            set.insert(path[...])
        case .fields(let fieldType, let lists, let atomic, let declared):
            if atomic { return set.insert(path[...]) }
            for (key, child) in value.objectValue ?? [:] {
                path.append(.field(key))
                collect(child, fieldType(key), list: lists[key], into: &set, at: &path)
                if !declared(key) { set.insert(path[...]) }
                path.removeLast()
            }
        case .items(let listType):
            for item in value.arrayValue ?? [] {
                path.append(FieldPathElement(item: item, in: listType))
                collect(item, type.elementType, list: nil, into: &set, at: &path)
                set.insert(path[...])
                path.removeLast()
            }
        }
    }

    /// `TypedValue.Merge` with the rule that keeps the right side: `config` laid over `live`. Maps and structs merge
    /// key by key, keyed lists item by item in the order ``mergedItems(_:_:as:listType:)`` gives; a leaf, an atomic
    /// node, or a node empty on both sides is the configuration's where it has one. nil where neither has a value.
    static func merge(_ live: JSONValue?, _ config: JSONValue?, as type: GoType, list: ListType? = nil) -> JSONValue? {
        if live == nil { return config }
        if config == nil { return live }
        switch FieldShape(type.resolved, list: list, value: config) {
        case .leaf:
            return config
        case .fields(let fieldType, let lists, let atomic, _):
            let left = live?.objectValue ?? [:], right = config?.objectValue ?? [:]
            if atomic || (left.isEmpty && right.isEmpty) { return config }
            var out: [String: JSONValue] = [:]
            for key in Set(left.keys).union(right.keys) {
                out[key] = merge(left[key], right[key], as: fieldType(key), list: lists[key])
            }
            return out.isEmpty ? nil : .object(out)
        case .items(let listType):
            let left = live?.arrayValue ?? [], right = config?.arrayValue ?? []
            if left.isEmpty && right.isEmpty { return config }
            let out = mergedItems(left, right, as: type.elementType, listType: listType)
            return out.isEmpty ? nil : .array(out)
        }
    }

    /// structured-merge-diff v4's `visitListItems`: the two lists walked together so that the items both hold come in
    /// the configuration's order, an item only the configuration has takes its place among them, and an item only
    /// the live list has stays where it was.
    private static func mergedItems(_ left: [JSONValue], _ right: [JSONValue], as element: GoType, listType: ListType)
        -> [JSONValue]
    {
        let leftKeys = left.map { FieldPathElement(item: $0, in: listType) }
        let rightKeys = right.map { FieldPathElement(item: $0, in: listType) }
        var leftItems: [FieldPathElement: JSONValue] = [:], rightItems: [FieldPathElement: JSONValue] = [:]
        for (key, item) in zip(leftKeys, left) where leftItems[key] == nil { leftItems[key] = item }
        for (key, item) in zip(rightKeys, right) { rightItems[key] = item }
        var shared = rightKeys.filter { leftItems[$0] != nil }[...]
        var nextShared = shared.popFirst()
        var merged = Set<FieldPathElement>()
        var out: [JSONValue] = []
        func emit(_ key: FieldPathElement, _ live: JSONValue?, _ config: JSONValue?) {
            if let item = merge(live, config, as: element) { out.append(item) }
        }
        var l = 0, r = 0
        while l < leftKeys.count || r < rightKeys.count {
            if l < leftKeys.count && r < rightKeys.count {
                let key = leftKeys[l]
                if key == rightKeys[r] {
                    merged.insert(key)
                    emit(key, leftItems[key], rightItems[key])
                    l += 1
                    r += 1
                    nextShared = shared.popFirst()
                    continue
                }
                if rightItems[key] != nil, let next = nextShared, next != key {
                    // Shared, but not the one this round wants.
                    l += 1
                    continue
                }
            }
            if l < leftKeys.count {
                let key = leftKeys[l]
                if rightItems[key] == nil {
                    emit(key, left[l], nil)
                    l += 1
                    continue
                } else if merged.contains(key) {
                    l += 1
                    continue
                }
            }
            if r < rightKeys.count {
                let key = rightKeys[r]
                merged.insert(key)
                emit(key, leftItems[key], rightItems[key])
                r += 1
                if let next = nextShared, next == key { nextShared = shared.popFirst() }
            }
        }
        return out
    }

    /// `TypedValue.RemoveItems`: the value without the fields, map entries and list items that are members of
    /// `set`, descending where the set holds paths below a node. nil when nothing is left of it.
    static func removing(_ set: FieldSet, from value: JSONValue, as type: GoType, list: ListType? = nil) -> JSONValue? {
        switch FieldShape(type.resolved, list: list, value: value) {
        case .leaf:
            // An atomic list reached through a path below it: removal takes it all.
            return set.isEmpty ? value : (type.resolved.isSlice ? nil : value)
        case .fields(let fieldType, let lists, let atomic, _):
            guard let object = value.objectValue, !object.isEmpty else { return nil }
            if atomic { return nil }
            var out: [String: JSONValue] = [:]
            for (key, child) in object {
                let element = FieldPathElement.field(key)
                let below = set.children[element]
                if below?.member == true { continue }
                if let below, !below.isEmpty {
                    if let kept = removing(below, from: child, as: fieldType(key), list: lists[key]) { out[key] = kept }
                } else {
                    out[key] = child
                }
            }
            return out.isEmpty ? nil : .object(out)
        case .items(let listType):
            guard let items = value.arrayValue, !items.isEmpty else { return nil }
            var out: [JSONValue] = []
            for item in items {
                let below = set.children[FieldPathElement(item: item, in: listType)]
                if below?.member == true { continue }
                if let below, !below.isEmpty {
                    if let kept = removing(below, from: item, as: type.elementType) { out.append(kept) }
                } else {
                    out.append(item)
                }
            }
            return out.isEmpty ? nil : .array(out)
        }
    }

    /// `Set.EnsureNamedFieldsAreMembers`: the set, with every declared struct field that leads to members made a
    /// member itself (a map's keys and a list's items are not), so that removing the set removes those structs.
    static func namedFieldsAsMembers(_ set: FieldSet, as type: GoType, list: ListType? = nil) -> FieldSet {
        var result = FieldSet(member: set.member)
        for (element, child) in set.children {
            var childType = GoType.anything
            var childList: ListType?
            var declared = false
            switch (element, FieldShape(type.resolved, list: list, value: nil)) {
            case (.field(let key), .fields(let fieldType, let lists, _, let isDeclared)):
                childType = fieldType(key)
                childList = lists[key]
                declared = isDeclared(key)
            case (_, .items):
                childType = type.elementType
            default:
                break
            }
            var converted = namedFieldsAsMembers(child, as: childType, list: childList)
            if declared && !child.children.isEmpty { converted.member = true }
            result.children[element] = converted
        }
        return result
    }
}

extension GoType {
    var isSlice: Bool { if case .slice = self { true } else { false } }
}
