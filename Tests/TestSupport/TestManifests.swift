/// Manifests the tests share, written out as a user would.
public enum TestManifests {
    /// A Deployment of one container whose selector and template carry the one label `label`.
    ///
    /// - Parameters:
    ///   - labelled: whether the Deployment itself carries the label too.
    ///   - spec: further `spec` fields, one line each (e.g. `revisionHistoryLimit: 0`).
    public static func deployment(
        _ name: String, image: String, container: String, label: (key: String, value: String),
        labelled: Bool = false, replicas: Int? = nil, spec: [String] = []
    ) -> String {
        var lines = ["apiVersion: apps/v1", "kind: Deployment", "metadata:", "  name: \(name)"]
        if labelled { lines += ["  labels:", "    \(label.key): \(label.value)"] }
        lines.append("spec:")
        if let replicas { lines.append("  replicas: \(replicas)") }
        lines += spec.map { "  " + $0 }
        lines += [
            "  selector:", "    matchLabels:", "      \(label.key): \(label.value)",
            "  template:", "    metadata:", "      labels:", "        \(label.key): \(label.value)",
            "    spec:", "      containers:", "      - name: \(container)", "        image: \(image)",
        ]
        return lines.joined(separator: "\n")
    }
}
