import KubeModel

/// Builds the typed `Deployment` from a manifest that passed ``StrictDecoding``, the way Go fills a struct:
/// missing and `null` fields stay at their zero value, so validation (not decoding) reports what is missing.
enum DeploymentReader {
    static func read(_ manifest: JSONValue) -> Deployment {
        let raw = TypedObject.deployment.omittingEmpties(manifest)
        var deployment = Deployment(
            metadata: objectMeta(raw["metadata"] ?? .null), spec: deploymentSpec(raw["spec"] ?? .null))
        deployment.apiVersion = raw["apiVersion"]?.stringValue ?? "apps/v1"
        deployment.kind = raw["kind"]?.stringValue ?? "Deployment"
        return deployment
    }

    /// A ReplicaSet the same way; its selector is a pointer too, so the manifest says whether it had one.
    static func readReplicaSet(_ manifest: JSONValue) -> ReplicaSetManifest {
        let raw = TypedObject.replicaSet.omittingEmpties(manifest)
        let spec = raw["spec"] ?? .null
        let selector = spec["selector"].flatMap(labelSelector)
        var replicaSet = ReplicaSet(
            metadata: objectMeta(raw["metadata"] ?? .null),
            spec: ReplicaSetSpec(
                replicas: spec["replicas"]?.intValue, minReadySeconds: spec["minReadySeconds"]?.intValue,
                selector: selector ?? LabelSelector(), template: podTemplate(spec["template"] ?? .null)))
        replicaSet.apiVersion = raw["apiVersion"]?.stringValue ?? "apps/v1"
        return ReplicaSetManifest(replicaSet: replicaSet, selectorGiven: selector != nil)
    }

    /// A Pod's metadata and spec; its status is the kubelet's, which a create ignores.
    static func readPod(_ manifest: JSONValue) -> Pod {
        let raw = TypedObject.pod.omittingEmpties(manifest)
        return Pod(
            metadata: objectMeta(raw["metadata"] ?? .null),
            spec: PodSpec(raw: withoutNulls(raw["spec"] ?? .null).objectValue ?? [:]))
    }

    /// A ResourceQuota's metadata and spec (quantities in canonical form); its status is the quota controller's.
    static func readQuota(_ manifest: JSONValue) -> ResourceQuota {
        let raw = TypedObject.resourceQuota.omittingEmpties(manifest)
        let spec = raw["spec"] ?? .null
        let hard = spec["hard"]?.objectValue?.compactMapValues(Quantity.canonical)
        let scopeSelector = spec["scopeSelector"]?["matchExpressions"]?.arrayValue.map { expressions in
            ScopeSelector(matchExpressions: expressions.map {
                ScopedResourceSelectorRequirement(
                    scopeName: $0["scopeName"]?.stringValue ?? "", operator: $0["operator"]?.stringValue ?? "",
                    values: $0["values"]?.arrayValue?.compactMap(\.stringValue))
            })
        }
        return ResourceQuota(
            metadata: objectMeta(raw["metadata"] ?? .null),
            spec: ResourceQuotaSpec(
                hard: hard, scopes: spec["scopes"]?.arrayValue?.compactMap(\.stringValue), scopeSelector: scopeSelector))
    }

