/// The Go types behind an `apps/v1` Deployment, as of Kubernetes v1.32 (k8s.io/api and apimachinery's meta/v1).
///
/// Every JSON field of the structs listed here is known, so no valid manifest is refused; structs Rollbook does not
/// model are `opaque` and accepted whole.
enum KubeSchema {
    static let stringMap = GoType.map("map[string]string", value: .string())
    static let resourceList = GoType.map("v1.ResourceList", value: .quantity)
    static let strings = GoType.slice(.string())

    /// cli-runtime's `metadataOnlyObject`, which kubectl decodes every manifest's metadata into before it sends it.
    static let metadataOnlyObject = GoStruct(
        name: "metadataOnlyObject", package: "resource",
        fields: ["kind": .string(), "apiVersion": .string(), "metadata": .structure(objectMeta)])

    /// metav1.ObjectMeta (`clusterName` is gone since v1.25).
    static let objectMeta = GoStruct(
        name: "ObjectMeta",
        fields: [
            "name": .string(),
            "generateName": .string(),
            "namespace": .string(),
            "selfLink": .string(),
            "uid": .string("types.UID"),
            "resourceVersion": .string(),
            "generation": .integer(bits: 64),
            "creationTimestamp": .time,
            "deletionTimestamp": .time,
            "deletionGracePeriodSeconds": .integer(bits: 64),
            "labels": stringMap,
            "annotations": stringMap,
            "ownerReferences": .slice(.structure(ownerReference)),
            "finalizers": strings,
            "managedFields": .slice(.opaque("v1.ManagedFieldsEntry")),
        ],
        written: ["creationTimestamp": .null], pointers: ["deletionGracePeriodSeconds"],
        lists: ["ownerReferences": .map(keys: ["uid"]), "finalizers": .set])

    static let ownerReference = GoStruct(
        name: "OwnerReference",
        fields: [
            "apiVersion": .string(),
            "kind": .string(),
            "name": .string(),
            "uid": .string("types.UID"),
            "controller": .bool,
            "blockOwnerDeletion": .bool,
        ],
        written: ["apiVersion": .zero, "kind": .zero, "name": .zero, "uid": .zero], pointers: ["controller", "blockOwnerDeletion"],
        atomic: true)

    static let labelSelector = GoStruct(
        name: "LabelSelector",
        fields: [
            "matchLabels": stringMap,
            "matchExpressions": .slice(.structure(labelSelectorRequirement)),
        ],
        atomic: true)

    static let labelSelectorRequirement = GoStruct(
        name: "LabelSelectorRequirement",
        fields: [
            "key": .string(),
            "operator": .string("v1.LabelSelectorOperator"),
            "values": strings,
        ],
        written: ["key": .zero, "operator": .zero])
}
