import KubeModel

/// `describeVolumes` for the volume sources a simulated workload uses; any other source prints
/// `<unknown>`, as kubectl does for types it does not know.
extension DescribeWriter {
    mutating func volumes(_ volumes: [JSONValue], space: String) {
        guard !volumes.isEmpty else { return write(0, "\(space)Volumes:\t<none>\n") }
        write(0, "\(space)Volumes:\n")
        for volume in volumes {
            write(1, "\(space.isEmpty ? "" : " ")\(volume["name"]?.goScalar ?? ""):\n")
            if let lines = volumeSourceLines(volume) {
                write(2, lines.map { $0 + "\n" }.joined(separator: "    "))
            } else {
                write(1, "<unknown>\n")
            }
        }
    }

    /// The `Type:` line and its details; each later line carries its own 4-space indent upstream.
    private func volumeSourceLines(_ volume: JSONValue) -> [String]? {
        func text(_ source: JSONValue, _ key: String, _ fallback: String = "") -> String {
            guard let value = source[key], value != .null else { return fallback }
            return value.goScalar
        }
        func flag(_ source: JSONValue, _ key: String) -> String { source[key]?.boolValue == true ? "true" : "false" }
        if let source = volume["hostPath"] {
            return ["Type:\tHostPath (bare host directory volume)", "Path:\t\(text(source, "path"))",
                    "HostPathType:\t\(text(source, "type", "<none>"))"]
        }
        if let source = volume["emptyDir"] {
            let size = text(source, "sizeLimit")
            return ["Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)",
                    "Medium:\t\(text(source, "medium"))",
                    "SizeLimit:\t\(size.isEmpty || size == "0" ? "<unset>" : size)"]
        }
        if let source = volume["secret"] {
            return ["Type:\tSecret (a volume populated by a Secret)", "SecretName:\t\(text(source, "secretName"))",
                    "Optional:\t\(flag(source, "optional"))"]
        }
        if let source = volume["configMap"] {
            return ["Type:\tConfigMap (a volume populated by a ConfigMap)", "Name:\t\(text(source, "name"))",
                    "Optional:\t\(flag(source, "optional"))"]
        }
        if let source = volume["persistentVolumeClaim"] {
            return ["Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)",
                    "ClaimName:\t\(text(source, "claimName"))", "ReadOnly:\t\(flag(source, "readOnly"))"]
        }
        if let source = volume["downwardAPI"] {
            var lines = ["Type:\tDownwardAPI (a volume populated by information about the pod)", "Items:"]
            for item in source["items"]?.arrayValue ?? [] {
                let path = text(item, "path")
                if let field = item["fieldRef"] { lines.append("  \(text(field, "fieldPath")) -> \(path)") }
                if let field = item["resourceFieldRef"] { lines.append("  \(text(field, "resource")) -> \(path)") }
            }
            return lines
        }
        if let source = volume["projected"] {
            return projectedLines(source)
        }
        return nil
    }

    /// v1.32 prints the sources' `optional` pointers with `%v`: `<nil>` when unset. (A set pointer
    /// prints its address upstream; the value is printed here instead.)
    private func projectedLines(_ source: JSONValue) -> [String] {
        var lines = ["Type:\tProjected (a volume that contains injected data from multiple sources)"]
        let optional = { (reference: JSONValue) in reference["optional"]?.boolValue.map { "\($0)" } ?? "<nil>" }
        for item in source["sources"]?.arrayValue ?? [] {
            if let secret = item["secret"] {
                lines += ["SecretName:\t\(secret["name"]?.goScalar ?? "")", "SecretOptionalName:\t\(optional(secret))"]
            } else if item["downwardAPI"] != nil {
                lines.append("DownwardAPI:\ttrue")
            } else if let configMap = item["configMap"] {
                lines += [
                    "ConfigMapName:\t\(configMap["name"]?.goScalar ?? "")",
                    "ConfigMapOptional:\t\(optional(configMap))",
                ]
            } else if let token = item["serviceAccountToken"] {
                lines.append("TokenExpirationSeconds:\t\(token["expirationSeconds"]?.goScalar ?? "3600")")
            }
        }
        return lines
    }
}
