import KubeModel

extension ObjectMeta {
    /// A create's metadata as the registry stores it: the request's namespace, a new uid, the creation time, no
    /// resourceVersion yet and the kind's first generation (nil for kinds without one); with apply's last-applied
    /// configuration when it sends one.
    mutating func stampForCreate(namespace: String, uid: String, at now: Timestamp, generation: Int?, lastApplied: String?) {
        self.namespace = namespace
        if let lastApplied { self[annotation: AnnotationKey.lastApplied] = lastApplied }
        self.uid = uid
        self.generation = generation
        creationTimestamp = now
        resourceVersion = nil
    }

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
