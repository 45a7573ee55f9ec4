extension GoType {
    /// The type with an `opaque` struct that ``KubeSchema`` lists replaced by that struct.
    var resolved: GoType {
        if case .opaque(let name) = self, let structure = KubeSchema.nestedStructs[name] { return .structure(structure) }
        return self
    }
}

/// The core/v1 structs nested in a pod spec (security contexts, probe handlers, env sources, volume sources,
/// affinity), in declaration order, as k8s.io/api v1.32 declares them. The schema names them `opaque`;
/// ``GoType/resolved`` finds them here, so strict decoding checks their fields and types, and typed printing writes
/// them in Go's order. Structs not listed stay opaque: accepted whole, printed with sorted keys.
extension KubeSchema {
    static let nestedStructs: [String: GoStruct] = Dictionary(
        uniqueKeysWithValues: (security + handlers + environment + volumeSources + scheduling).map { ($0.goName, $0) })

    private static let int32 = GoType.integer(bits: 32), int64 = GoType.integer(bits: 64)
    private static func named(_ name: String) -> GoType { .opaque("v1.\(name)") }
    private static let selector = GoType.structure(labelSelector)

    private static let security = [
        GoStruct(
            name: "SecurityContext",
            fields: [
                "capabilities": named("Capabilities"), "privileged": .bool, "seLinuxOptions": named("SELinuxOptions"),
                "windowsOptions": named("WindowsSecurityContextOptions"), "runAsUser": int64, "runAsGroup": int64,
                "runAsNonRoot": .bool, "readOnlyRootFilesystem": .bool, "allowPrivilegeEscalation": .bool,
                "procMount": .string("v1.ProcMountType"), "seccompProfile": named("SeccompProfile"),
                "appArmorProfile": named("AppArmorProfile"),
            ], pointers: ["privileged", "runAsUser", "runAsGroup", "runAsNonRoot", "readOnlyRootFilesystem", "allowPrivilegeEscalation", "procMount"]),
        GoStruct(
            name: "PodSecurityContext",
            fields: [
                "seLinuxOptions": named("SELinuxOptions"), "windowsOptions": named("WindowsSecurityContextOptions"),
                "runAsUser": int64, "runAsGroup": int64, "runAsNonRoot": .bool, "supplementalGroups": .slice(int64),
                "supplementalGroupsPolicy": .string("v1.SupplementalGroupsPolicy"), "fsGroup": int64, "sysctls": .slice(named("Sysctl")),
                "fsGroupChangePolicy": .string("v1.PodFSGroupChangePolicy"), "seccompProfile": named("SeccompProfile"),
                "appArmorProfile": named("AppArmorProfile"), "seLinuxChangePolicy": .string("v1.PodSELinuxChangePolicy"),
            ], pointers: ["runAsUser", "runAsGroup", "runAsNonRoot", "supplementalGroupsPolicy", "fsGroup", "fsGroupChangePolicy", "seLinuxChangePolicy"]),
        GoStruct(
            name: "Capabilities",
            fields: ["add": .slice(.string("v1.Capability")), "drop": .slice(.string("v1.Capability"))]),
        GoStruct(
            name: "SELinuxOptions", fields: ["user": .string(), "role": .string(), "type": .string(), "level": .string()]),
        GoStruct(
            name: "WindowsSecurityContextOptions",
            fields: [
                "gmsaCredentialSpecName": .string(), "gmsaCredentialSpec": .string(), "runAsUserName": .string(),
                "hostProcess": .bool,
            ], pointers: ["gmsaCredentialSpecName", "gmsaCredentialSpec", "runAsUserName", "hostProcess"]),
        GoStruct(
            name: "SeccompProfile", fields: ["type": .string("v1.SeccompProfileType"), "localhostProfile": .string()], written: ["type": .zero], pointers: ["localhostProfile"]),
        GoStruct(
            name: "AppArmorProfile", fields: ["type": .string("v1.AppArmorProfileType"), "localhostProfile": .string()], written: ["type": .zero], pointers: ["localhostProfile"]),
        GoStruct(name: "Sysctl", fields: ["name": .string(), "value": .string()], written: ["name": .zero, "value": .zero]),
    ]

