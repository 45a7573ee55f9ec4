public import KubeModel

extension TypedObject {
    /// The paths of the fields the schema does not declare, as structured-merge-diff names them when it turns an
    /// applied configuration into a typed value (`.spec.template.spec.containers[name="web"].foo`): kube-apiserver
    /// refuses a server-side apply of such a configuration whatever its field validation.
    public func undeclaredFields(in value: JSONValue) -> [String] {
        var paths: [String] = []
        Self.undeclared(value, as: layout, list: nil, path: "", into: &paths)
        return paths
    }

    private static func undeclared(_ value: JSONValue, as type: GoType, list: ListType?, path: String, into paths: inout [String]) {
        switch (type.resolved, value) {
        case (.structure(let structure), .object(let object)):
            for key in GoJSONWriter.sortedKeys(object) {
                guard let fieldType = structure.fields[key] else {
                    paths.append(path + "." + key)
                    continue
                }
                undeclared(object[key] ?? .null, as: fieldType, list: structure.lists[key], path: path + "." + key, into: &paths)
            }
        case (.map(_, let valueType?), .object(let object)):
            for key in GoJSONWriter.sortedKeys(object) {
                undeclared(object[key] ?? .null, as: valueType, list: nil, path: path + "." + key, into: &paths)
            }
        case (.slice(let element), .array(let items)):
            for (index, item) in items.enumerated() {
                let step = list.map { FieldPathElement(item: item, in: $0).pathText } ?? "[\(index)]"
                undeclared(item, as: element, list: nil, path: path + step, into: &paths)
            }
        default:
            break
        }
    }
}
