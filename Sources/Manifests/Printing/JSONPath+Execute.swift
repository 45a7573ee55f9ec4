public import KubeModel

extension JSONPath {
    /// client-go's `FindResults`: the values each node finds, one list per top-level node, ranges unrolled; what
    /// `Execute` then prints. Throws where client-go fails (an index out of bounds, an `end` outside a range, a
    /// comparison of unlike values).
    ///
    /// - Complexity: O(*n*) in the size of the object for each action, more for `..` and ranges.
    public func results(in root: JSONValue) throws(ExecutionError) -> [[JSONValue]] {
        var run = Run()
        do {
            return try run.findResults(root, nodes[...])
        } catch {
            throw ExecutionError(reason: error.reason)
        }
    }

    /// One execution: client-go's `JSONPath` state, where `range` and `end` are counters rather than a nested
    /// tree.
    struct Run {
        /// A failure, with the values Go's walk returns beside the error (an `exists` filter counts them as found).
        struct Failure: Error {
            var reason: String
            var partial: [JSONValue]
        }

        var beginRange = 0
        var inRange = 0
        var endRange = 0
        /// The index, among the template's top-level nodes, of the `end` that last closed an iteration.
        var lastEnd: Int?

        /// `FindResults`. A `range` runs the nodes after it once per value, each run stopping at its `end`; then
        /// the template goes on after that `end`. Without an `end`, the nodes after the `range` run once more, on
        /// the value the range was in (where `{.metadata.name}` of a `List` finds nothing).
        mutating func findResults(_ data: JSONValue, _ nodes: ArraySlice<Node>) throws(Failure) -> [[JSONValue]] {
            let current = [data]
            var full: [[JSONValue]] = []
            var index = nodes.startIndex
            while index < nodes.endIndex {
                defer { index += 1 }
                let results = try walk(current, nodes[index])
                if endRange > 0 && endRange <= inRange {
                    endRange -= 1
                    lastEnd = index
                    break
                }
                guard beginRange > 0 else {
                    full.append(results)
                    continue
                }
                beginRange -= 1
                inRange += 1
                let body = nodes[(index + 1)...]
                if results.isEmpty {
                    // Run over nothing, only to find where the range ends.
                    _ = try findResults(.null, body)
                }
                for value in results { full += try findResults(value, body) }
                inRange -= 1
                if let lastEnd, body.indices.contains(lastEnd) { index = lastEnd }
            }
            return full
        }

        mutating func walk(_ input: [JSONValue], _ node: Node) throws(Failure) -> [JSONValue] {
            switch node {
            case .list(let nodes): return try list(input, nodes)
            case .text(let text): return [.string(text)]
            case .field(let name): return field(input, name)
            case .array(let slice): return try Self.array(input, slice)
            case .filter(let left, let op, let right): return try filter(input, left, op, right)
            case .int(let number): return input.map { _ in .int(number) }
            case .float(let number): return input.map { _ in .double(number) }
            case .bool(let flag): return input.map { _ in .bool(flag) }
            case .wildcard: return Self.wildcard(input)
            case .recursive: return Self.recursive(input)
            case .union(let members):
                var results: [JSONValue] = []
                for member in members {
                    do {
                        results += try list(input, member)
                    } catch {
                        throw Failure(reason: error.reason, partial: input)
                    }
                }
                return results
            case .identifier(let name): return try identifier(input, name)
            }
        }

        /// `evalList`: each node applied to what the one before found.
        mutating func list(_ input: [JSONValue], _ nodes: [Node]) throws(Failure) -> [JSONValue] {
            var values = input
            for node in nodes { values = try walk(values, node) }
            return values
        }

        /// `evalIdentifier`: `range` starts a loop over what the rest of its action finds; `end` ends an
        /// iteration.
        private mutating func identifier(_ input: [JSONValue], _ name: String) throws(Failure) -> [JSONValue] {
            switch name {
            case "range":
                beginRange += 1
                return input
            case "end":
                guard inRange > 0 else { throw Failure(reason: "not in range, nothing to end", partial: []) }
                endRange += 1
                return []
            default:
                throw Failure(reason: "unrecognized identifier \(name)", partial: input)
            }
        }

        /// `evalField` with missing keys allowed: a key's value (a JSON null too) in each object.
        private func field(_ input: [JSONValue], _ name: String) -> [JSONValue] {
            input.compactMap { value in
                if case .object(let object) = value { object[name] } else { nil }
            }
        }

        /// `evalArray`: the slice of each list; null is skipped, anything else is an error, and so is an index
        /// outside the list unless the slice asks for nothing (which ends the evaluation, as in Go).
        private static func array(_ input: [JSONValue], _ slice: Slice) throws(Failure) -> [JSONValue] {
            var results: [JSONValue] = []
            for value in input where value != .null {
                func failure(_ reason: String) -> Failure { Failure(reason: reason, partial: input) }
                guard case .array(let items) = value else {
                    throw failure("\(GoTemplate.Run.goType(value)) is not array or slice")
                }
                let length = items.count
                var start = slice.start ?? 0
                if start < 0 { start += length }
                var end = slice.end ?? length
                if end < 0 || (end == 0 && slice.endDerived) { end += length }
                guard end != start else { return results }
                if start >= length || start < 0 {
                    throw failure("array index out of bounds: index \(start), length \(length)")
                }
                if end > length || end < 0 {
                    throw failure("array index out of bounds: index \(end &- 1), length \(length)")
                }
                if start > end { throw failure("starting index \(start) is greater than ending index \(end)") }
                let step = slice.step ?? 1
                if step <= 0 { throw failure("step must be > 0") }
                results += stride(from: start, to: end, by: step).map { items[$0] }
            }
            return results
        }

        /// `evalWildcard`: an object's values (by sorted key, where Go's map order is random), a list's items, or
        /// a string's bytes.
        static func wildcard(_ input: [JSONValue]) -> [JSONValue] {
            input.flatMap { value -> [JSONValue] in
                switch value {
                case .object(let object): GoJSONWriter.sortedKeys(object).map { object[$0]! }
                case .array(let items): items
                case .string(let text): text.utf8.map { .int(Int($0)) }
                default: []
                }
            }
        }

        /// `evalRecursive`: every value with something inside (objects, lists, non-empty strings), each before
        /// what it holds.
        static func recursive(_ input: [JSONValue]) -> [JSONValue] {
            input.flatMap { value -> [JSONValue] in
                let children = wildcard([value])
                return children.isEmpty ? [] : [value] + recursive(children)
            }
        }
    }
}
