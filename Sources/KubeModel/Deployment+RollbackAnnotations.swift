extension Deployment {
    /// The annotations a rollback to `rs` leaves on the Deployment (`SetDeploymentAnnotationsTo`, which
    /// kubectl's client-side undo repeats): the Deployment's own skipped annotations, then every other
    /// annotation of the ReplicaSet, so its change cause comes back with its template.
    public func annotationsRollingBack(to rs: ReplicaSet) -> [String: String] {
        var annotations = (metadata.annotations ?? [:]).filter { AnnotationKey.skipped.contains($0.key) }
        for (key, value) in rs.metadata.annotations ?? [:] where !AnnotationKey.skipped.contains(key) {
            annotations[key] = value
        }
        return annotations
    }
}
