import ControlPlane
import KubeModel

/// `get --field-selector`: `field=value`, `field==value` or `field!=value`, comma-joined, over the fields the
/// API server lets each kind be selected by; it refuses the rest as a BadRequest, worded as kubectl shows it.
struct FieldQuery {
    var requirements: [(path: [String], value: String, negated: Bool)]

    init(_ text: String, kind: ResourceKind, labelSelector: String?) throws {
        func refusal(_ reason: String) -> CommandError {
            let resource = switch kind {
            case .pod, .event, .resourceQuota: "/v1, Resource=\(kind.pluralName)"
            case .deployment, .replicaSet: "apps/v1, Resource=\(kind == .deployment ? "deployments" : "replicasets")"
            }
            return CommandError(
                "Error from server (BadRequest): Unable to find \"\(resource)\" that match label selector "
                    + "\"\(labelSelector ?? "")\", field selector \"\(text)\": \(reason)")
        }
        requirements = try text.split(separator: ",").map { clause in
            let part = String(clause)
            let operators = [("!=", true), ("==", false), ("=", false)]
            guard let (op, negated) = operators.first(where: { part.contains($0.0) }),
                let range = part.range(of: op)
            else { throw refusal("invalid selector: '\(text)'; can't understand '\(part)'") }
            let field = String(part[..<range.lowerBound])
            guard Self.fields(of: kind).contains(field) else { throw refusal("field label not supported: \(field)") }
            // An Event's `source` selects by its component (the field-label conversion's `source.component`).
            let path = kind == .event && field == "source" ? ["source", "component"] : field.split(separator: ".").map(String.init)
            return (path, String(part[range.upperBound...]), negated)
        }
    }

    /// The fields kube-apiserver's field-label conversion accepts for each kind.
    static func fields(of kind: ResourceKind) -> Set<String> {
        let common: Set<String> = ["metadata.name", "metadata.namespace"]
        switch kind {
        case .deployment, .resourceQuota: return common
        case .replicaSet: return common.union(["status.replicas"])
        case .pod:
            return common.union([
                "spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName", "status.phase",
                "status.podIP",
            ])
        case .event:
            return common.union([
                "involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid",
                "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason",
                "reportingComponent", "source", "type",
            ])
        }
    }

    func matches(_ object: JSONValue) -> Bool {
        requirements.allSatisfy { requirement in
            var value: JSONValue? = object
            for key in requirement.path { value = value?[key] }
            let text: String
            switch value {
            case .string(let string): text = string
            case .int(let number): text = String(number)
            default: text = ""
            }
            return (text == requirement.value) != requirement.negated
        }
    }
}
