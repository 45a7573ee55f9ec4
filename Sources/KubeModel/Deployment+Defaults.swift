extension Deployment {
    /// Applies the apps/v1 defaults the API server applies before validation and storage.
    public mutating func applyDefaults() {
        if spec.replicas == nil { spec.replicas = 1 }
        var strategy = spec.strategy ?? DeploymentStrategy()
        if strategy.type == nil || strategy.type == "" { strategy.type = "RollingUpdate" }
        if strategy.type == "RollingUpdate" {
            var rolling = strategy.rollingUpdate ?? RollingUpdateDeployment()
            if rolling.maxUnavailable == nil { rolling.maxUnavailable = .string("25%") }
            if rolling.maxSurge == nil { rolling.maxSurge = .string("25%") }
            strategy.rollingUpdate = rolling
        }
        spec.strategy = strategy
        if spec.revisionHistoryLimit == nil { spec.revisionHistoryLimit = 10 }
        if spec.progressDeadlineSeconds == nil { spec.progressDeadlineSeconds = 600 }
        spec.template.spec.applyDefaults()
    }

    /// The Deployment with today's defaults applied (a no-op for one admitted since they were added).
    public var defaulted: Deployment {
        var copy = self
        copy.applyDefaults()
        return copy
    }
}

extension PodSpec {
    /// The core/v1 pod defaults that show up in `-o yaml` and feed the template hash.
    public mutating func applyDefaults() {
        if raw["dnsPolicy"].isUnsetString { raw["dnsPolicy"] = .string("ClusterFirst") }
        if raw["restartPolicy"].isUnsetString { raw["restartPolicy"] = .string("Always") }
        if raw["schedulerName"].isUnsetString { raw["schedulerName"] = .string("default-scheduler") }
        if raw["securityContext"].isUnset { raw["securityContext"] = .object([:]) }
        if raw["terminationGracePeriodSeconds"].isUnset { raw["terminationGracePeriodSeconds"] = .int(30) }
        if raw["containers"] != nil { containers = containers.map { $0.defaulted() } }
        if let initContainers = raw["initContainers"]?.arrayValue {
            raw["initContainers"] = .array(initContainers.map { .object(Container(raw: $0.objectValue ?? [:]).defaulted().raw) })
        }
        if case .array(let volumes)? = raw["volumes"] { raw["volumes"] = .array(volumes.map(NestedDefaults.volume)) }
        // The v1 conversion: `serviceAccount` is the deprecated alias, filled from `serviceAccountName` (which wins).
        let account = [raw["serviceAccountName"], raw["serviceAccount"]].lazy.compactMap { $0?.stringValue }
            .first { !$0.isEmpty }
        if let account {
            raw["serviceAccountName"] = .string(account)
            raw["serviceAccount"] = .string(account)
        }
    }
}

extension Container {
    /// `imagePullPolicy` is Always for `:latest` or untagged images, IfNotPresent otherwise.
    public static func defaultPullPolicy(for image: String) -> String {
        // An image that does not parse as a reference (empty, blanks) leaves the tag empty upstream: IfNotPresent.
        if image.isEmpty || image.contains(where: \.isWhitespace) || image.contains("@") { return "IfNotPresent" }
        let lastComponent = image.split(separator: "/").last.map(String.init) ?? image
        guard let colon = lastComponent.lastIndex(of: ":") else { return "Always" }
        return lastComponent[lastComponent.index(after: colon)...] == "latest" ? "Always" : "IfNotPresent"
    }

    func defaulted() -> Container {
        var copy = self
        if copy.raw["imagePullPolicy"].isUnsetString {
            copy.raw["imagePullPolicy"] = .string(Container.defaultPullPolicy(for: image))
        }
        if let ports = copy.raw["ports"]?.arrayValue {
            copy.raw["ports"] = .array(ports.map { port in
                var port = port
                if port["protocol"].isUnsetString { port["protocol"] = .string("TCP") }
                return port
            })
        }
        if copy.raw["resources"].isUnset { copy.raw["resources"] = .object([:]) }
        if let resources = copy.raw["resources"] { copy.raw["resources"] = NestedDefaults.resources(resources) }
        if copy.raw["terminationMessagePath"].isUnsetString {
            copy.raw["terminationMessagePath"] = .string("/dev/termination-log")
        }
        if copy.raw["terminationMessagePolicy"].isUnsetString { copy.raw["terminationMessagePolicy"] = .string("File") }
        if case .array(let env)? = copy.raw["env"] { copy.raw["env"] = .array(env.map(NestedDefaults.envVar)) }
        for key in ["livenessProbe", "readinessProbe", "startupProbe"] {
            if let probe = copy.raw[key] { copy.raw[key] = NestedDefaults.probe(probe) }
        }
        if let lifecycle = copy.raw["lifecycle"] { copy.raw["lifecycle"] = NestedDefaults.lifecycle(lifecycle) }
        return copy
    }
}

extension Optional where Wrapped == JSONValue {
    /// Missing or `null`: what Go decodes to a nil pointer, which the defaulter then fills in.
    var isUnset: Bool {
        switch self {
        case nil, .null?: return true
        default: return false
        }
    }

    /// Missing, `null` or `""`: Go decodes all three to the empty string the defaulter replaces.
    var isUnsetString: Bool { isUnset || self == .string("") }
}
