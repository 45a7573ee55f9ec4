import ControlPlane
import KubeModel

/// A `fieldSelector` query: `metadata.name=web`, `involvedObject.uid=…,involvedObject.kind=Deployment`.
///
/// Only `=`, `==` and `!=` exist; each resource supports a fixed set of fields, and any other field is a
/// 400 `BadRequest`, as kube-apiserver answers it.
struct FieldSelector: Sendable {
    struct Requirement: Sendable {
        var field: String
        var value: String
        var negated: Bool
    }

    var requirements: [Requirement]

    static let everything = FieldSelector(requirements: [])

    init(requirements: [Requirement]) { self.requirements = requirements }

    init(_ text: String?, for resource: ServedResource) throws(APIError) {
        requirements = []
        guard let text, !text.isEmpty else { return }
        for clause in text.split(separator: ",") {
            let part = String(clause)
            let requirement: Requirement
            if let range = part.range(of: "!=") {
                requirement = Requirement(
                    field: String(part[..<range.lowerBound]), value: String(part[range.upperBound...]), negated: true)
            } else if let range = part.range(of: "==") ?? part.range(of: "=") {
                requirement = Requirement(
                    field: String(part[..<range.lowerBound]), value: String(part[range.upperBound...]), negated: false)
            } else {
                throw APIError(.badRequest("invalid selector: '\(text)'; can't understand '\(part)'"))
            }
            guard FieldSelector.fields(of: resource).contains(requirement.field) else {
                throw APIError(.badRequest("field label not supported: \(requirement.field)"))
            }
            requirements.append(requirement)
        }
    }

    /// The fields kube-apiserver lets each resource be selected by.
    static func fields(of resource: ServedResource) -> Set<String> {
        let common: Set<String> = ["metadata.name", "metadata.namespace"]
        switch resource.name {
        case "pods":
            return common.union([
                "spec.nodeName", "spec.restartPolicy", "spec.schedulerName", "spec.serviceAccountName", "status.phase",
                "status.podIP",
            ])
        case "replicasets":
            return common.union(["status.replicas"])
        case "events":
            return common.union([
                "involvedObject.kind", "involvedObject.namespace", "involvedObject.name", "involvedObject.uid",
                "involvedObject.apiVersion", "involvedObject.resourceVersion", "involvedObject.fieldPath", "reason",
                "reportingComponent", "source", "type",
            ])
        default:
            return common
        }
    }

    func matches(_ object: WatchedObject) -> Bool {
        requirements.allSatisfy { requirement in
            let actual = FieldSelector.value(of: requirement.field, in: object) ?? ""
            return (actual == requirement.value) != requirement.negated
        }
    }

    /// The name this selector pins, if it says `metadata.name=NAME`.
    var pinnedName: String? {
        requirements.first { $0.field == "metadata.name" && !$0.negated }?.value
    }

    private static func value(of field: String, in object: WatchedObject) -> String? {
        switch field {
        case "metadata.name": return object.name
        case "metadata.namespace": return object.namespace
        default: break
        }
        switch object {
        case .pod(let pod):
            switch field {
            case "spec.nodeName": return pod.spec.nodeName
            case "spec.restartPolicy": return pod.spec.restartPolicy
            case "spec.schedulerName": return pod.spec.raw["schedulerName"]?.stringValue
            case "spec.serviceAccountName": return pod.spec.serviceAccountName
            case "status.phase": return pod.status.phase
            case "status.podIP": return pod.status.podIP
            default: return nil
            }
        case .replicaSet(let replicaSet):
            return field == "status.replicas" ? String(replicaSet.status.replicas ?? 0) : nil
        case .event(let event):
            switch field {
            case "involvedObject.kind": return event.involvedObject.kind
            case "involvedObject.namespace": return event.involvedObject.namespace
            case "involvedObject.name": return event.involvedObject.name
            case "involvedObject.uid": return event.involvedObject.uid
            case "involvedObject.apiVersion": return event.involvedObject.apiVersion
            case "involvedObject.fieldPath": return event.involvedObject.fieldPath
            case "reason": return event.reason
            case "source": return event.source
            case "type": return event.type
            default: return nil
            }
        case .deployment, .resourceQuota:
            return nil
        }
    }
}

/// A `labelSelector` query, with kubectl's syntax.
struct LabelSelectorQuery: Sendable {
    var query: LabelQuery?

    init(_ text: String?) throws(APIError) {
        guard let text, !text.isEmpty else { return }
        guard let query = LabelQuery(text) else {
            throw APIError(.badRequest("unable to parse requirement: \(text)"))
        }
        self.query = query
    }

    func matches(_ object: WatchedObject) -> Bool { query?.matches(object.labels) ?? true }
}
