extension KubeSchema {
    /// core/v1.Pod, for printing only: its status is left as it is.
    static let pod = GoStruct(
        name: "Pod",
        fields: [
            "kind": .string(), "apiVersion": .string(), "metadata": .structure(objectMeta),
            "spec": .structure(podSpec), "status": .opaque("v1.PodStatus"),
        ],
        written: ["metadata": .zero, "spec": .zero, "status": .zero])

    static let podTemplateSpec = GoStruct(
        name: "PodTemplateSpec",
        fields: [
            "metadata": .structure(objectMeta),
            "spec": .structure(podSpec),
        ],
        written: ["metadata": .zero, "spec": .zero])

    /// core/v1.PodSpec, every field of v1.32 (pod-level `resources` is new, alpha, in v1.32).
    static let podSpec = GoStruct(
        name: "PodSpec",
        fields: [
            "volumes": .slice(.structure(volume)),
            "initContainers": .slice(.structure(container)),
            "containers": .slice(.structure(container)),
            "ephemeralContainers": .slice(.opaque("v1.EphemeralContainer")),
            "restartPolicy": .string("v1.RestartPolicy"),
            "terminationGracePeriodSeconds": .integer(bits: 64),
            "activeDeadlineSeconds": .integer(bits: 64),
            "dnsPolicy": .string("v1.DNSPolicy"),
            "nodeSelector": stringMap,
            "serviceAccountName": .string(),
            "serviceAccount": .string(),
            "automountServiceAccountToken": .bool,
            "nodeName": .string(),
            "hostNetwork": .bool,
            "hostPID": .bool,
            "hostIPC": .bool,
            "shareProcessNamespace": .bool,
            "securityContext": .opaque("v1.PodSecurityContext"),
            "imagePullSecrets": .slice(.structure(localObjectReference)),
            "hostname": .string(),
            "subdomain": .string(),
            "affinity": .opaque("v1.Affinity"),
            "schedulerName": .string(),
            "tolerations": .slice(.structure(toleration)),
            "hostAliases": .slice(.structure(hostAlias)),
            "priorityClassName": .string(),
            "priority": .integer(bits: 32),
            "dnsConfig": .opaque("v1.PodDNSConfig"),
            "readinessGates": .slice(.opaque("v1.PodReadinessGate")),
            "runtimeClassName": .string(),
            "enableServiceLinks": .bool,
            "preemptionPolicy": .string("v1.PreemptionPolicy"),
            "overhead": resourceList,
            "topologySpreadConstraints": .slice(.opaque("v1.TopologySpreadConstraint")),
            "setHostnameAsFQDN": .bool,
            "os": .opaque("v1.PodOS"),
            "hostUsers": .bool,
            "schedulingGates": .slice(.opaque("v1.PodSchedulingGate")),
            "resourceClaims": .slice(.opaque("v1.PodResourceClaim")),
            "resources": .structure(resourceRequirements),
        ],
        written: ["containers": .null],
        pointers: ["terminationGracePeriodSeconds", "activeDeadlineSeconds", "automountServiceAccountToken", "shareProcessNamespace", "priority", "runtimeClassName", "enableServiceLinks", "preemptionPolicy", "setHostnameAsFQDN", "hostUsers"],
        lists: [
            "volumes": .map(keys: ["name"]), "initContainers": .map(keys: ["name"]), "containers": .map(keys: ["name"]),
            "ephemeralContainers": .map(keys: ["name"]), "imagePullSecrets": .map(keys: ["name"]),
            "hostAliases": .map(keys: ["ip"]), "topologySpreadConstraints": .map(keys: ["topologyKey", "whenUnsatisfiable"]),
            "schedulingGates": .map(keys: ["name"]), "resourceClaims": .map(keys: ["name"]),
        ])

    /// core/v1.Container, every field of v1.32.
    static let container = GoStruct(
        name: "Container",
        fields: [
            "name": .string(),
            "image": .string(),
            "command": strings,
            "args": strings,
            "workingDir": .string(),
            "ports": .slice(.structure(containerPort)),
            "envFrom": .slice(.structure(envFromSource)),
            "env": .slice(.structure(envVar)),
            "resources": .structure(resourceRequirements),
            "resizePolicy": .slice(.opaque("v1.ContainerResizePolicy")),
            "restartPolicy": .string("v1.ContainerRestartPolicy"),
            "volumeMounts": .slice(.structure(volumeMount)),
            "volumeDevices": .slice(.opaque("v1.VolumeDevice")),
            "livenessProbe": .structure(probe),
            "readinessProbe": .structure(probe),
            "startupProbe": .structure(probe),
            "lifecycle": .opaque("v1.Lifecycle"),
            "terminationMessagePath": .string(),
            "terminationMessagePolicy": .string("v1.TerminationMessagePolicy"),
            "imagePullPolicy": .string("v1.PullPolicy"),
            "securityContext": .opaque("v1.SecurityContext"),
            "stdin": .bool,
            "stdinOnce": .bool,
            "tty": .bool,
        ],
        written: ["name": .zero, "resources": .zero], pointers: ["restartPolicy"],
        lists: [
            "ports": .map(keys: ["containerPort", "protocol"], defaults: ["protocol": .string("TCP")]), "env": .map(keys: ["name"]),
            "volumeMounts": .map(keys: ["mountPath"]), "volumeDevices": .map(keys: ["devicePath"]),
        ])