    /// Probe and lifecycle handlers.
    private static let handlers = [
        GoStruct(name: "ExecAction", fields: ["command": strings]),
        GoStruct(
            name: "HTTPGetAction",
            fields: [
                "path": .string(), "port": .intOrString, "host": .string(), "scheme": .string("v1.URIScheme"),
                "httpHeaders": .slice(named("HTTPHeader")),
            ],
            written: ["port": .zero]),
        GoStruct(name: "HTTPHeader", fields: ["name": .string(), "value": .string()], written: ["name": .zero, "value": .zero]),
        GoStruct(name: "TCPSocketAction", fields: ["port": .intOrString, "host": .string()], written: ["port": .zero]),
        GoStruct(name: "GRPCAction", fields: ["port": int32, "service": .string()], written: ["port": .zero, "service": .null]),
        GoStruct(name: "Lifecycle", fields: ["postStart": named("LifecycleHandler"), "preStop": named("LifecycleHandler")]),
        GoStruct(
            name: "LifecycleHandler",
            fields: [
                "exec": named("ExecAction"), "httpGet": named("HTTPGetAction"), "tcpSocket": named("TCPSocketAction"),
                "sleep": named("SleepAction"),
            ]),
        GoStruct(name: "SleepAction", fields: ["seconds": int64], written: ["seconds": .zero]),
    ]

    private static let environment = [
        GoStruct(
            name: "EnvVarSource",
            fields: [
                "fieldRef": named("ObjectFieldSelector"), "resourceFieldRef": named("ResourceFieldSelector"),
                "configMapKeyRef": named("ConfigMapKeySelector"), "secretKeyRef": named("SecretKeySelector"),
            ]),
        GoStruct(
            name: "ObjectFieldSelector", fields: ["apiVersion": .string(), "fieldPath": .string()],
            written: ["fieldPath": .zero], atomic: true),
        GoStruct(
            // `divisor` is a Quantity struct Go always writes ("0" when zero); the server's JSON carries it.
            name: "ResourceFieldSelector", fields: ["containerName": .string(), "resource": .string(), "divisor": .anything],
            written: ["resource": .zero], atomic: true),
        GoStruct(
            name: "ConfigMapKeySelector", fields: ["name": .string(), "key": .string(), "optional": .bool],
            written: ["key": .zero], pointers: ["optional"], atomic: true),
        GoStruct(
            name: "SecretKeySelector", fields: ["name": .string(), "key": .string(), "optional": .bool],
            written: ["key": .zero], pointers: ["optional"], atomic: true),
        GoStruct(name: "ConfigMapEnvSource", fields: ["name": .string(), "optional": .bool], pointers: ["optional"]),
        GoStruct(name: "SecretEnvSource", fields: ["name": .string(), "optional": .bool], pointers: ["optional"]),
    ]

    private static let keyToPath = GoType.slice(named("KeyToPath"))
    private static let volumeSources = [
        GoStruct(name: "HostPathVolumeSource", fields: ["path": .string(), "type": .string("v1.HostPathType")], written: ["path": .zero], pointers: ["type"]),
        GoStruct(name: "EmptyDirVolumeSource", fields: ["medium": .string("v1.StorageMedium"), "sizeLimit": .anything]),
        GoStruct(
            name: "SecretVolumeSource",
            fields: ["secretName": .string(), "items": keyToPath, "defaultMode": int32, "optional": .bool], pointers: ["defaultMode", "optional"]),
        GoStruct(
            name: "KeyToPath", fields: ["key": .string(), "path": .string(), "mode": int32],
            written: ["key": .zero, "path": .zero], pointers: ["mode"]),
        GoStruct(
            name: "PersistentVolumeClaimVolumeSource", fields: ["claimName": .string(), "readOnly": .bool],
            written: ["claimName": .zero]),
        GoStruct(
            name: "ConfigMapVolumeSource",
            fields: ["name": .string(), "items": keyToPath, "defaultMode": int32, "optional": .bool], pointers: ["defaultMode", "optional"]),
        GoStruct(
            name: "ProjectedVolumeSource", fields: ["sources": .slice(named("VolumeProjection")), "defaultMode": int32],
            written: ["sources": .null], pointers: ["defaultMode"]),
        GoStruct(
            name: "VolumeProjection",
            fields: [
                "secret": named("SecretProjection"), "downwardAPI": named("DownwardAPIProjection"),
                "configMap": named("ConfigMapProjection"),
                "serviceAccountToken": named("ServiceAccountTokenProjection"),
                "clusterTrustBundle": named("ClusterTrustBundleProjection"),
            ]),
        GoStruct(name: "SecretProjection", fields: ["name": .string(), "items": keyToPath, "optional": .bool], pointers: ["optional"]),
        GoStruct(name: "ConfigMapProjection", fields: ["name": .string(), "items": keyToPath, "optional": .bool], pointers: ["optional"]),
        GoStruct(name: "DownwardAPIProjection", fields: ["items": .slice(named("DownwardAPIVolumeFile"))]),
        GoStruct(
            name: "DownwardAPIVolumeSource",
            fields: ["items": .slice(named("DownwardAPIVolumeFile")), "defaultMode": int32], pointers: ["defaultMode"]),
        GoStruct(
            name: "DownwardAPIVolumeFile",
            fields: [
                "path": .string(), "fieldRef": named("ObjectFieldSelector"),
                "resourceFieldRef": named("ResourceFieldSelector"), "mode": int32,
            ],
            written: ["path": .zero], pointers: ["mode"]),
        GoStruct(
            name: "ServiceAccountTokenProjection",
            fields: ["audience": .string(), "expirationSeconds": int64, "path": .string()], written: ["path": .zero], pointers: ["expirationSeconds"]),
        GoStruct(
            name: "CSIVolumeSource",
            fields: [
                "driver": .string(), "readOnly": .bool, "fsType": .string(), "volumeAttributes": stringMap,
                "nodePublishSecretRef": .structure(localObjectReference),
            ],
            written: ["driver": .zero], pointers: ["readOnly", "fsType"]),
    ]

