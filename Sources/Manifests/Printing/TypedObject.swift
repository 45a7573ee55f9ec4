public import KubeModel

/// An object as Go's typed structs hold it. The API server encodes what it stores that way, so the JSON it serves
/// carries a zero `creationTimestamp` as `null` and an empty `resources` as `{}`, and lacks what `omitempty` drops
/// (``completed(_:)``). kubectl prints some objects as such structs (`rollout history -o`, `create --dry-run=client`):
/// `encoding/json` writes their fields in declaration order (``json(_:)``); `get -o json` prints unstructured maps
/// instead, whose keys Go sorts.
public enum TypedObject: Sendable {
    case deployment
    case replicaSet
    case pod
    case resourceQuota
    /// A `v1 List` holding objects as the server sent them.
    case list

    var layout: GoType {
        switch self {
        case .deployment: .structure(KubeSchema.deployment)
        case .replicaSet: .structure(KubeSchema.replicaSet)
        case .pod: .structure(KubeSchema.pod)
        case .resourceQuota: .structure(KubeSchema.resourceQuota)
        case .list: .structure(KubeSchema.list)
        }
    }

    /// The object as Go's typed decoding and encoding leave it: the fields Go always writes filled in where it lacks
    /// them, and the empty values `omitempty` drops dropped.
    public func completed(_ value: JSONValue) -> JSONValue {
        Self.completed(value, as: layout)
    }

    /// A manifest's object as the API server keeps it: Go's typed decoding then `encoding/json` drop what `omitempty`
    /// leaves out (empty maps and lists, the zero of a plain string, bool or integer), so `annotations: {}` or
    /// `env: []` in a pod template is no part of it (nor of its pod-template-hash). Nothing is filled in.
    public func omittingEmpties(_ value: JSONValue) -> JSONValue {
        Self.encoded(value, as: layout, fillingWritten: false)
    }

    /// A pod spec as the API server stores it: what Go's structs write for it.
    public static func storedPodSpec(_ raw: [String: JSONValue]) -> [String: JSONValue] {
        completed(.object(raw), as: .structure(KubeSchema.podSpec)).objectValue ?? raw
    }

    /// `json.MarshalIndent(obj, "", "    ")` of the typed object, and the newline kubectl's JSON printer adds.
    public func json(_ value: JSONValue) -> String {
        GoJSONWriter.indented(completed(value), layout: layout) + "\n"
    }

    /// `json.Marshal` of the typed object and the encoder's newline: what `--save-config` records as the
    /// last-applied configuration of an object kubectl built (`create deployment`).
    public func compactJSON(_ value: JSONValue) -> String {
        GoJSONWriter.compact(completed(value), layout: layout) + "\n"
    }

    /// What kubectl's YAML printer writes: sigs.k8s.io/yaml goes through the typed JSON, then sorts keys.
    public func yaml(_ value: JSONValue) -> String {
        ObjectPrinter.yaml(completed(value))
    }

    private static func completed(_ value: JSONValue, as type: GoType) -> JSONValue {
        encoded(value, as: type, fillingWritten: true)
    }

    /// `encoding/json` of the typed object: what `omitempty` drops dropped, and with `fillingWritten` the fields Go
    /// always writes filled in where the value lacks them.
    private static func encoded(_ value: JSONValue, as type: GoType, fillingWritten: Bool) -> JSONValue {
        switch (type.resolved, value) {
        case (.structure(let structure), .object(var object)):
            for (key, field) in object {
                if structure.omits(field, as: key) {
                    object[key] = nil
                } else if let fieldType = structure.fields[key] {
                    object[key] = encoded(field, as: fieldType, fillingWritten: fillingWritten)
                }
            }
            guard fillingWritten else { return .object(object) }
            for (key, empty) in structure.written where object[key] == nil {
                object[key] = zero(structure.fields[key] ?? .anything, empty)
            }
            return .object(object)
        case (.slice(let element), .array(let items)):
            return .array(items.map { encoded($0, as: element, fillingWritten: fillingWritten) })
        case (.map(_, let valueType?), .object(let object)):
            return .object(object.mapValues { encoded($0, as: valueType, fillingWritten: fillingWritten) })
        default:
            return value
        }
    }

    private static func zero(_ type: GoType, _ empty: EmptyField) -> JSONValue {
        guard empty == .zero else { return .null }
        switch type.resolved {
        case .string: return .string("")
        case .bool: return .bool(false)
        case .integer: return .int(0)
        case .structure(let structure): return completed(.object([:]), as: .structure(structure))
        case .opaque: return .object([:])
        case .intOrString: return .int(0)
        case .time, .map, .slice, .anything, .quantity: return .null
        }
    }
}
