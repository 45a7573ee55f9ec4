import ControlPlane

/// What a rollout verb says when its objects are not Deployments (polymorphichelpers): the viewers and the
/// rollbacker are looked up by kind, once; pause, resume and restart fail object by object. Either way an object
/// that does not exist is NotFound first, as the resource builder fetches it before any of that.
enum RolloutRefusal {
    /// `no status viewer has been implemented for ReplicaSet.apps`
    case statusViewer
    /// `no history viewer has been implemented for "ReplicaSet.apps"`
    case historyViewer
    /// `no rollbacker has been implemented for "ReplicaSet.apps"`
    case rollbacker
    /// `replicasets.apps "web-1" pausing is not supported` (`pausing`, `resuming`, `restarting`)
    case unsupported(gerund: String)

    /// The error for `names` of `kind` (not a Deployment), given which of them exist. The viewers and the
    /// rollbacker answer object by object in the order named, NotFound among them; pause, resume and restart get
    /// the builder's NotFound errors first. Several errors print as CheckErr prints an aggregate: each message
    /// bare (pause's own messages begin with `error: `), one per line.
    func error(_ kind: ResourceKind, names: [String], exists: (String) throws -> Bool) throws -> CommandError {
        let groupKind = kind == .pod ? "Pod" : kind == .replicaSet ? "ReplicaSet.apps" : "Event"
        var missing: [CommandError] = [], answers: [CommandError] = []
        for name in names {
            guard try exists(name) else {
                if isPerObject {
                    missing.append(CommandError.notFound(kind.resource, name))
                } else {
                    answers.append(CommandError.notFound(kind.resource, name))
                }
                continue
            }
            switch self {
            case .statusViewer: answers.append(.client("no status viewer has been implemented for \(groupKind)"))
            case .historyViewer: answers.append(.client("no history viewer has been implemented for \"\(groupKind)\""))
            case .rollbacker: answers.append(.client("no rollbacker has been implemented for \"\(groupKind)\""))
            case .unsupported(let gerund):
                answers.append(CommandError("error: \(kind.resource) \"\(name)\" \(gerund) is not supported"))
            }
        }
        let errors = missing + answers
        if errors.count == 1 { return errors[0] }
        return CommandError(errors.map { error in
            !isPerObject && error.text.hasPrefix("error: ") ? String(error.text.dropFirst("error: ".count)) : error.text
        }.joined(separator: "\n"))
    }

    var isPerObject: Bool { if case .unsupported = self { true } else { false } }
}
