extension KubeSchema {
    /// apps/v1.Deployment.
    static let deployment = GoStruct(
        name: "Deployment",
        fields: [
            "apiVersion": .string(),
            "kind": .string(),
            "metadata": .structure(objectMeta),
            "spec": .structure(deploymentSpec),
            "status": .structure(deploymentStatus),
        ])

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
        ])

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
        ])

    static let deploymentCondition = GoStruct(
        name: "DeploymentCondition",
        fields: [
            "type": .string("v1.DeploymentConditionType"),
            "status": .string("v1.ConditionStatus"),
            "lastUpdateTime": .time,
            "lastTransitionTime": .time,
            "reason": .string(),
            "message": .string(),
        ])
}
