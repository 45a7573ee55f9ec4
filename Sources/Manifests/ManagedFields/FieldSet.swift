public import KubeModel

/// One step of a field path, as sigs.k8s.io/structured-merge-diff names it in `fieldsV1`.
enum FieldPathElement: Hashable, Sendable {
    /// A struct field or map key: `f:name`.
    case field(String)
    /// An item of a `+listType=map` list, by its key fields sorted by name: `k:{"containerPort":80,"protocol":"TCP"}`.
    case key([KeyField])
    /// An item of a `+listType=set` list, by its value: `v:"foreground"`.
    case value(JSONValue)

    struct KeyField: Hashable, Sendable {
        var name: String
        var value: JSONValue
    }

    /// The key `fieldsV1` writes for this step.
    var text: String {
        switch self {
        case .field(let name): return "f:" + name
        case .key(let fields):
            return "k:" + GoJSONWriter.compact(.object(Dictionary(uniqueKeysWithValues: fields.map { ($0.name, $0.value) })))
        case .value(let value): return "v:" + GoJSONWriter.compact(value)
        }
    }
}

/// A set of field paths, kept as a tree: a node is in the set (`member`) or only leads to paths that are.
///
/// It is the `fieldpath.Set` of structured-merge-diff, reduced to what field tracking of Updates needs.
struct FieldSet: Hashable, Sendable {
    var member = false
    var children: [FieldPathElement: FieldSet] = [:]

    var isEmpty: Bool { !member && children.values.allSatisfy(\.isEmpty) }

    mutating func insert(_ path: ArraySlice<FieldPathElement>) {
        guard let first = path.first else {
            member = true
            return
        }
        children[first, default: FieldSet()].insert(path.dropFirst())
    }

    func union(_ other: FieldSet) -> FieldSet {
        var result = self
        result.member = member || other.member
        for (element, child) in other.children {
            result.children[element] = (children[element] ?? FieldSet()).union(child)
        }
        return result
    }

    func subtracting(_ other: FieldSet) -> FieldSet {
        var result = FieldSet(member: member && !other.member)
        for (element, child) in children {
            let left = other.children[element].map(child.subtracting) ?? child
            if !left.isEmpty { result.children[element] = left }
        }
        return result
    }

    /// The set without the paths under these fields of the root (`status`, or `spec`).
    func removing(fields: [String]) -> FieldSet {
        var result = self
        for field in fields { result.children[.field(field)] = nil }
        return result
    }

    /// The `fieldsV1` document: a node in the set with children writes `".": {}` before them.
    var fieldsV1: JSONValue {
        var object: [String: JSONValue] = [:]
        for (element, child) in children where !child.isEmpty {
            var inner = child.fieldsV1.objectValue ?? [:]
            if child.member && !inner.isEmpty { inner["."] = .object([:]) }
            object[element.text] = .object(inner)
        }
        return .object(object)
    }
}
