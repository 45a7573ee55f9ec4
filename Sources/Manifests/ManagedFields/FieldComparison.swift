import KubeModel

/// What an update added, changed and removed, field by field: structured-merge-diff's `TypedValue.Compare`,
/// walking the two objects as the API server's typed structs hold them.
///
/// Its rules decide what a manager comes to own: a leaf (scalar, atomic list or struct, or a map or list empty on
/// both sides) is compared whole; a node that appears or disappears is itself added or removed besides its
/// children, which is why `fieldsV1` writes `".": {}` for a labels map or a container its manager created.
struct FieldComparison {
    var added = FieldSet()
    var modified = FieldSet()
    var removed = FieldSet()

    init(from old: JSONValue, to new: JSONValue, as type: GoType) {
        var path: [FieldPathElement] = []
        compare(old, new, type, list: nil, at: &path)
    }

    /// Everything the update set: what its manager takes from others and comes to own.
    var changed: FieldSet { modified.union(added) }

    /// The three sets without the paths the server owns, which no manager ever does (`fieldmanager`'s
    /// stripMeta: kind, apiVersion, and the name, uid, resourceVersion... of the metadata).
    func strippingServerFields() -> FieldComparison { mapSets { $0.strippingServerFields() } }

    func removing(fields: [String]) -> FieldComparison { mapSets { $0.removing(fields: fields) } }

    private func mapSets(_ transform: (FieldSet) -> FieldSet) -> FieldComparison {
        var result = self
        result.added = transform(added)
        result.modified = transform(modified)
        result.removed = transform(removed)
        return result
    }

    private mutating func compare(
        _ lhs: JSONValue?, _ rhs: JSONValue?, _ type: GoType, list: ListType?, at path: inout [FieldPathElement]
    ) {
        // Nothing under two equal values changed (most of an object, at most writes).
        if let lhs, let rhs, lhs == rhs { return }
        var leaf = false
        switch FieldShape(type.resolved, list: list, value: rhs ?? lhs) {
        case .leaf:
            leaf = true
        case .fields(let fieldType, let lists, let atomic, _):
            let left = lhs?.objectValue ?? [:], right = rhs?.objectValue ?? [:]
            if atomic || (left.isEmpty && right.isEmpty) {
                leaf = true
            } else {
                for key in Set(left.keys).union(right.keys) {
                    path.append(.field(key))
                    compare(left[key], right[key], fieldType(key), list: lists[key], at: &path)
                    path.removeLast()
                }
            }
        case .items(let listType):
            let left = lhs?.arrayValue ?? [], right = rhs?.arrayValue ?? []
            if left.isEmpty && right.isEmpty {
                leaf = true
            } else {
                let rightItems = Dictionary(right.map { (FieldPathElement(item: $0, in: listType), $0) }) { _, last in last }
                var seen = Set<FieldPathElement>()
                for item in left {
                    let element = FieldPathElement(item: item, in: listType)
                    seen.insert(element)
                    path.append(element)
                    compare(item, rightItems[element], type.elementType, list: nil, at: &path)
                    path.removeLast()
                }
                for item in right where !seen.contains(FieldPathElement(item: item, in: listType)) {
                    path.append(FieldPathElement(item: item, in: listType))
                    compare(nil, item, type.elementType, list: nil, at: &path)
                    path.removeLast()
                }
            }
        }
        if leaf {
            if lhs == nil {
                added.insert(path[...])
            } else if rhs == nil {
                removed.insert(path[...])
            } else if lhs != rhs {
                modified.insert(path[...])
            }
        } else if lhs == nil {
            added.insert(path[...])
        } else if rhs == nil {
            removed.insert(path[...])
        }
    }
}

extension FieldSet {
    /// Without the fields the server sets on every object (see ``FieldComparison/strippingServerFields()``).
    func strippingServerFields() -> FieldSet {
        var result = removing(fields: ["apiVersion", "kind"])
        if var metadata = result.children[.field("metadata")] {
            metadata.member = false
            metadata = metadata.removing(fields: [
                "name", "namespace", "creationTimestamp", "selfLink", "uid", "clusterName", "generation", "managedFields",
                "resourceVersion",
            ])
            result.children[.field("metadata")] = metadata.isEmpty ? nil : metadata
        }
        return result
    }
}
