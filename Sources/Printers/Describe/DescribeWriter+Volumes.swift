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
        if let source = volume["csi"] {
            return ["Type:\tCSI (a Container Storage Interface (CSI) volume source)", "Driver:\t\(text(source, "driver"))",
                    "FSType:\t\(text(source, "fsType"))", "ReadOnly:\t\(flag(source, "readOnly"))"]
                + Self.attributeLines("VolumeAttributes", source["volumeAttributes"]?.objectValue ?? [:])
        }
        if let source = volume["ephemeral"] {
            return ephemeralLines(source)
        }
        for (key, type, fields) in Self.plainSources {
            guard let source = volume[key], source != .null else { continue }
            return ["Type:\t\(type)"] + fields.map { label, field in
                let value = source[field]
                return "\(label)\t\(value?.arrayValue.map { $0.map(\.goScalar).joined(separator: ", ") } ?? value.map { $0 == .null ? "" : $0.goScalar } ?? Self.zero(field))"
            }
        }
        return nil
    }

    /// Sources printed field by field (`print<Kind>VolumeSource`): the key, the `Type:` text, then each line's label
    /// and field. Sources whose lines print Go pointers to structs (secret references, Ceph, RBD, iSCSI, ScaleIO, Flex,
    /// Azure Disk) print `<unknown>` here.
    private static let plainSources: [(String, String, [(String, String)])] = [
        ("gcePersistentDisk", "GCEPersistentDisk (a Persistent Disk resource in Google Compute Engine)",
         [("PDName:", "pdName"), ("FSType:", "fsType"), ("Partition:", "partition"), ("ReadOnly:", "readOnly")]),
        ("awsElasticBlockStore", "AWSElasticBlockStore (a Persistent Disk resource in AWS)",
         [("VolumeID:", "volumeID"), ("FSType:", "fsType"), ("Partition:", "partition"), ("ReadOnly:", "readOnly")]),
        ("gitRepo", "GitRepo (a volume that is pulled from git when the pod is created)",
         [("Repository:", "repository"), ("Revision:", "revision")]),
        ("nfs", "NFS (an NFS mount that lasts the lifetime of a pod)",
         [("Server:", "server"), ("Path:", "path"), ("ReadOnly:", "readOnly")]),
        ("glusterfs", "Glusterfs (a Glusterfs mount on the host that shares a pod's lifetime)",
         [("EndpointsName:", "endpoints"), ("Path:", "path"), ("ReadOnly:", "readOnly")]),
        ("quobyte", "Quobyte (a Quobyte mount on the host that shares a pod's lifetime)",
         [("Registry:", "registry"), ("Volume:", "volume"), ("ReadOnly:", "readOnly")]),
        ("vsphereVolume", "vSphereVolume (a Persistent Disk resource in vSphere)",
         [("VolumePath:", "volumePath"), ("FSType:", "fsType"), ("StoragePolicyName:", "storagePolicyName")]),
        ("photonPersistentDisk", "PhotonPersistentDisk (a Persistent Disk resource in photon platform)",
         [("PdID:", "pdID"), ("FSType:", "fsType")]),
        ("portworxVolume", "PortworxVolume (a Portworx Volume resource)", [("VolumeID:", "volumeID")]),
        ("storageos", "StorageOS (a StorageOS Persistent Disk resource)",
         [("VolumeName:", "volumeName"), ("VolumeNamespace:", "volumeNamespace"), ("FSType:", "fsType"),
          ("ReadOnly:", "readOnly")]),
        ("fc", "FC (a Fibre Channel disk)",
         [("TargetWWNs:", "targetWWNs"), ("LUN:", "lun"), ("FSType:", "fsType"), ("ReadOnly:", "readOnly")]),
        ("azureFile", "AzureFile (an Azure File Service mount on the host and bind mount to the pod)",
         [("SecretName:", "secretName"), ("ShareName:", "shareName"), ("ReadOnly:", "readOnly")]),
        ("flocker", "Flocker (a Flocker volume mounted by the Flocker agent)",
         [("DatasetName:", "datasetName"), ("DatasetUUID:", "datasetUUID")]),
    ]

    /// What Go prints for a field the object leaves out: false, 0, an empty string, or FC's `<none>` LUN.
    private static func zero(_ field: String) -> String {
        switch field {
        case "readOnly": "false"
        case "partition": "0"
        case "lun": "<none>"
        default: ""
        }
    }

    /// `printCSIPersistentVolumeAttributesMultilineIndent` (and `printLabelsMultiline`, `printAnnotationsMultiline`
    /// through a nested writer): each value is written with the writer's own indent, so it stands four spaces into
    /// its column; sorted, a line cut at 140. Only a nested writer indents `<none>` too.
    private static func attributeLines(_ title: String, _ attributes: [String: JSONValue], separator: String = "=",
                                       nested: Bool = false) -> [String]
    {
        guard !attributes.isEmpty else { return ["\(title):\t\(nested ? "    " : "")<none>"] }
        return attributes.keys.goSorted().enumerated().map { index, key in
            var line = "\(key)\(separator)\(attributes[key]?.goScalar ?? "")"
            if line.utf8.count > maxAnnotationLength {
                line = String(decoding: Array(line.utf8.prefix(maxAnnotationLength)), as: UTF8.self) + "..."
            }
            return (index == 0 ? "\(title):\t" : "    \t") + "    " + line
        }
    }

    /// `printEphemeralVolumeSource`: the claim template as `printPersistentVolumeClaim` prints a claim that is not
    /// a full object, through a nested writer (its label lines' values stand four spaces in). Capacity and access
    /// modes are the bound volume's, so they are empty for a template.
    private func ephemeralLines(_ source: JSONValue) -> [String] {
        var lines = ["Type:\tEphemeralVolume (an inline specification for a volume that gets created and deleted with the pod)"]
        guard let template = source["volumeClaimTemplate"], template != .null else { return lines }
        let spec = template["spec"] ?? .object([:]), metadata = template["metadata"] ?? .object([:])
        let storageClass = spec["storageClassName"]?.stringValue
            ?? metadata["annotations"]?["volume.beta.kubernetes.io/storage-class"]?.stringValue ?? ""
        lines += ["StorageClass:\t\(storageClass)", "Volume:\t\(spec["volumeName"]?.stringValue ?? "")"]
        lines += Self.attributeLines("Labels", metadata["labels"]?.objectValue ?? [:], nested: true)
        let annotations = (metadata["annotations"]?.objectValue ?? [:]).filter { $0.key != AnnotationKey.lastApplied }
        lines += Self.attributeLines("Annotations", annotations, separator: ": ", nested: true)
        lines += ["Capacity:\t", "Access Modes:\t"]
        if let mode = spec["volumeMode"]?.stringValue { lines.append("VolumeMode:\t\(mode)") }
        return lines
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
