import KubeModel

extension ObjectMeta {
    /// An update's metadata as the registry takes it: the stored name when the body has none, a `uid` other than the
    /// stored one refused (the precondition), and the system fields (uid, generation, creation time,
    /// resourceVersion) the stored ones.
    mutating func takeSystemFields(of live: ObjectMeta, resource: String) throws {
        if name.isEmpty { name = live.name }
        if let given = uid, !given.isEmpty, given != live.uid {
            throw CommandError.uidPrecondition(
                resource, live.name, namespace: live.namespace ?? "default", given: given, stored: live.uid)
        }
        uid = live.uid
        generation = live.generation
        creationTimestamp = live.creationTimestamp
        resourceVersion = live.resourceVersion
    }
}
