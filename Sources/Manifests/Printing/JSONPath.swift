/// kubectl's `-o jsonpath=TEMPLATE` (client-go util/jsonpath), parsed and run as client-go does: text, and
/// actions `{…}` of fields (`.a`, `..a`, `.*`), brackets (`[n]`, `[a:b:c]`, `[*]`, `['a.b']`, unions `[0,2]`,
/// filters `[?(@.k == "v")]`), quoted literals (`"\n"`, `'x'`) and the `range` and `end` keywords.
///
/// The template parses into client-go's flat tree: one list of nodes per action, and `range` and `end` are plain
/// identifiers that only mean something when the template runs. So `{range .items[*]}` needs no `{end}`, and a
/// stray `{end}` fails when executed, not when parsed. Missing keys print nothing, as every kubectl printer
/// allows them (`--allow-missing-template-keys` defaults to true).
///
/// ```swift
/// try JSONPath("{.items[*].metadata.name}").render(list)   // "web api"
/// ```
public struct JSONPath: Sendable {
    /// client-go's `Node` kinds (node.go).
    indirect enum Node: Sendable {
        /// One action's nodes, a union member, or one side of a filter.
        case list([Node])
        case text(String)
        case field(String)
        case wildcard
        case recursive
        case array(Slice)
        case filter(left: [Node], op: String, right: [Node])
        case union([[Node]])
        case int(Int)
        case float(Double)
        case bool(Bool)
        case identifier(String)
    }

    /// An `ArrayNode`'s three `ParamsEntry`s: `[start:end:step]`, each maybe unknown; `[n]` is `[n:n+1]` with a
    /// derived end.
    struct Slice: Sendable {
        var start: Int?
        var end: Int?
        var step: Int?
        /// The end was not written but worked out from the start (`[n]`), so `[-1]` ends at the length.
        var endDerived = false
    }

    /// The template as given, for error messages.
    public let template: String
    /// The top-level nodes: text, and one `.list` per action.
    let nodes: [Node]

    /// Parses a template; throws kubectl's `error parsing jsonpath TEMPLATE, REASON`.
    public init(_ template: String) throws(JSONPathError) {
        self.template = template
        do {
            nodes = try Parser.parse(template)
        } catch {
            throw JSONPathError(description: "error parsing jsonpath \(template), \(error.reason)")
        }
    }
}

/// A template that does not parse, worded as kubectl's JSONPath print flags word it.
public struct JSONPathError: Error, Sendable, Equatable, CustomStringConvertible {
    public var description: String
}

extension JSONPath {
    /// A template that parsed but failed on the object, with client-go's reason (`array index out of bounds: index
    /// 5, length 2`, `not in range, nothing to end`).
    public struct ExecutionError: Error, Sendable, Equatable {
        public var reason: String
    }
}