    static let containerPort = GoStruct(
        name: "ContainerPort",
        fields: [
            "name": .string(),
            "hostPort": .integer(bits: 32),
            "containerPort": .integer(bits: 32),
            "protocol": .string("v1.Protocol"),
            "hostIP": .string(),
        ],
        written: ["containerPort": .zero])

    static let envVar = GoStruct(
        name: "EnvVar",
        fields: [
            "name": .string(),
            "value": .string(),
            "valueFrom": .opaque("v1.EnvVarSource"),
        ],
        written: ["name": .zero])

    static let envFromSource = GoStruct(
        name: "EnvFromSource",
        fields: [
            "prefix": .string(),
            "configMapRef": .opaque("v1.ConfigMapEnvSource"),
            "secretRef": .opaque("v1.SecretEnvSource"),
        ])

    static let volumeMount = GoStruct(
        name: "VolumeMount",
        fields: [
            "name": .string(),
            "readOnly": .bool,
            "recursiveReadOnly": .string("v1.RecursiveReadOnlyMode"),
            "mountPath": .string(),
            "subPath": .string(),
            "mountPropagation": .string("v1.MountPropagationMode"),
            "subPathExpr": .string(),
        ],
        written: ["name": .zero, "mountPath": .zero], pointers: ["recursiveReadOnly", "mountPropagation"])

    static let resourceRequirements = GoStruct(
        name: "ResourceRequirements",
        fields: [
            "limits": resourceList,
            "requests": resourceList,
            "claims": .slice(.opaque("v1.ResourceClaim")),
        ],
        lists: ["claims": .map(keys: ["name"])])

    /// core/v1.Probe; the handler fields come from the inlined ProbeHandler.
    static let probe = GoStruct(
        name: "Probe",
        fields: [
            "exec": .opaque("v1.ExecAction"),
            "httpGet": .opaque("v1.HTTPGetAction"),
            "tcpSocket": .opaque("v1.TCPSocketAction"),
            "grpc": .opaque("v1.GRPCAction"),
            "initialDelaySeconds": .integer(bits: 32),
            "timeoutSeconds": .integer(bits: 32),
            "periodSeconds": .integer(bits: 32),
            "successThreshold": .integer(bits: 32),
            "failureThreshold": .integer(bits: 32),
            "terminationGracePeriodSeconds": .integer(bits: 64),
        ], pointers: ["terminationGracePeriodSeconds"])

    static let toleration = GoStruct(
        name: "Toleration",
        fields: [
            "key": .string(),
            "operator": .string("v1.TolerationOperator"),
            "value": .string(),
            "effect": .string("v1.TaintEffect"),
            "tolerationSeconds": .integer(bits: 64),
        ], pointers: ["tolerationSeconds"])

    static let hostAlias = GoStruct(
        name: "HostAlias", fields: ["ip": .string(), "hostnames": strings], written: ["ip": .zero])

    /// `+structType=atomic`, as the other reference and selector structs marked so below (field tracking owns them whole).
    static let localObjectReference = GoStruct(name: "LocalObjectReference", fields: ["name": .string()], atomic: true)

    /// core/v1.Volume: a name plus the inlined VolumeSource, one field per volume type (`image` since v1.31).
    static let volume = GoStruct(
        name: "Volume",
        fields: [
            "name": .string(),
            "hostPath": .opaque("v1.HostPathVolumeSource"),
            "emptyDir": .opaque("v1.EmptyDirVolumeSource"),
            "gcePersistentDisk": .opaque("v1.GCEPersistentDiskVolumeSource"),
            "awsElasticBlockStore": .opaque("v1.AWSElasticBlockStoreVolumeSource"),
            "gitRepo": .opaque("v1.GitRepoVolumeSource"),
            "secret": .opaque("v1.SecretVolumeSource"),
            "nfs": .opaque("v1.NFSVolumeSource"),
            "iscsi": .opaque("v1.ISCSIVolumeSource"),
            "glusterfs": .opaque("v1.GlusterfsVolumeSource"),
            "persistentVolumeClaim": .opaque("v1.PersistentVolumeClaimVolumeSource"),
            "rbd": .opaque("v1.RBDVolumeSource"),
            "flexVolume": .opaque("v1.FlexVolumeSource"),
            "cinder": .opaque("v1.CinderVolumeSource"),
            "cephfs": .opaque("v1.CephFSVolumeSource"),
            "flocker": .opaque("v1.FlockerVolumeSource"),
            "downwardAPI": .opaque("v1.DownwardAPIVolumeSource"),
            "fc": .opaque("v1.FCVolumeSource"),
            "azureFile": .opaque("v1.AzureFileVolumeSource"),
            "configMap": .opaque("v1.ConfigMapVolumeSource"),
            "vsphereVolume": .opaque("v1.VsphereVirtualDiskVolumeSource"),
            "quobyte": .opaque("v1.QuobyteVolumeSource"),
            "azureDisk": .opaque("v1.AzureDiskVolumeSource"),
            "photonPersistentDisk": .opaque("v1.PhotonPersistentDiskVolumeSource"),
            "projected": .opaque("v1.ProjectedVolumeSource"),
            "portworxVolume": .opaque("v1.PortworxVolumeSource"),
            "scaleIO": .opaque("v1.ScaleIOVolumeSource"),
            "storageos": .opaque("v1.StorageOSVolumeSource"),
            "csi": .opaque("v1.CSIVolumeSource"),
            "ephemeral": .opaque("v1.EphemeralVolumeSource"),
            "image": .opaque("v1.ImageVolumeSource"),
        ],
        written: ["name": .zero])
}
