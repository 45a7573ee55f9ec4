import ControlPlane

extension Rollout {
    /// A rollout verb given several types at once (`deploy/web rs/x`, `deploy,rs -l app=web`): each Deployment is acted
    /// on in turn, each object of another type is refused in its place (kubectl has no viewer, rollbacker or patcher
    /// for it), and every error is reported at the end as CheckErr reports them, the NotFound errors first.
    ///
    /// - Returns: False when the arguments name one type, which the verb's own path takes.
    static func severalKinds(
        _ arguments: [String], selector: String?, namespace: String, source: ReadSource, refusal: RolloutRefusal,
        rawMessage: (CommandError) -> String = Rollout.bare, act: (String) throws -> Void
    ) throws -> Bool {
        guard arguments.count > 1 || arguments.first?.contains(",") == true else { return false }
        let groups = try ResourceArguments.groups(arguments, whenEmpty: .rollout, selecting: selector != nil)
        guard Set(groups.map(\.kind)).count > 1 else { return false }
        var notFound: [CommandError] = [], errors: [CommandError] = []
        for group in groups {
            // An object of another type is refused in its place; pause, resume and restart report a missing one with
            // the builder's NotFound errors, first.
            if group.kind != .deployment, !group.names.isEmpty {
                for name in group.names {
                    let error = try refusal.error(group.kind, names: [name]) { name in
                        try source.read { try group.kind.exists(name, namespace: namespace, in: $0) }
                    }
                    if refusal.isPerObject && error.status?.reason == "NotFound" {
                        notFound.append(error)
                    } else {
                        errors.append(error)
                    }
                }
                continue
            }
            let targets: DeploymentTargets
            do {
                targets = try DeploymentTargets(
                    group.arguments, selector: selector, namespace: namespace, in: source, refusal: refusal)
            } catch let refused as CommandError {
                errors.append(refused)
                continue
            }
            notFound += targets.notFound
            for name in targets.names {
                do {
                    try act(name)
                } catch let error as CommandError {
                    errors.append(error)
                }
            }
        }
        try DeploymentTargets.report(notFound + errors, rawMessage: rawMessage)
        return true
    }

    /// The viewers' and the rollbacker's errors in an aggregate: their own messages carry no `error: ` (only a lone
    /// one gets it from CheckErr).
    static func bare(_ error: CommandError) -> String {
        error.text.hasPrefix("error: ") ? String(error.text.dropFirst("error: ".count)) : error.text
    }
}
