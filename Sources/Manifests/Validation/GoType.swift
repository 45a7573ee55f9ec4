import KubeModel

/// A Go type, as far as the API server's strict JSON decoding of a Deployment needs to know it.
///
/// Struct fields are listed by JSON name so unknown ones can be reported; `opaque` structs are checked for being
/// objects but not field by field, and `anything` is not checked at all.
indirect enum GoType: Sendable {
    /// A string, or a named string type such as `v1.RestartPolicy`.
    case string(String = "string")
    case bool
    /// `int32` or `int64`.
    case integer(bits: Int)
    /// `metav1.Time`: an RFC 3339 string, read by a custom unmarshaller.
    case time
    /// `intstr.IntOrString`: a string or an int32, read by a custom unmarshaller.
    case intOrString
    /// `resource.Quantity`: a string or a number, read by a custom unmarshaller that parses it.
    case quantity
    /// A map with string keys; values are checked when `value` is given.
    case map(String, value: GoType?)
    case slice(GoType)
    case structure(GoStruct)
    /// A struct whose fields Rollbook does not list (affinity, security contexts, volume sources…).
    case opaque(String)
    case anything

    /// The name `UnmarshalTypeError` prints: `int32`, `[]v1.Container`, `map[string]string`, `v1.DeploymentSpec`.
    var goName: String {
        switch self {
        case .string(let name): return name
        case .bool: return "bool"
        case .integer(let bits): return "int\(bits)"
        case .time: return "v1.Time"
        case .intOrString: return "intstr.IntOrString"
        case .quantity: return "resource.Quantity"
        case .map(let name, _): return name
        case .slice(let element): return "[]" + element.goName
        case .structure(let structure): return structure.goName
        case .opaque(let name): return name
        case .anything: return "interface {}"
        }
    }
}

/// A Go struct: its reflect name (`DeploymentSpec`), package (`v1`) and JSON fields.
struct GoStruct: Sendable {
    var name: String
    var package: String
    var fields: [String: GoType]
    /// The JSON names in declaration order, the order `encoding/json` writes a typed object in.
    var order: [String]
    /// What `encoding/json` writes for a field the object lacks, for the fields it never leaves out: those without
    /// `omitempty`, and struct values (on which `omitempty` has no effect).
    var written: [String: EmptyField]
    /// The string, bool and integer fields declared as pointers: `omitempty` keeps their zero (`replicas: 0`),
    /// where it drops a plain field's.
    var pointers: Set<String>
    /// How server-side field tracking treats each slice field (`+listType`); a slice not named here is atomic.
    var lists: [String: ListType]
    /// `+structType=atomic`: field tracking owns the struct whole, never field by field (a label selector).
    var atomic: Bool

    /// - Parameter fields: In declaration order (a dictionary literal keeps its order here).
    init(
        name: String, package: String = "v1", fields: KeyValuePairs<String, GoType>,
        written: [String: EmptyField] = [:], pointers: Set<String> = [], lists: [String: ListType] = [:],
        atomic: Bool = false
    ) {
        self.name = name
        self.package = package
        self.fields = Dictionary(uniqueKeysWithValues: fields.map { ($0.key, $0.value) })
        self.order = fields.map(\.key)
        self.written = written
        self.pointers = pointers
        self.lists = lists
        self.atomic = atomic
    }

    /// Whether `encoding/json` leaves this value of the field out: `omitempty` on a nil, an empty slice or map, or
    /// the zero of a plain string, bool or integer.
    func omits(_ value: JSONValue, as field: String) -> Bool {
        guard written[field] == nil, let type = fields[field] else { return false }
        switch (type, value) {
        case (_, .null): return true
        case (.map, .object(let members)): return members.isEmpty
        case (.slice, .array(let items)): return items.isEmpty
        case (.string, .string(let text)): return text.isEmpty && !pointers.contains(field)
        case (.bool, .bool(let flag)): return !flag && !pointers.contains(field)
        case (.integer, .int(let number)): return number == 0 && !pointers.contains(field)
        default: return false
        }
    }

    var goName: String { "\(package).\(name)" }
}

/// A slice's `+listType`, as k8s.io/api declares it for server-side field tracking.
enum ListType: Sendable {
    /// `+listType=map`: items are told apart by the values of these fields (`+listMapKey`); a key field an item lacks
    /// takes its schema default, where it has one (a port's `protocol` is `TCP`).
    case map(keys: [String], defaults: [String: JSONValue] = [:])
    /// `+listType=set`: items are told apart by their own (scalar) value.
    case set
}

/// How Go writes a field that holds its zero value and is written anyway.
enum EmptyField: Sendable {
    /// A nil pointer, slice or map, or a zero `metav1.Time`.
    case null
    /// A value: `""`, `0`, `false`, or a struct whose own written fields are filled in the same way.
    case zero
}
