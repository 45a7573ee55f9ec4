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
                var value = resourceValue(resource, divisor: field["divisor"], of: container) ?? ""
                if value == "0" && (resource == "limits.cpu" || resource == "limits.memory") {
                    value = "node allocatable"
                }
                write(3, "\(name):\t\(value) (\(resource))\n")
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

    /// `ExtractContainerResourceValue`: the container's quantity divided by the divisor (1 when unset or zero),
    /// rounded up, CPU in thousandths and the others in whole units: `limits.cpu` 1500m is `2`, `limits.memory`
    /// 300Mi with divisor 1Mi is `300`. An unset quantity is zero. Nil for a resource kubectl does not read.
    private func resourceValue(_ resource: String, divisor: JSONValue?, of container: Container) -> String? {
        let parts = resource.split(separator: ".", maxSplits: 1).map(String.init)
        guard parts.count == 2, parts[0] == "limits" || parts[0] == "requests" else { return nil }
        let name = parts[1]
        guard ["cpu", "memory", "ephemeral-storage"].contains(name) || name.hasPrefix("hugepages-") else { return nil }
        let quantity = container.resources?[parts[0]]?[name].flatMap { Quantity($0) }
        let unit = divisor.flatMap { Quantity($0) }.flatMap { $0.isZero ? nil : $0 } ?? Quantity(parsing: "1")!
        let ratio = name == "cpu"
            ? Double(quantity?.milliValue ?? 0) / Double(unit.milliValue)
            : Double(quantity?.value ?? 0) / Double(unit.value)
        return String(Self.goInt64(ratio.rounded(.up)))
    }

    /// Go's `int64(f)` on amd64, where a value out of range is the smallest int64 (Swift would trap).
    private static func goInt64(_ value: Double) -> Int64 {
        value.isFinite && value >= -9.223372036854775808e18 && value < 9.223372036854775808e18 ? Int64(value) : .min
    }
}
