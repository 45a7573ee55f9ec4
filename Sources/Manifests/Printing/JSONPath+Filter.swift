import KubeModel

extension JSONPath.Run {
    /// `evalFilter`: the items of each list whose left side exists, or compares true with the right side. An item
    /// where either side finds nothing is left out; where a side finds several values, the filter fails.
    mutating func filter(
        _ input: [JSONValue], _ left: [JSONPath.Node], _ op: String, _ right: [JSONPath.Node]
    ) throws(Failure) -> [JSONValue] {
        var results: [JSONValue] = []
        for value in input {
            guard case .array(let items) = value else {
                let shown = JSONPath.goValueText(value)
                throw Failure(reason: "\(shown) is not array or slice and cannot be filtered", partial: input)
            }
            for item in items {
                let lefts: [JSONValue]
                var leftFailure: Failure?
                do {
                    lefts = try list([item], left)
                } catch {
                    // Go keeps what the failing step returned, which `exists` counts.
                    (lefts, leftFailure) = (error.partial, error)
                }
                if op == "exists" {
                    if !lefts.isEmpty { results.append(item) }
                    continue
                }
                if let leftFailure { throw Failure(reason: leftFailure.reason, partial: input) }
                guard let lhs = try Self.single(lefts, input) else { continue }
                let rights: [JSONValue]
                do {
                    rights = try list([item], right)
                } catch {
                    throw Failure(reason: error.reason, partial: input)
                }
                guard let rhs = try Self.single(rights, input) else { continue }
                do {
                    if try Self.compare(lhs, op, rhs) { results.append(item) }
                } catch {
                    throw Failure(reason: error.reason, partial: results)
                }
            }
        }
        return results
    }

    /// The one value a side of a comparison found, nil for none.
    private static func single(_ values: [JSONValue], _ input: [JSONValue]) throws(Failure) -> JSONValue? {
        guard values.count <= 1 else {
            throw Failure(reason: "can only compare one element at a time", partial: input)
        }
        return values.first
    }

    /// The comparison functions of client-go's fork of text/template (`eq`, `ne`, `lt`, `le`, `gt`, `ge`).
    private static func compare(_ lhs: JSONValue, _ op: String, _ rhs: JSONValue) throws(Failure) -> Bool {
        switch op {
        case "==": return try equal(lhs, rhs)
        case "!=": return try !equal(lhs, rhs)
        case "<": return try less(lhs, rhs)
        case "<=": return try lessOrEqual(lhs, rhs)
        case ">": return try !lessOrEqual(lhs, rhs)
        case ">=": return try !less(lhs, rhs)
        default: throw Failure(reason: "unrecognized filter operator \(op)", partial: [])
        }
    }

    /// `basicKind`: the values Go can compare are booleans, numbers and strings; ints and floats do not mix.
    private enum Basic {
        case bool(Bool)
        case int(Int)
        case float(Double)
        case string(String.UTF8View)

        init(_ value: JSONValue) throws(Failure) {
            switch value {
            case .bool(let flag): self = .bool(flag)
            case .int(let number): self = .int(number)
            case .double(let number): self = .float(number)
            case .string(let text): self = .string(text.utf8)
            case .null, .array, .object: throw Failure(reason: "invalid type for comparison", partial: [])
            }
        }
    }

    private static var incompatible: Failure { Failure(reason: "incompatible types for comparison", partial: []) }

    private static func equal(_ lhs: JSONValue, _ rhs: JSONValue) throws(Failure) -> Bool {
        switch (try Basic(lhs), try Basic(rhs)) {
        case (.bool(let l), .bool(let r)): return l == r
        case (.int(let l), .int(let r)): return l == r
        case (.float(let l), .float(let r)): return l == r
        case (.string(let l), .string(let r)): return l.elementsEqual(r)
        default: throw incompatible
        }
    }

    private static func lessOrEqual(_ lhs: JSONValue, _ rhs: JSONValue) throws(Failure) -> Bool {
        if try less(lhs, rhs) { return true }
        return try equal(lhs, rhs)
    }

    private static func less(_ lhs: JSONValue, _ rhs: JSONValue) throws(Failure) -> Bool {
        switch (try Basic(lhs), try Basic(rhs)) {
        case (.bool, .bool): throw Failure(reason: "invalid type for comparison", partial: [])
        case (.int(let l), .int(let r)): return l < r
        case (.float(let l), .float(let r)): return l < r
        case (.string(let l), .string(let r)): return l.lexicographicallyPrecedes(r)
        default: throw incompatible
        }
    }
}
