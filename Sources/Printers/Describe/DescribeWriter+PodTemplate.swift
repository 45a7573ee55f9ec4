public import KubeModel

/// describe.go's `DescribePodTemplate` written to a plain buffer, TABs kept, as `rollout history
/// --revision` prints it.
public func describePodTemplate(_ template: PodTemplateSpec) -> String {
    var writer = DescribeWriter(tabbed: false)
    writer.podTemplate(template)
    return writer.finish()
}

extension DescribeWriter {
    /// `DescribePodTemplate`: the `Pod Template:` block of Deployment and ReplicaSet describes.
    mutating func podTemplate(_ template: PodTemplateSpec) {
        write(0, "Pod Template:\n")
        labels("  Labels", template.metadata.labels)
        if let annotations = template.metadata.annotations, !annotations.isEmpty {
            self.annotations("  Annotations", annotations)
        }
        let spec = template.spec
        if let account = spec.serviceAccountName, !account.isEmpty { write(1, "Service Account:\t\(account)\n") }
        if !spec.initContainers.isEmpty { containers("Init Containers", spec.initContainers, space: "  ") }
        containers("Containers", spec.containers, space: "  ")
        volumes(spec.volumes, space: "  ")
        topologySpreadConstraints(spec.raw["topologySpreadConstraints"]?.arrayValue ?? [], space: "  ")
        if let priorityClass = spec.priorityClassName, !priorityClass.isEmpty {
            write(1, "Priority Class Name:\t\(priorityClass)\n")
        }
        labels("  Node-Selectors", spec.nodeSelector)
        tolerations("  Tolerations", spec.tolerations)
    }

    /// `describeTopologySpreadConstraints`, sorted by topology key; nothing when there are none.
    mutating func topologySpreadConstraints(_ constraints: [JSONValue], space: String) {
        guard !constraints.isEmpty else { return }
        let key = { (constraint: JSONValue) in constraint["topologyKey"]?.goScalar ?? "" }
        let sorted = constraints.enumerated().sorted { lhs, rhs in
            key(lhs.element) == key(rhs.element) ? lhs.offset < rhs.offset : goLess(key(lhs.element), key(rhs.element))
        }.map(\.element)
        write(0, "\(space)Topology Spread Constraints:\t")
        for (index, constraint) in sorted.enumerated() {
            if index != 0 { write(0, "\(space)\t") }
            var line = "\(key(constraint)):\(constraint["whenUnsatisfiable"]?.goScalar ?? "")"
            line += " when max skew \(constraint["maxSkew"]?.goScalar ?? "0") is exceeded"
            if let selector = constraint["labelSelector"], selector != .null,
               let decoded = try? selector.decode(LabelSelector.self) {
                line += " for selector \(decoded.formatted)"
            }
            write(0, line + "\n")
        }
    }
}
