import KubeModel
import Testing

@testable import Manifests

/// Objects kubectl prints as Go structs (`rollout history -o`, `create --dry-run=client -o`): JSON in declaration
/// order with the fields Go always writes, YAML from that JSON with sorted keys.
struct TypedObjectTests {
    /// kubectl's own TestRolloutHistoryWithOutput: a ReplicaSet holding nothing but its name. In v1.32 (before
    /// `omitzero`) the zero creationTimestamps print as null.
    private let bare = JSONValue.object([
        "kind": .string("ReplicaSet"), "apiVersion": .string("apps/v1"), "metadata": .object(["name": .string("rev2")]),
    ])

    @Test func aBareReplicaSetPrintsAsKubectlsTypedJSON() {
        #expect(
            TypedObject.replicaSet.json(bare) == """
                {
                    "kind": "ReplicaSet",
                    "apiVersion": "apps/v1",
                    "metadata": {
                        "name": "rev2",
                        "creationTimestamp": null
                    },
                    "spec": {
                        "selector": null,
                        "template": {
                            "metadata": {
                                "creationTimestamp": null
                            },
                            "spec": {
                                "containers": null
                            }
                        }
                    },
                    "status": {
                        "replicas": 0
                    }
                }

                """)
    }

    @Test func aBareReplicaSetPrintsAsKubectlsYAML() {
        #expect(
            TypedObject.replicaSet.yaml(bare) == """
                apiVersion: apps/v1
                kind: ReplicaSet
                metadata:
                  creationTimestamp: null
                  name: rev2
                spec:
                  selector: null
                  template:
                    metadata:
                      creationTimestamp: null
                    spec:
                      containers: null
                status:
                  replicas: 0

                """)
    }

    /// Struct fields in declaration order at every depth, including structs validation leaves opaque (the
    /// security contexts); maps keep sorted keys; a value struct (`resources`) and a field without omitempty
    /// (a container's `name`) are written although the object lacks them.
    @Test func nestedStructsKeepDeclarationOrder() throws {
        let container = JSONValue.object([
            "image": .string("web:1"),
            "securityContext": .object([
                "allowPrivilegeEscalation": .bool(false), "runAsUser": .int(7), "capabilities": .object([:]),
            ]),
            "ports": .array([.object(["protocol": .string("TCP"), "containerPort": .int(80), "name": .string("h")])]),
        ])
        let template = JSONValue.object([
            "metadata": .object(["labels": .object(["z": .string("1"), "a": .string("2")])]),
            "spec": .object(["dnsPolicy": .string("ClusterFirst"), "containers": .array([container])]),
        ])
        let printed = TypedObject.replicaSet.json(.object(["spec": .object(["template": template])]))
        let expected = """
            {
                "metadata": {
                    "creationTimestamp": null
                },
                "spec": {
                    "selector": null,
                    "template": {
                        "metadata": {
                            "creationTimestamp": null,
                            "labels": {
                                "a": "2",
                                "z": "1"
                            }
                        },
                        "spec": {
                            "containers": [
                                {
                                    "name": "",
                                    "image": "web:1",
                                    "ports": [
                                        {
                                            "name": "h",
                                            "containerPort": 80,
                                            "protocol": "TCP"
                                        }
                                    ],
                                    "resources": {},
                                    "securityContext": {
                                        "capabilities": {},
                                        "runAsUser": 7,
                                        "allowPrivilegeEscalation": false
                                    }
                                }
                            ],
                            "dnsPolicy": "ClusterFirst"
                        }
                    }
                },
                "status": {
                    "replicas": 0
                }
            }

            """
        #expect(printed == expected)
    }

    /// A key the struct does not declare is kept, after the declared ones, rather than dropped.
    @Test func undeclaredKeysFollowTheDeclaredOnes() {
        let object = JSONValue.object([
            "status": .object(["zeta": .int(1), "replicas": .int(3), "alpha": .int(2)]),
        ])
        #expect(
            TypedObject.replicaSet.json(object) == """
                {
                    "metadata": {
                        "creationTimestamp": null
                    },
                    "spec": {
                        "selector": null,
                        "template": {
                            "metadata": {
                                "creationTimestamp": null
                            },
                            "spec": {
                                "containers": null
                            }
                        }
                    },
                    "status": {
                        "replicas": 3,
                        "alpha": 2,
                        "zeta": 1
                    }
                }

                """)
    }

    /// `omitempty` drops the empty values of plain fields (a zero `hostPort`, `minReadySeconds: 0`, an empty `args`
    /// or annotations map) and keeps a pointer's zero (`replicas: 0`, `terminationGracePeriodSeconds: 0`).
    @Test func omitemptyDropsPlainZerosAndKeepsPointerZeros() throws {
        let container = JSONValue.object([
            "name": .string("app"), "args": .array([]), "resources": .object([:]),
            "ports": .array([.object(["containerPort": .int(80), "hostPort": .int(0), "name": .string("")])]),
        ])
        let object = JSONValue.object([
            "metadata": .object(["name": .string("web"), "annotations": .object([:]), "generation": .int(0)]),
            "spec": .object([
                "replicas": .int(0), "minReadySeconds": .int(0), "paused": .bool(false),
                "template": .object([
                    "spec": .object(["terminationGracePeriodSeconds": .int(0), "containers": .array([container])]),
                ]),
            ]),
        ])
        let typed = TypedObject.deployment.completed(object)
        #expect(typed["metadata"] == .object(["name": .string("web"), "creationTimestamp": .null]))
        let spec = try #require(typed["spec"])
        #expect(spec["replicas"] == .int(0))
        #expect(spec["minReadySeconds"] == nil)
        #expect(spec["paused"] == nil)
        #expect(spec["template"]?["spec"]?["terminationGracePeriodSeconds"] == .int(0))
        let printed = try #require(spec["template"]?["spec"]?["containers"]?.arrayValue?.first)
        #expect(printed == .object([
            "name": .string("app"), "resources": .object([:]), "ports": .array([.object(["containerPort": .int(80)])]),
        ]))
    }
}
