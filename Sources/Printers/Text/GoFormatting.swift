import KubeModel

/// Go's `sort.Strings` compares bytes; Swift's `<` on String does not always agree.
func goLess(_ lhs: String, _ rhs: String) -> Bool {
    lhs.utf8.lexicographicallyPrecedes(rhs.utf8)
}

extension Sequence where Element == String {
    func goSorted() -> [String] { sorted(by: goLess) }
}

extension Timestamp {
    /// `Time.Format(time.RFC1123Z)`, printing Go's zero time for an unset value as kubectl does.
    static func rfc1123Z(_ timestamp: Timestamp?) -> String {
        timestamp?.rfc1123Z ?? "Mon, 01 Jan 0001 00:00:00 +0000"
    }
}

extension JSONValue {
    /// A scalar as Go's `%v` prints it; empty for null, objects and arrays.
    var goScalar: String {
        switch self {
        case .string(let value): return value
        case .int(let value): return String(value)
        case .double(let value): return JSONValue.format(double: value)
        case .bool(let value): return value ? "true" : "false"
        case .null, .array, .object: return ""
        }
    }
}
