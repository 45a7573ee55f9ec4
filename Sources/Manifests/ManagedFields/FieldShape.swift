import KubeModel

/// How a walk over an object by its schema treats one node, as structured-merge-diff's schema would: from its Go
/// type, or from its value where Rollbook's schema does not list the type.
enum FieldShape {
    /// A scalar, or a slice tracked whole (atomic).
    case leaf
    /// A struct or a map: the type of each key, the list type of each slice field, whether the struct is owned
    /// whole (`+structType=atomic`), and whether a key is a declared struct field (a map's keys are not).
    case fields((String) -> GoType, lists: [String: ListType], atomic: Bool, declared: (String) -> Bool)
    /// A list whose items are tracked one by one.
    case items(ListType)

    init(_ type: GoType, list: ListType?, value: JSONValue?) {
        switch type {
        case .structure(let structure):
            self = .fields(
                { structure.fields[$0] ?? .anything }, lists: structure.lists, atomic: structure.atomic,
                declared: { structure.fields[$0] != nil })
        case .map(_, let valueType):
            self = .fields({ _ in valueType ?? .anything }, lists: [:], atomic: false, declared: { _ in false })
        case .slice:
            self = list.map(FieldShape.items) ?? .leaf
        case .opaque, .anything:
            // Unlisted structs are walked as maps, their lists owned whole.
            if case .object = value {
                self = .fields({ _ in .anything }, lists: [:], atomic: false, declared: { _ in false })
            } else {
                self = .leaf
            }
        case .string, .bool, .integer, .time, .intOrString, .quantity:
            self = .leaf
        }
    }
}

extension FieldPathElement {
    /// The step naming `item` of a list of this type: its key fields, or its value.
    init(item: JSONValue, in listType: ListType) {
        switch listType {
        case .set:
            self = .value(item)
        case .map(let keys, let defaults):
            let object = item.objectValue ?? [:]
            self = .key(keys.sorted().compactMap { key in (object[key] ?? defaults[key]).map { .init(name: key, value: $0) } })
        }
    }
}

extension GoType {
    var elementType: GoType { if case .slice(let element) = self { element } else { .anything } }
}
