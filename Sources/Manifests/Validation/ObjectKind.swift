import KubeModel

/// A group, version and kind, as kubectl reads them from `apiVersion` and `kind`.
struct GroupVersionKind: Hashable {
    var group: String
    var version: String
    var kind: String

    /// `apps/v1`, or just `v1` for the core group.
    var groupVersion: String { group.isEmpty ? version : "\(group)/\(version)" }

    static let deployment = GroupVersionKind(group: "apps", version: "v1", kind: "Deployment")
    static let replicaSet = GroupVersionKind(group: "apps", version: "v1", kind: "ReplicaSet")
    static let pod = GroupVersionKind(group: "", version: "v1", kind: "Pod")
    static let resourceQuota = GroupVersionKind(group: "", version: "v1", kind: "ResourceQuota")
    static let list = GroupVersionKind(group: "", version: "v1", kind: "List")

    /// kubectl's `getObjectKind`: the checks behind `error validating data: kind not set`.
    ///
    /// - Returns: the kind, or the messages kubectl aggregates (`[apiVersion not set, kind not set]`).
    static func of(_ value: JSONValue) -> Result<GroupVersionKind, KubectlErrorList> {
        guard case .object(let fields) = value else { return .failure(["invalid object to validate"]) }
        var errors: KubectlErrorList = []
        var group = ""
        var version = ""
        switch fields["apiVersion"] {
        case nil, .null?: errors.append("apiVersion not set")
        case .string(let apiVersion)?:
            switch apiVersion.count(where: { $0 == "/" }) {
            case 0: version = apiVersion
            case 1 where apiVersion == "/": break
            case 1:
                let parts = apiVersion.split(separator: "/", omittingEmptySubsequences: false)
                group = String(parts[0])
                version = String(parts[1])
            default: errors.append("unexpected GroupVersion string: \(apiVersion)")
            }
        default: errors.append("apiVersion isn't string type")
        }
        var kind = ""
        switch fields["kind"] {
        case nil, .null?: errors.append("kind not set")
        case .string(let text)?: kind = text
        default: errors.append("kind isn't string type")
        }
        guard errors.isEmpty else { return .failure(errors) }
        return .success(GroupVersionKind(group: group, version: version, kind: kind))
    }

    /// `meta.IsListType`: `v1` `List`, or any kind named `…List` whose object has `items` (`DeploymentList`).
    func isList(_ value: JSONValue) -> Bool {
        if self == .list { return true }
        guard kind.hasSuffix("List"), case .array? = value["items"] else { return false }
        return true
    }

    /// The REST mapper's `NoKindMatchError` text for a kind Rollbook does not serve.
    var noMatchMessage: String { "no matches for kind \(goQuoted(kind)) in version \(goQuoted(groupVersion))" }
}

/// The messages of a `utilerrors.Aggregate`, rendered the way it prints itself.
struct KubectlErrorList: ExpressibleByArrayLiteral, Error {
    var messages: [String]

    init(arrayLiteral elements: String...) { messages = elements }

    var isEmpty: Bool { messages.isEmpty }

    mutating func append(_ message: String) { messages.append(message) }

    mutating func append(contentsOf other: KubectlErrorList) { messages.append(contentsOf: other.messages) }

    /// One message as is; several de-duplicated, comma-separated and bracketed.
    var rendered: String {
        var seen: Set<String> = []
        let unique = messages.filter { seen.insert($0).inserted }
        return unique.count == 1 ? unique[0] : "[" + unique.joined(separator: ", ") + "]"
    }
}
