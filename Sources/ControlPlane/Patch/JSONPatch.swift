import KubeModel

/// RFC 6902 JSON patch: `add`, `remove`, `replace`, `move`, `copy` and `test`, addressed by RFC 6901 pointers.
enum JSONPatch {
    static func apply(_ operations: [JSONValue], to document: JSONValue) throws(PatchError) -> JSONValue {
        var document = document
        for operation in operations {
            guard let op = operation["op"]?.stringValue, let path = operation["path"]?.stringValue else {
                throw PatchError("json patch operation needs \"op\" and \"path\": \(operation.canonicalJSON)")
            }
            let tokens = try pointer(path)
            switch op {
            case "add":
                try edit(&document, tokens[...], .add(try value(of: operation)))
            case "remove":
                try edit(&document, tokens[...], .remove)
            case "replace":
                try edit(&document, tokens[...], .replace(try value(of: operation)))
            case "move", "copy":
                guard let from = operation["from"]?.stringValue else {
                    throw PatchError("json patch \(op) operation needs \"from\"")
                }
                let source = try pointer(from)
                let moved = try read(document, source[...], path: from)
                if op == "move" { try edit(&document, source[...], .remove) }
                try edit(&document, tokens[...], .add(moved))
            case "test":
                let actual = try read(document, tokens[...], path: path)
                guard actual == (try value(of: operation)) else {
                    throw PatchError("testing value \(path) failed: test operation failed")
                }
            default:
                throw PatchError("Unexpected kind: \(op)")
            }
        }
        return document
    }

    private enum Edit {
        case add(JSONValue)
        case remove
        case replace(JSONValue)
    }

    private static func value(of operation: JSONValue) throws(PatchError) -> JSONValue {
        guard case .object(let members) = operation, let value = members["value"] else {
            throw PatchError("json patch operation needs a \"value\": \(operation.canonicalJSON)")
        }
        return value
    }

    /// `/spec/template` → `["spec", "template"]`, with `~1` → `/` and `~0` → `~`.
    static func pointer(_ path: String) throws(PatchError) -> [String] {
        if path.isEmpty { return [] }
        guard path.hasPrefix("/") else { throw PatchError("JSON pointer must be empty or start with a \"/\": \(path)") }
        return path.dropFirst().split(separator: "/", omittingEmptySubsequences: false).map {
            $0.replacingOccurrences(of: "~1", with: "/").replacingOccurrences(of: "~0", with: "~")
        }
    }

    private static func read(_ value: JSONValue, _ tokens: ArraySlice<String>, path: String) throws(PatchError)
        -> JSONValue
    {
        guard let token = tokens.first else { return value }
        switch value {
        case .object(let members):
            guard let child = members[token] else { throw PatchError("doc is missing path: \(path)") }
            return try read(child, tokens.dropFirst(), path: path)
        case .array(let items):
            guard let index = Int(token), items.indices.contains(index) else {
                throw PatchError("doc is missing path: \(path)")
            }
            return try read(items[index], tokens.dropFirst(), path: path)
        default:
            throw PatchError("doc is missing path: \(path)")
        }
    }

    private static func edit(_ value: inout JSONValue, _ tokens: ArraySlice<String>, _ edit: Edit) throws(PatchError) {
        guard let token = tokens.first else {
            switch edit {
            case .add(let new), .replace(let new): value = new
            case .remove: value = .null
            }
            return
        }
        let last = tokens.count == 1
        switch value {
        case .object(var members):
            if last {
                switch edit {
                case .add(let new): members[token] = new
                case .replace(let new):
                    guard members[token] != nil else {
                        throw PatchError("replace operation does not apply: doc is missing key: \(token)")
                    }
                    members[token] = new
                case .remove:
                    guard members[token] != nil else {
                        throw PatchError("remove operation does not apply: doc is missing key: \(token)")
                    }
                    members[token] = nil
                }
            } else {
                guard var child = members[token] else { throw PatchError("doc is missing path: \(token)") }
                try self.edit(&child, tokens.dropFirst(), edit)
                members[token] = child
            }
            value = .object(members)
        case .array(var items):
            if last, token == "-", case .add(let new) = edit {
                items.append(new)
            } else {
                guard let index = Int(token), index >= 0,
                    index < items.count || (last && index == items.count && isAdd(edit))
                else { throw PatchError("array index out of bounds: \(token)") }
                if last {
                    switch edit {
                    case .add(let new): items.insert(new, at: index)
                    case .replace(let new): items[index] = new
                    case .remove: items.remove(at: index)
                    }
                } else {
                    try self.edit(&items[index], tokens.dropFirst(), edit)
                }
            }
            value = .array(items)
        default:
            throw PatchError("doc is missing path: \(token)")
        }
    }

    private static func isAdd(_ edit: Edit) -> Bool {
        if case .add = edit { return true }
        return false
    }
}