    static func objectMeta(_ value: JSONValue) -> ObjectMeta {
        var meta = ObjectMeta(
            name: value["name"]?.stringValue ?? "", namespace: value["namespace"]?.stringValue,
            labels: stringMap(value["labels"]), annotations: stringMap(value["annotations"]))
        meta.generateName = value["generateName"]?.stringValue
        meta.uid = value["uid"]?.stringValue
        meta.resourceVersion = value["resourceVersion"]?.stringValue
        meta.generation = value["generation"]?.intValue
        meta.creationTimestamp = value["creationTimestamp"]?.stringValue.flatMap { Timestamp(rfc3339: $0) }
        meta.deletionTimestamp = value["deletionTimestamp"]?.stringValue.flatMap { Timestamp(rfc3339: $0) }
        meta.deletionGracePeriodSeconds = value["deletionGracePeriodSeconds"]?.intValue
        meta.finalizers = value["finalizers"]?.arrayValue.map { $0.map { $0.stringValue ?? "" } }
        meta.ownerReferences = value["ownerReferences"]?.arrayValue.map { references in
            references.map { reference in
                var owner = OwnerReference(
                    apiVersion: reference["apiVersion"]?.stringValue ?? "", kind: reference["kind"]?.stringValue ?? "",
                    name: reference["name"]?.stringValue ?? "", uid: reference["uid"]?.stringValue ?? "")
                owner.controller = reference["controller"]?.boolValue
                owner.blockOwnerDeletion = reference["blockOwnerDeletion"]?.boolValue
                return owner
            }
        }
        return meta
    }

    static func deploymentSpec(_ value: JSONValue) -> DeploymentSpec {
        var spec = DeploymentSpec(
            replicas: value["replicas"]?.intValue, selector: value["selector"].flatMap(labelSelector),
            template: podTemplate(value["template"] ?? .null), strategy: value["strategy"].flatMap(strategy))
        spec.minReadySeconds = value["minReadySeconds"]?.intValue
        spec.revisionHistoryLimit = value["revisionHistoryLimit"]?.intValue
        spec.progressDeadlineSeconds = value["progressDeadlineSeconds"]?.intValue
        spec.paused = value["paused"]?.boolValue
        return spec
    }

    static func labelSelector(_ value: JSONValue) -> LabelSelector? {
        guard case .object = value else { return nil }
        let requirements = value["matchExpressions"]?.arrayValue.map { items in
            items.map { item in
                LabelSelector.Requirement(
                    key: item["key"]?.stringValue ?? "", operator: item["operator"]?.stringValue ?? "",
                    values: item["values"]?.arrayValue.map { $0.map { $0.stringValue ?? "" } })
            }
        }
        return LabelSelector(matchLabels: stringMap(value["matchLabels"]), matchExpressions: requirements)
    }

    static func strategy(_ value: JSONValue) -> DeploymentStrategy? {
        guard case .object = value else { return nil }
        var rollingUpdate: RollingUpdateDeployment?
        if case .object = value["rollingUpdate"] {
            rollingUpdate = RollingUpdateDeployment(
                maxUnavailable: intOrString(value["rollingUpdate"]?["maxUnavailable"]),
                maxSurge: intOrString(value["rollingUpdate"]?["maxSurge"]))
        }
        return DeploymentStrategy(type: value["type"]?.stringValue, rollingUpdate: rollingUpdate)
    }

    static func podTemplate(_ value: JSONValue) -> PodTemplateSpec {
        let metadata = value["metadata"] ?? .null
        return PodTemplateSpec(
            metadata: TemplateMetadata(
                labels: stringMap(metadata["labels"]), annotations: stringMap(metadata["annotations"])),
            spec: PodSpec(raw: withoutNulls(value["spec"] ?? .null).objectValue ?? [:]))
    }

    /// `map[string]string`: a `null` value decodes to the empty string.
    private static func stringMap(_ value: JSONValue?) -> [String: String]? {
        guard case .object(let object)? = value else { return nil }
        return object.mapValues { $0.stringValue ?? "" }
    }

    private static func intOrString(_ value: JSONValue?) -> IntOrString? {
        switch value {
        case .int(let number)?: return .int(number)
        case .string(let text)?: return .string(text)
        default: return nil
        }
    }

    /// Drops `null` members, which a Go struct would leave at their zero value and omit when printed.
    private static func withoutNulls(_ value: JSONValue) -> JSONValue {
        switch value {
        case .object(let object): return .object(object.compactMapValues { $0 == .null ? nil : withoutNulls($0) })
        case .array(let items): return .array(items.map(withoutNulls))
        default: return value
        }
    }
}
