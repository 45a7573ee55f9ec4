import KubeModel

/// The API server's `fieldValidation=Strict` decoding of a request body, reduced to the errors it can report.
///
/// kubectl sends the object as Go marshals a map, keys sorted, so fields are visited in that order. Go's decoder
/// keeps the first type mismatch and carries on; custom unmarshallers (`IntOrString`, `metav1.Time`) stop it at
/// once, and their errors, coming from the standard library's decoder, carry no field context. Unknown fields are
/// only reported when the body decoded cleanly otherwise.
enum StrictDecoding {
    enum Problem: Equatable {
        /// A Go `UnmarshalTypeError` (or a custom unmarshaller's error), as the text the server quotes.
        case wrongType(String)
        /// `strict decoding error: unknown field "a", unknown field "b"`.
        case unknownFields([String])

        var message: String {
            switch self {
            case .wrongType(let text): return text
            case .unknownFields(let paths):
                return "strict decoding error: " + paths.map { "unknown field \(goQuoted($0))" }.joined(separator: ", ")
            }
        }
    }

    static func check(_ value: JSONValue, as root: GoStruct) -> Problem? {
        var walker = Walker()
        do {
            try walker.visit(value, as: .structure(root), path: "", fields: [], owner: nil)
        } catch {
            return .wrongType(error.message)
        }
        if let saved = walker.saved { return .wrongType(saved) }
        return walker.unknown.isEmpty ? nil : .unknownFields(walker.unknown)
    }

    private struct Abort: Error {
        var message: String
    }

    private struct Walker {
        var saved: String?
        var unknown: [String] = []

        /// - Parameters:
        ///   - path: The strict-decoding path, with indices: `spec.template.spec.containers[0]`.
        ///   - fields: Go's `errorContext.FieldStack`: JSON field names only.
        ///   - owner: The Go struct holding the innermost field.
        mutating func visit(_ value: JSONValue, as type: GoType, path: String, fields: [String], owner: String?)
            throws(Abort)
        {
            if case .null = value { return }
            switch type.resolved {
            case .anything:
                return
            case .string:
                if case .string = value { return }
            case .bool:
                if case .bool = value { return }
            case .integer(let bits):
                switch value {
                case .int(let number):
                    if bits == 64 || Int(Int32.min)...Int(Int32.max) ~= number { return }
                    return mismatch("number \(number)", type, fields, owner)
                case .double(let number):
                    return mismatch("number \(GoFloat.json(number))", type, fields, owner)
                default: break
                }
            case .time:
                guard case .string(let text) = value else {
                    throw Abort(message: "json: cannot unmarshal \(kind(of: value)) into Go value of type string")
                }
                if let error = GoTimeParse.error(for: text) { throw Abort(message: error) }
                return
            case .quantity:
                if let problem = Quantity.unmarshalError(value) { throw Abort(message: problem) }
                return
            case .intOrString:
                switch value {
                case .string: return
                case .int(let number) where Int(Int32.min)...Int(Int32.max) ~= number: return
                case .int(let number):
                    throw Abort(message: "json: cannot unmarshal number \(number) into Go value of type int32")
                case .double(let number):
                    throw Abort(
                        message: "json: cannot unmarshal number \(GoFloat.json(number)) into Go value of type int32")
                default:
                    throw Abort(message: "json: cannot unmarshal \(kind(of: value)) into Go value of type int32")
                }
            case .map(_, let valueType):
                guard case .object(let object) = value else { break }
                guard let valueType else { return }
                for key in GoJSONWriter.sortedKeys(object) {
                    try visit(object[key] ?? .null, as: valueType, path: join(path, key), fields: fields, owner: owner)
                }
                return
            case .slice(let element):
                guard case .array(let items) = value else { break }
                for (index, item) in items.enumerated() {
                    try visit(item, as: element, path: "\(path)[\(index)]", fields: fields, owner: owner)
                }
                return
            case .structure(let structure):
                guard case .object(let object) = value else { break }
                for key in GoJSONWriter.sortedKeys(object) {
                    guard let fieldType = structure.fields[key] else {
                        unknown.append(join(path, key))
                        continue
                    }
                    try visit(
                        object[key] ?? .null, as: fieldType, path: join(path, key), fields: fields + [key],
                        owner: structure.name)
                }
                return
            case .opaque:
                if case .object = value { return }
            }
            mismatch(kind(of: value), type, fields, owner)
        }

        /// Records Go's first `UnmarshalTypeError`: `json: cannot unmarshal string into Go struct field
        /// DeploymentSpec.spec.replicas of type int32`.
        private mutating func mismatch(_ found: String, _ type: GoType, _ fields: [String], _ owner: String?) {
            guard saved == nil else { return }
            if let owner {
                let field = fields.joined(separator: ".")
                saved = "json: cannot unmarshal \(found) into Go struct field \(owner).\(field) of type \(type.goName)"
            } else {
                saved = "json: cannot unmarshal \(found) into Go value of type \(type.goName)"
            }
        }

        private func kind(of value: JSONValue) -> String {
            switch value {
            case .null: return "null"
            case .bool: return "bool"
            case .int, .double: return "number"
            case .string: return "string"
            case .array: return "array"
            case .object: return "object"
            }
        }

        private func join(_ path: String, _ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }
    }
}
