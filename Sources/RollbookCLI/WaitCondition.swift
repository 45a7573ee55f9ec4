import ControlPlane
import KubeModel
import Manifests

/// What `wait --for=` waits for (kubectl's wait package): an object created or deleted, a status condition with a
/// value, or a JSONPath that finds a value (any, or one equal to a given text).
enum WaitCondition {
    case create
    case delete
    /// Matched after Unicode simple case folding, as `strings.EqualFold` matches.
    case condition(type: String, status: String)
    /// `value` nil: any value found will do.
    case jsonPath(JSONPath, value: String?)

    /// `conditionFuncFor`, with its errors.
    init(parsing text: String) throws {
        switch text.lowercased() {
        case "create": self = .create; return
        case "delete": self = .delete; return
        default: break
        }
        if text.hasPrefix("condition=") {
            let rest = text.dropFirst("condition=".count)
            if let equals = rest.firstIndex(of: "=") {
                self = .condition(type: String(rest[..<equals]), status: String(rest[rest.index(after: equals)...]))
            } else {
                self = .condition(type: String(rest), status: "true")
            }
        } else if text.hasPrefix("jsonpath=") {
            self = try Self.jsonPath(String(text.dropFirst("jsonpath=".count)))
        } else {
            throw CommandError.client("unrecognized condition: \(goQuoted(text))")
        }
    }

    /// `processJSONPathInput` and `newJSONPathParser`.
    private static func jsonPath(_ input: String) throws -> WaitCondition {
        let parts = splitOnSingleEquals(input)
        guard parts.count <= 2 else {
            throw CommandError.client(
                "jsonpath wait format must be --for=jsonpath='{.status.readyReplicas}'=3 or --for=jsonpath='{.status.readyReplicas}'")
        }
        let expression = try RelaxedJSONPath.expression(parts[0])
        var value: String?
        if parts.count == 2 {
            let trimmed = parts[1].trimmingCharacters(in: ["'", "\""])
            guard !trimmed.isEmpty else {
                throw CommandError.client(
                    "jsonpath wait has to have a value after equal sign, like --for=jsonpath='{.status.readyReplicas}'=3")
            }
            value = trimmed
        }
        guard !expression.isEmpty else { throw CommandError.client("jsonpath expression cannot be empty") }
        do {
            return .jsonPath(try JSONPath(expression), value: value)
        } catch {
            throw CommandError.client(error.description)
        }
    }

    /// `splitJSONPathInput`: splits on `=`, but `==` (a filter's comparison) stays whole.
    static func splitOnSingleEquals(_ input: String) -> [String] {
        var parts: [String] = []
        var current = ""
        var characters = input[...]
        while let character = characters.popFirst() {
            if character == "=" {
                if characters.first == "=" {
                    characters.removeFirst()
                    current += "=="
                } else {
                    parts.append(current)
                    current = ""
                }
            } else {
                current.append(character)
            }
        }
        return parts + [current]
    }

    /// Whether `object` (as the API server serves it) meets a condition or a JSONPath; `create` and `delete` are
    /// met by the object's existence, which the caller checks.
    ///
    /// - Throws: kubectl's errors for a JSONPath that finds several values, or an object or list to compare.
    func isMet(by object: JSONValue) throws -> Bool {
        switch self {
        case .create, .delete:
            return false
        case .condition(let type, let status):
            return Self.conditionMet(object, type: type, status: status)
        case .jsonPath(let path, let value):
            // `checkCondition` reports FindResults' own failures (an index out of bounds, say) rather than waiting.
            let results: [[JSONValue]]
            do {
                results = try path.results(in: object)
            } catch {
                throw CommandError.client(error.reason)
            }
            guard let found = results.first, let first = found.first else { return false }
            guard results.count == 1 else {
                throw CommandError.client("given jsonpath expression matches more than one list")
            }
            guard found.count == 1 else {
                throw CommandError.client("given jsonpath expression matches more than one value")
            }
            guard let value else { return true }
            switch first {
            case .object, .array:
                throw CommandError.client("jsonpath leads to a nested object or list which is not supported")
            default:
                let text = JSONPath.goValueText(first)
                let trimmed = { (text: String) in text.trimmingCharacters(in: .whitespacesAndNewlines) }
                return trimmed(text) == trimmed(value)
            }
        }
    }

    /// `ConditionalWait.checkCondition`: the first condition of the type that has a status decides, unless it (or the
    /// status) was observed for an older generation than the object's.
    private static func conditionMet(_ object: JSONValue, type: String, status wanted: String) -> Bool {
        guard case .array(let conditions)? = object["status"]?["conditions"] else { return false }
        for condition in conditions {
            guard case .object = condition else { return false }
            guard case .string(let name)? = condition["type"], equalFold(name, type),
                case .string(let status)? = condition["status"]
            else { continue }
            if case .int(let generation)? = object["metadata"]?["generation"],
                let observed = observedGeneration(object, condition), observed < generation
            {
                return false
            }
            return equalFold(status, wanted)
        }
        return false
    }

    private static func observedGeneration(_ object: JSONValue, _ condition: JSONValue) -> Int? {
        if case .int(let observed)? = condition["observedGeneration"] { return observed }
        if case .int(let observed)? = object["status"]?["observedGeneration"] { return observed }
        return nil
    }

    /// `strings.EqualFold`, close enough: simple case folding is what `lowercased` does for the ASCII condition
    /// types and statuses Kubernetes uses.
    private static func equalFold(_ a: String, _ b: String) -> Bool { a.lowercased() == b.lowercased() }
}
