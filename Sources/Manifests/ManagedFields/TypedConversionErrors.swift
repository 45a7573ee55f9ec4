public import KubeModel

extension TypedObject {
    /// What structured-merge-diff's typed conversion refuses in an applied configuration, as its validation errors
    /// word them: fields the schema does not declare, keyed-list items that lack a key field (without a default), and
    /// items that share a key (`.spec.template.spec.containers[name="web"].env: duplicate entries for key
    /// [name="A"]`). kube-apiserver refuses a server-side apply with any of them, whatever its field validation.
    public func typedConversionErrors(in value: JSONValue) -> [String] {
        var errors: [String] = []
        Self.check(value, as: layout, list: nil, path: "", into: &errors)
        return errors
    }

    private static func check(_ value: JSONValue, as type: GoType, list: ListType?, path: String, into errors: inout [String]) {
        switch (type.resolved, value) {
        case (.structure(let structure), .object(let object)):
            for key in GoJSONWriter.sortedKeys(object) {
                guard let fieldType = structure.fields[key] else {
                    errors.append("\(path).\(key): field not declared in schema")
                    continue
                }
                check(object[key] ?? .null, as: fieldType, list: structure.lists[key], path: path + "." + key, into: &errors)
            }
        case (.map(_, let valueType?), .object(let object)):
            for key in GoJSONWriter.sortedKeys(object) {
                check(object[key] ?? .null, as: valueType, list: nil, path: path + "." + key, into: &errors)
            }
        case (.slice(let element), .array(let items)):
            var seen = Set<FieldPathElement>()
            for (index, item) in items.enumerated() {
                guard let list else {
                    check(item, as: element, list: nil, path: path + "[\(index)]", into: &errors)
                    continue
                }
                if case .map(let keys, let defaults) = list,
                    let missing = keys.first(where: { item.objectValue?[$0] == nil && defaults[$0] == nil })
                {
                    errors.append(
                        "\(path): element \(index): associative list with keys has an element that omits key field "
                            + "\(GoJSONWriter.compact(.string(missing))) (and doesn't have default value)")
                    continue
                }
                let step = FieldPathElement(item: item, in: list)
                if !seen.insert(step).inserted { errors.append("\(path): duplicate entries for key \(step.pathText)") }
                check(item, as: element, list: nil, path: path + step.pathText, into: &errors)
            }
        default:
            break
        }
    }
}
