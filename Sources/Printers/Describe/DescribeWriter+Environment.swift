import KubeModel

/// Environment variables, `envFrom` sources and volume mounts of one container.
extension DescribeWriter {
    /// `describeContainerEnvVars`. Only `metadata.*` field references resolve, as in kubectl;
    /// templates (no pod) leave every reference empty.
    mutating func environment(_ container: Container, pod: Pod?) {
        write(2, "Environment:\(container.env.isEmpty ? "\t<none>" : "")\n")
        for variable in container.env {
            let name = variable["name"]?.goScalar ?? ""
            guard let source = variable["valueFrom"], source != .null else {
                let value = variable["value"]?.goScalar ?? ""
                for (index, line) in value.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                    write(3, index == 0 ? "\(name):\t\(line)\n" : "\t\(line)\n")
                }
                continue
            }
            if let field = source["fieldRef"] {
                let path = field["fieldPath"]?.goScalar ?? ""
                let value = pod.map { fieldValue(path, of: $0) } ?? ""
                write(3, "\(name):\t\(value) (\(field["apiVersion"]?.goScalar ?? "v1"):\(path))\n")
            } else if let field = source["resourceFieldRef"] {
                let resource = field["resource"]?.goScalar ?? ""
                write(3, "\(name):\t\(resourceValue(resource, of: container)) (\(resource))\n")
            } else if let secret = source["secretKeyRef"] {
                write(3, "\(name):\t<set to the key '\(secret["key"]?.goScalar ?? "")' in secret "
                    + "'\(secret["name"]?.goScalar ?? "")'>\tOptional: \(isOptional(secret))\n")
            } else if let configMap = source["configMapKeyRef"] {
                write(3, "\(name):\t<set to the key '\(configMap["key"]?.goScalar ?? "")' of config map "
                    + "'\(configMap["name"]?.goScalar ?? "")'>\tOptional: \(isOptional(configMap))\n")
            }
        }
    }

    /// `describeContainerEnvFrom`: `name\tConfigMap\tOptional: false` per source.
    mutating func environmentFrom(_ container: Container) {
        write(2, "Environment Variables from:\n")
        for source in container.envFrom {
            var kind = ""
            var reference: JSONValue?
            if let configMap = source["configMapRef"] {
                (kind, reference) = ("ConfigMap", configMap)
            } else if let secret = source["secretRef"] {
                (kind, reference) = ("Secret", secret)
            }
            let name = reference?["name"]?.goScalar ?? ""
            let optional = reference.map(isOptional) ?? false
            let prefix = source["prefix"]?.goScalar ?? ""
            let from = prefix.isEmpty ? kind : "\(kind) with prefix '\(prefix)'"
            write(3, "\(name)\t\(from)\tOptional: \(optional)\n")
        }
    }

    /// `describeContainerVolumes`: mounts sorted by path, then block devices.
    mutating func mounts(_ container: Container) {
        write(2, "Mounts:\(container.volumeMounts.isEmpty ? "\t<none>" : "")\n")
        let path = { (mount: JSONValue) in mount["mountPath"]?.goScalar ?? "" }
        let mounts = container.volumeMounts.sorted { goLess(path($0), path($1)) }
        for mount in mounts {
            var flags = [mount["readOnly"]?.boolValue == true ? "ro" : "rw"]
            if let subPath = mount["subPath"]?.goScalar, !subPath.isEmpty { flags.append("path=\(goQuoted(subPath))") }
            write(3, "\(path(mount)) from \(mount["name"]?.goScalar ?? "") (\(flags.joined(separator: ",")))\n")
        }
        let devices = container.raw["volumeDevices"]?.arrayValue ?? []
        guard !devices.isEmpty else { return }
        write(2, "Devices:\(container.volumeMounts.isEmpty ? "\t<none>" : "")\n")
        let devicePath = { (device: JSONValue) in device["devicePath"]?.goScalar ?? "" }
        for device in devices.sorted(by: { goLess(devicePath($0), devicePath($1)) }) {
            write(3, "\(devicePath(device)) from \(device["name"]?.goScalar ?? "")\n")
        }
    }

    private func isOptional(_ reference: JSONValue) -> Bool { reference["optional"]?.boolValue ?? false }

    /// `fieldpath.ExtractFieldPathAsString`: metadata fields only.
    private func fieldValue(_ path: String, of pod: Pod) -> String {
        func formatMap(_ map: [String: String]?) -> String {
            (map ?? [:]).keys.goSorted().map { "\($0)=\(goQuoted(map![$0]!))" }.joined(separator: "\n")
        }
        let maps = [("metadata.labels", pod.metadata.labels), ("metadata.annotations", pod.metadata.annotations)]
        for (prefix, map) in maps {
            if path == prefix { return formatMap(map) }
            if path.hasPrefix(prefix + "['"), path.hasSuffix("']") {
                let key = path.dropFirst(prefix.count + 2).dropLast(2)
                return map?[String(key)] ?? ""
            }
        }
        switch path {
        case "metadata.name": return pod.metadata.name
        case "metadata.namespace": return pod.metadata.namespace ?? ""
        case "metadata.uid": return pod.metadata.uid ?? ""
        default: return ""
        }
    }

    /// A simplified `ExtractContainerResourceValue`: the declared quantity as written; an unset
    /// limit reads `node allocatable`, an unset request `0`.
    private func resourceValue(_ resource: String, of container: Container) -> String {
        let parts = resource.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2 else { return "" }
        if let value = container.resources?[parts[0]]?[parts[1]], value != .null { return value.goScalar }
        return parts[0] == "limits" && (parts[1] == "cpu" || parts[1] == "memory") ? "node allocatable" : "0"
    }
}
