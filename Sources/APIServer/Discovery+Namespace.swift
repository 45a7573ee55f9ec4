import KubeModel

extension Discovery {
    /// A Namespace object for any name: Rollbook's namespaces exist as soon as something is put in them, and never
    /// go. kubectl asks for one after a NotFound (to tell a missing object from a missing namespace), so answering
    /// keeps its error the object's, as `rollbook` prints it.
    static func namespace(_ name: String) -> JSONValue {
        .object([
            "apiVersion": .string("v1"), "kind": .string("Namespace"),
            "metadata": .object([
                "name": .string(name), "creationTimestamp": .null,
                "labels": .object(["kubernetes.io/metadata.name": .string(name)]),
            ]),
            "spec": .object(["finalizers": .array([.string("kubernetes")])]),
            "status": .object(["phase": .string("Active")]),
        ])
    }
}