    private static let nodeSelectorTerm = GoType.opaque("v1.NodeSelectorTerm")
    private static let scheduling = [
        GoStruct(
            name: "Affinity",
            fields: [
                "nodeAffinity": named("NodeAffinity"), "podAffinity": named("PodAffinity"),
                "podAntiAffinity": named("PodAntiAffinity"),
            ]),
        GoStruct(
            name: "NodeAffinity",
            fields: [
                "requiredDuringSchedulingIgnoredDuringExecution": named("NodeSelector"),
                "preferredDuringSchedulingIgnoredDuringExecution": .slice(named("PreferredSchedulingTerm")),
            ]),
        GoStruct(
            name: "NodeSelector", fields: ["nodeSelectorTerms": .slice(nodeSelectorTerm)],
            written: ["nodeSelectorTerms": .null], atomic: true),
        GoStruct(
            name: "NodeSelectorTerm",
            fields: [
                "matchExpressions": .slice(named("NodeSelectorRequirement")),
                "matchFields": .slice(named("NodeSelectorRequirement")),
            ]),
        GoStruct(
            name: "NodeSelectorRequirement",
            fields: ["key": .string(), "operator": .string("v1.NodeSelectorOperator"), "values": strings],
            written: ["key": .zero, "operator": .zero]),
        GoStruct(
            name: "PreferredSchedulingTerm", fields: ["weight": int32, "preference": nodeSelectorTerm],
            written: ["weight": .zero, "preference": .zero]),
        podAffinity("PodAffinity"),
        podAffinity("PodAntiAffinity"),
        GoStruct(
            name: "PodAffinityTerm",
            fields: [
                "labelSelector": selector, "namespaces": strings, "topologyKey": .string(),
                "namespaceSelector": selector, "matchLabelKeys": strings, "mismatchLabelKeys": strings,
            ],
            written: ["topologyKey": .zero]),
        GoStruct(
            name: "WeightedPodAffinityTerm", fields: ["weight": int32, "podAffinityTerm": named("PodAffinityTerm")],
            written: ["weight": .zero, "podAffinityTerm": .zero]),
        GoStruct(
            name: "TopologySpreadConstraint",
            fields: [
                "maxSkew": int32, "topologyKey": .string(), "whenUnsatisfiable": .string("v1.UnsatisfiableConstraintAction"), "labelSelector": selector,
                "minDomains": int32, "nodeAffinityPolicy": .string("v1.NodeInclusionPolicy"),
                "nodeTaintsPolicy": .string("v1.NodeInclusionPolicy"),
                "matchLabelKeys": strings,
            ],
            written: ["maxSkew": .zero, "topologyKey": .zero, "whenUnsatisfiable": .zero], pointers: ["minDomains", "nodeAffinityPolicy", "nodeTaintsPolicy"]),
        GoStruct(
            name: "PodDNSConfig",
            fields: ["nameservers": strings, "searches": strings, "options": .slice(named("PodDNSConfigOption"))]),
        GoStruct(name: "PodDNSConfigOption", fields: ["name": .string(), "value": .string()], pointers: ["value"]),
    ]

    private static func podAffinity(_ name: String) -> GoStruct {
        GoStruct(
            name: name,
            fields: [
                "requiredDuringSchedulingIgnoredDuringExecution": .slice(named("PodAffinityTerm")),
                "preferredDuringSchedulingIgnoredDuringExecution": .slice(named("WeightedPodAffinityTerm")),
            ])
    }
}
