extension KubeSchema {
    /// apps/v1.Deployment; `kind` and `apiVersion` come from the inlined TypeMeta.
    static let deployment = GoStruct(
        name: "Deployment",
        fields: [
            "kind": .string(),
            "apiVersion": .string(),
            "metadata": .structure(objectMeta),
            "spec": .structure(deploymentSpec),
            "status": .structure(deploymentStatus),
        ],
        written: ["metadata": .zero, "spec": .zero, "status": .zero])

    static let deploymentSpec = GoStruct(
        name: "DeploymentSpec",
        fields: [
            "replicas": .integer(bits: 32),
            "selector": .structure(labelSelector),
            "template": .structure(podTemplateSpec),
            "strategy": .structure(deploymentStrategy),
            "minReadySeconds": .integer(bits: 32),
            "revisionHistoryLimit": .integer(bits: 32),
            "paused": .bool,
            "progressDeadlineSeconds": .integer(bits: 32),
        ],
        written: ["selector": .null, "template": .zero, "strategy": .zero], pointers: ["replicas", "revisionHistoryLimit", "progressDeadlineSeconds"])

    static let deploymentStrategy = GoStruct(
        name: "DeploymentStrategy",
        fields: [
            "type": .string("v1.DeploymentStrategyType"),
            "rollingUpdate": .structure(rollingUpdateDeployment),
        ])

    static let rollingUpdateDeployment = GoStruct(
        name: "RollingUpdateDeployment",
        fields: [
            "maxUnavailable": .intOrString,
            "maxSurge": .intOrString,
        ])

    /// The status a manifest may carry (the server ignores it on create, but still decodes it strictly).
    /// `terminatingReplicas` only arrives in v1.33.
    static let deploymentStatus = GoStruct(
        name: "DeploymentStatus",
        fields: [
            "observedGeneration": .integer(bits: 64),
            "replicas": .integer(bits: 32),
            "updatedReplicas": .integer(bits: 32),
            "readyReplicas": .integer(bits: 32),
            "availableReplicas": .integer(bits: 32),
            "unavailableReplicas": .integer(bits: 32),
            "conditions": .slice(.structure(deploymentCondition)),
            "collisionCount": .integer(bits: 32),
        ], pointers: ["collisionCount"], lists: ["conditions": .map(keys: ["type"])])

    static let deploymentCondition = GoStruct(
        name: "DeploymentCondition",
        fields: [
            "type": .string("v1.DeploymentConditionType"),
            "status": .string("v1.ConditionStatus"),
            "lastUpdateTime": .time,
            "lastTransitionTime": .time,
            "reason": .string(),
            "message": .string(),
        ],
        written: ["type": .zero, "status": .zero, "lastUpdateTime": .null, "lastTransitionTime": .null])

    /// apps/v1.ReplicaSet, which only `rollout history -o` prints typed (manifests never carry one).
    static let replicaSet = GoStruct(
        name: "ReplicaSet",
        fields: [
            "kind": .string(),
            "apiVersion": .string(),
            "metadata": .structure(objectMeta),
            "spec": .structure(replicaSetSpec),
            "status": .structure(replicaSetStatus),
        ],
        written: ["metadata": .zero, "spec": .zero, "status": .zero])

    static let replicaSetSpec = GoStruct(
        name: "ReplicaSetSpec",
        fields: [
            "replicas": .integer(bits: 32),
            "minReadySeconds": .integer(bits: 32),
            "selector": .structure(labelSelector),
            "template": .structure(podTemplateSpec),
        ],
        written: ["selector": .null, "template": .zero], pointers: ["replicas"])

    /// `terminatingReplicas` only arrives in v1.33.
    static let replicaSetStatus = GoStruct(
        name: "ReplicaSetStatus",
        fields: [
            "replicas": .integer(bits: 32),
            "fullyLabeledReplicas": .integer(bits: 32),
            "readyReplicas": .integer(bits: 32),
            "availableReplicas": .integer(bits: 32),
            "observedGeneration": .integer(bits: 64),
            "conditions": .slice(.structure(replicaSetCondition)),
        ],
        written: ["replicas": .zero], lists: ["conditions": .map(keys: ["type"])])

    static let replicaSetCondition = GoStruct(
        name: "ReplicaSetCondition",
        fields: [
            "type": .string("v1.ReplicaSetConditionType"),
            "status": .string("v1.ConditionStatus"),
            "lastTransitionTime": .time,
            "reason": .string(),
            "message": .string(),
        ],
        written: ["type": .zero, "status": .zero, "lastTransitionTime": .null])

    /// core/v1.List, which `apply -o` prints around several objects (their items as the server's JSON).
    static let list = GoStruct(
        name: "List",
        fields: [
            "kind": .string(), "apiVersion": .string(), "metadata": .structure(listMeta), "items": .slice(.anything),
        ],
        written: ["metadata": .zero, "items": .null])

    static let listMeta = GoStruct(
        name: "ListMeta",
        fields: [
            "selfLink": .string(), "resourceVersion": .string(), "continue": .string(),
            "remainingItemCount": .integer(bits: 64),
        ],
        pointers: ["remainingItemCount"])
}
