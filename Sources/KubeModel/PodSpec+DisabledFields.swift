extension PodSpec {
    /// `DropDisabledPodFields` with v1.32's default feature gates, as the API server applies it before validating a
    /// create or update: fields of gates that are off are cleared without an error.
    /// - `InPlacePodVerticalScaling` (alpha): each container's `resizePolicy` goes.
    /// - `ProcMountType` (beta, off): a container's `securityContext.procMount` becomes `Default`.
    /// - `ImageVolume` (alpha): image volumes go, and every mount of one.
    /// - `ClusterTrustBundleProjection` (alpha): projected `clusterTrustBundle` sources are cleared.
    /// - `UserNamespacesSupport`, `SupplementalGroupsPolicy`, `SELinuxChangePolicy`, `PodLevelResources` (off):
    ///   `hostUsers`, the pod security context's `supplementalGroupsPolicy` and `seLinuxChangePolicy`, and the pod's
    ///   `resources` go.
    /// - `DynamicResourceAllocation` (beta, off): `resourceClaims` and the containers' `resources.claims` go.
    public mutating func dropDisabledFields() {
        raw["hostUsers"] = nil
        raw["resources"] = nil
        raw["resourceClaims"] = nil
        if case .object(var context)? = raw["securityContext"] {
            context["supplementalGroupsPolicy"] = nil
            context["seLinuxChangePolicy"] = nil
            raw["securityContext"] = .object(context)
        }
        let imageVolumes = Set((raw["volumes"]?.arrayValue ?? []).filter { !$0["image"].isUnset }.map { $0.string("name") })
        mapEveryContainer { original in
            var container = original
            container.raw["resizePolicy"] = nil
            if case .object(var resources)? = container.raw["resources"], resources["claims"] != nil {
                resources["claims"] = nil
                container.raw["resources"] = .object(resources)
            }
            if case .object(var context)? = container.raw["securityContext"], !context["procMount"].isUnset {
                context["procMount"] = .string("Default")
                container.raw["securityContext"] = .object(context)
            }
            if !imageVolumes.isEmpty, case .array(let mounts)? = container.raw["volumeMounts"] {
                container.raw["volumeMounts"] = .array(mounts.filter { !imageVolumes.contains($0.string("name")) })
            }
            return container
        }
        guard case .array(let volumes)? = raw["volumes"] else { return }
        raw["volumes"] = .array(volumes.filter { $0["image"].isUnset }.map(Self.withoutTrustBundles))
    }

    private static func withoutTrustBundles(_ volume: JSONValue) -> JSONValue {
        guard case .object(var projected)? = volume["projected"], case .array(let sources)? = projected["sources"] else {
            return volume
        }
        projected["sources"] = .array(sources.map { source in
            guard case .object(var fields) = source else { return source }
            fields["clusterTrustBundle"] = nil
            return .object(fields)
        })
        var copy = volume
        copy["projected"] = .object(projected)
        return copy
    }
}
