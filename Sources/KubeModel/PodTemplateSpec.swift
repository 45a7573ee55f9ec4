/// `core/v1.PodTemplateSpec`. The pod spec is kept whole as JSON so every field survives.
public struct PodTemplateSpec: Sendable, Hashable, Codable {
    public var metadata: TemplateMetadata
    public var spec: PodSpec

    public init(metadata: TemplateMetadata = TemplateMetadata(), spec: PodSpec = PodSpec()) {
        self.metadata = metadata
        self.spec = spec
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        metadata = try container.decodeIfPresent(TemplateMetadata.self, forKey: .metadata) ?? TemplateMetadata()
        spec = try container.decodeIfPresent(PodSpec.self, forKey: .spec) ?? PodSpec()
    }

    /// The template with the `pod-template-hash` label removed: what Deployment/ReplicaSet equality compares.
    public var withoutHashLabel: PodTemplateSpec {
        var copy = self
        copy.metadata.labels?[AnnotationKey.podTemplateHash] = nil
        if copy.metadata.labels?.isEmpty == true { copy.metadata.labels = nil }
        return copy
    }

    /// `EqualIgnoreHash`: semantic equality ignoring the `pod-template-hash` label.
    public func equalIgnoringHash(_ other: PodTemplateSpec) -> Bool {
        withoutHashLabel == other.withoutHashLabel
    }

    /// The canonical serialization the template hash is computed over.
    public var canonicalJSON: String {
        (try? JSONValue(encoding: self).canonicalJSON) ?? ""
    }
}

/// The metadata a pod template may carry.
public struct TemplateMetadata: Sendable, Hashable, Codable {
    public var labels: [String: String]?
    public var annotations: [String: String]?

    public init(labels: [String: String]? = nil, annotations: [String: String]? = nil) {
        self.labels = labels
        self.annotations = annotations
    }
}

/// `core/v1.PodSpec`, stored as JSON with typed accessors for what the simulator reads.
public struct PodSpec: Sendable, Hashable, Codable {
    public var raw: [String: JSONValue]

    public init(raw: [String: JSONValue] = [:]) { self.raw = raw }

    public init(from decoder: any Decoder) throws {
        raw = try decoder.singleValueContainer().decode([String: JSONValue].self)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(raw)
    }

    public var containers: [Container] {
        get { (raw["containers"]?.arrayValue ?? []).map { Container(raw: $0.objectValue ?? [:]) } }
        set { raw["containers"] = .array(newValue.map { .object($0.raw) }) }
    }

    public var initContainers: [Container] {
        get { (raw["initContainers"]?.arrayValue ?? []).map { Container(raw: $0.objectValue ?? [:]) } }
        set { raw["initContainers"] = .array(newValue.map { .object($0.raw) }) }
    }

    /// Changes every init and regular container, in that order. Init containers are written back only when the spec
    /// has some: an empty list written here would read back as absent, so an update would see a change.
    public mutating func mapEveryContainer(_ transform: (Container) -> Container) {
        if raw["initContainers"] != nil { initContainers = initContainers.map(transform) }
        containers = containers.map(transform)
    }

    public var nodeName: String? {
        get { raw["nodeName"]?.stringValue }
        set { raw["nodeName"] = newValue.map(JSONValue.string) }
    }

    public var restartPolicy: String? { raw["restartPolicy"]?.stringValue }
    public var serviceAccountName: String? { raw["serviceAccountName"]?.stringValue }
    public var priorityClassName: String? { raw["priorityClassName"]?.stringValue }
    public var nodeSelector: [String: String] {
        (raw["nodeSelector"]?.objectValue ?? [:]).compactMapValues(\.stringValue)
    }
    public var volumes: [JSONValue] { raw["volumes"]?.arrayValue ?? [] }
    public var tolerations: [JSONValue] { raw["tolerations"]?.arrayValue ?? [] }
}

/// `core/v1.Container`, stored as JSON with typed accessors.
public struct Container: Sendable, Hashable {
    public var raw: [String: JSONValue]

    public init(raw: [String: JSONValue]) { self.raw = raw }

    public init(name: String, image: String) {
        raw = ["name": .string(name), "image": .string(image)]
    }

    public var name: String { raw["name"]?.stringValue ?? "" }

    public var image: String {
        get { raw["image"]?.stringValue ?? "" }
        set { raw["image"] = .string(newValue) }
    }

    public var imagePullPolicy: String? { raw["imagePullPolicy"]?.stringValue }

    /// An init container with `restartPolicy: Always`: a sidecar, which keeps running beside the regular containers.
    public var isSidecar: Bool { raw["restartPolicy"]?.stringValue == "Always" }

    public var ports: [ContainerPort] {
        (raw["ports"]?.arrayValue ?? []).map { port in
            ContainerPort(
                name: port["name"]?.stringValue,
                containerPort: port["containerPort"]?.intValue ?? 0,
                hostPort: port["hostPort"]?.intValue ?? 0,
                protocol: port["protocol"]?.stringValue ?? "TCP")
        }
    }

    public var command: [String] { (raw["command"]?.arrayValue ?? []).compactMap(\.stringValue) }
    public var args: [String] { (raw["args"]?.arrayValue ?? []).compactMap(\.stringValue) }
    public var env: [JSONValue] { raw["env"]?.arrayValue ?? [] }
    public var envFrom: [JSONValue] { raw["envFrom"]?.arrayValue ?? [] }
    public var volumeMounts: [JSONValue] { raw["volumeMounts"]?.arrayValue ?? [] }
    public var resources: JSONValue? { raw["resources"] }
}

public struct ContainerPort: Sendable, Hashable {
    public var name: String?
    public var containerPort: Int
    public var hostPort: Int
    public var `protocol`: String
}
