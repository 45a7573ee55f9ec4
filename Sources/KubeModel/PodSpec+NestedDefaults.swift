/// The core/v1 defaults below the container level (pkg/apis/core/v1/defaults.go and the generated
/// `SetObjectDefaults_Deployment`): probes, lifecycle handlers, downward-API selectors and volume sources.
/// They show up in every `-o yaml` of a real cluster's Deployment, so the template kubectl prints has them.
enum NestedDefaults {
    /// `SetDefaults_Probe`, with its handler's defaults.
    static func probe(_ value: JSONValue) -> JSONValue {
        guard case .object(var probe) = value else { return value }
        for (key, number) in [("timeoutSeconds", 1), ("periodSeconds", 10), ("successThreshold", 1), ("failureThreshold", 3)]
        where probe[key].isUnsetOrZero {
            probe[key] = .int(number)
        }
        return .object(handler(probe))
    }

    /// `SetDefaults_LifecycleHandler` for `postStart` and `preStop`.
    static func lifecycle(_ value: JSONValue) -> JSONValue {
        guard case .object(var lifecycle) = value else { return value }
        for key in ["postStart", "preStop"] {
            if case .object(let hook)? = lifecycle[key] { lifecycle[key] = .object(handler(hook)) }
        }
        return .object(lifecycle)
    }

    /// `SetDefaults_HTTPGetAction` (path `/`, scheme HTTP) and `GRPCAction.service`'s declared default `""`.
    private static func handler(_ handler: [String: JSONValue]) -> [String: JSONValue] {
        var handler = handler
        if case .object(var get)? = handler["httpGet"] {
            if get["path"].isUnsetString { get["path"] = .string("/") }
            if get["scheme"].isUnsetString { get["scheme"] = .string("HTTP") }
            handler["httpGet"] = .object(get)
        }
        if case .object(var grpc)? = handler["grpc"], grpc["service"].isUnset {
            grpc["service"] = .string("")
            handler["grpc"] = .object(grpc)
        }
        return handler
    }

    /// `SetDefaults_ResourceList` for `limits` and `requests`: each quantity rounded up to milli-units and stored in
    /// canonical form (a number becomes a string: `cpu: 0.5` is `"500m"`). What does not parse is left to validation.
    static func resources(_ value: JSONValue) -> JSONValue {
        guard case .object(var resources) = value else { return value }
        for key in ["limits", "requests"] {
            guard case .object(let list)? = resources[key] else { continue }
            resources[key] = .object(list.mapValues { quantity in Quantity.canonical(quantity).map(JSONValue.string) ?? quantity })
        }
        return .object(resources)
    }

    /// An `env` entry: a field selector's `apiVersion` is v1, a resource selector's `divisor` the zero quantity
    /// Go always writes.
    static func envVar(_ value: JSONValue) -> JSONValue {
        guard case .object(var entry) = value, case .object(var source)? = entry["valueFrom"] else { return value }
        source = selectors(source)
        entry["valueFrom"] = .object(source)
        return .object(entry)
    }

    /// `SetDefaults_ObjectFieldSelector` and the zero `divisor`, wherever a downward-API selector pair sits.
    private static func selectors(_ holder: [String: JSONValue]) -> [String: JSONValue] {
        var holder = holder
        if case .object(var field)? = holder["fieldRef"], field["apiVersion"].isUnsetString {
            field["apiVersion"] = .string("v1")
            holder["fieldRef"] = .object(field)
        }
        if case .object(var resource)? = holder["resourceFieldRef"], resource["divisor"].isUnset {
            resource["divisor"] = .string("0")
            holder["resourceFieldRef"] = .object(resource)
        }
        return holder
    }

    /// The keys of `VolumeSource`: a volume naming none of them gets an `emptyDir` (`SetDefaults_Volume`).
    private static let volumeSources: Set<String> = [
        "hostPath", "emptyDir", "gcePersistentDisk", "awsElasticBlockStore", "gitRepo", "secret", "nfs", "iscsi",
        "glusterfs", "persistentVolumeClaim", "rbd", "flexVolume", "cinder", "cephfs", "flocker", "downwardAPI", "fc",
        "azureFile", "configMap", "vsphereVolume", "quobyte", "azureDisk", "photonPersistentDisk", "projected",
        "portworxVolume", "scaleIO", "storageos", "csi", "ephemeral", "image",
    ]

    /// One volume: its source's defaults (`defaultMode` 420 = 0644, hostPath `type: ""`, token expiry an hour, a claim
    /// template's `volumeMode: Filesystem`).
    static func volume(_ value: JSONValue) -> JSONValue {
        guard case .object(var volume) = value else { return value }
        if !volume.contains(where: { volumeSources.contains($0.key) && $0.value != .null }) {
            volume["emptyDir"] = .object([:])
        }
        for key in ["secret", "configMap", "downwardAPI", "projected"] {
            guard case .object(var source)? = volume[key] else { continue }
            if source["defaultMode"].isUnset { source["defaultMode"] = .int(420) }
            if key == "downwardAPI" { source["items"] = source["items"].map(downwardItems) }
            if key == "projected" { source["sources"] = source["sources"].map(projections) }
            volume[key] = .object(source)
        }
        // The claim template's spec gets `SetDefaults_PersistentVolumeClaimSpec`'s volume mode.
        if case .object(var ephemeral)? = volume["ephemeral"], case .object(var template)? = ephemeral["volumeClaimTemplate"] {
            var spec = template["spec"]?.objectValue ?? [:]
            if spec["volumeMode"].isUnset { spec["volumeMode"] = .string("Filesystem") }
            template["spec"] = .object(spec)
            ephemeral["volumeClaimTemplate"] = .object(template)
            volume["ephemeral"] = .object(ephemeral)
        }
        if case .object(var hostPath)? = volume["hostPath"], hostPath["type"].isUnset {
            hostPath["type"] = .string("")
            volume["hostPath"] = .object(hostPath)
        }
        return .object(volume)
    }

    private static func downwardItems(_ items: JSONValue) -> JSONValue {
        guard case .array(let list) = items else { return items }
        return .array(list.map { item in item.objectValue.map { .object(selectors($0)) } ?? item })
    }

    private static func projections(_ sources: JSONValue) -> JSONValue {
        guard case .array(let list) = sources else { return sources }
        return .array(list.map { item in
            guard case .object(var projection) = item else { return item }
            if case .object(var downward)? = projection["downwardAPI"] {
                downward["items"] = downward["items"].map(downwardItems)
                projection["downwardAPI"] = .object(downward)
            }
            if case .object(var token)? = projection["serviceAccountToken"], token["expirationSeconds"].isUnset {
                token["expirationSeconds"] = .int(3600)
                projection["serviceAccountToken"] = .object(token)
            }
            return .object(projection)
        })
    }
}

extension Optional where Wrapped == JSONValue {
    /// Missing, `null` or `0`: what an `int32` field Go's defaulter replaces when it is zero.
    var isUnsetOrZero: Bool { isUnset || self == .int(0) }
}
