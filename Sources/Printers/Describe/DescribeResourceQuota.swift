public import KubeModel

/// `kubectl describe resourcequota` (describe.go `describeQuota`): the scopes with their help text, then each
/// limited resource's use against its limit.
public func describeResourceQuota(_ quota: ResourceQuota) -> String {
    var writer = DescribeWriter()
    writer.write(0, "Name:\t\(quota.name)\n")
    writer.write(0, "Namespace:\t\(quota.namespace)\n")
    let scopes = (quota.spec.scopes ?? []).sorted()
    if !scopes.isEmpty {
        writer.write(0, "Scopes:\t\(scopes.joined(separator: ", "))\n")
        for scope in scopes {
            if let help = scopeHelp[scope] { writer.write(0, " * \(help)\n") }
        }
    }
    writer.write(0, "Resource\tUsed\tHard\n")
    writer.write(0, "--------\t----\t----\n")
    let hard = ResourceList(texts: quota.status?.hard), used = ResourceList(texts: quota.status?.used)
    for name in hard.keys.sorted() {
        let limit = hard[name]!
        writer.write(0, "\(name)\t\((used[name] ?? .zero).inForm(of: limit))\t\(limit)\n")
    }
    return writer.finish()
}

/// `helpTextForResourceQuotaScope`.
private let scopeHelp = [
    "Terminating": "Matches all pods that have an active deadline. These pods have a limited lifespan on a node before being actively terminated by the system.",
    "NotTerminating": "Matches all pods that do not have an active deadline. These pods usually include long running pods whose container command is not expected to terminate.",
    "BestEffort": "Matches all pods that do not have resource requirements set. These pods have a best effort quality of service.",
    "NotBestEffort": "Matches all pods that have at least one resource requirement set. These pods have a burstable or guaranteed quality of service.",
]
