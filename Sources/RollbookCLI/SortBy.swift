import ControlPlane
import KubeModel
import Manifests

/// `get --sort-by=PATH` (kubectl's sorter.go): objects ordered by the first value a relaxed JSONPath finds;
/// numbers numerically, strings bytewise (what kubectl v1.32.4 does with unstructured values), objects
/// without the field first. A single object is not sorted, so its path is not checked.
struct SortBy {
    let field: String
    let path: JSONPath

    init(_ text: String) throws {
        field = Self.relaxed(text)
        do {
            path = try JSONPath(field)
        } catch {
            throw CommandError.client(error.description)
        }
    }

    /// `RelaxedJSONPathExpression`'s braces and dot, without its refusal of several paths: kubectl's table printer
    /// sorts, and `get` ignores that printer's errors, so such a path sorts nothing rather than failing
    /// (``RelaxedJSONPath`` has the refusal, for custom columns and `wait`).
    private static func relaxed(_ path: String) -> String {
        var inner = path
        if inner.hasPrefix("{") && inner.hasSuffix("}") { inner = String(inner.dropFirst().dropLast()) }
        if !inner.hasPrefix(".") { inner = "." + inner }
        return "{\(inner)}"
    }

    func sorted(_ objects: [ObjectListing.Object]) throws -> [ObjectListing.Object] {
        guard objects.count > 1 else { return objects }
        let keys = objects.map { path.values(in: $0.json).first }
        // The field must exist on at least one object, or kubectl refuses the path.
        guard keys.contains(where: { $0 != nil }) else {
            throw CommandError.client("couldn't find any field with path \(goQuoted(field)) in the list of objects")
        }
        return objects.indices.sorted { a, b in
            guard let left = keys[a] else { return keys[b] != nil || a < b }
            guard let right = keys[b] else { return false }
            if Self.less(left, right) { return true }
            if Self.less(right, left) { return false }
            return a < b
        }.map { objects[$0] }
    }

    static func less(_ left: JSONValue, _ right: JSONValue) -> Bool {
        switch (left, right) {
        case (.int(let l), .int(let r)): l < r
        case (.double(let l), .double(let r)): l < r
        case (.int(let l), .double(let r)): Double(l) < r
        case (.double(let l), .int(let r)): l < Double(r)
        case (.string(let l), .string(let r)): l.utf8.lexicographicallyPrecedes(r.utf8)
        case (.bool(let l), .bool(let r)): !l && r
        default: false
        }
    }
}
