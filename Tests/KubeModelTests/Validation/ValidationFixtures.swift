import Testing
@testable import KubeModel

/// One validation rule: an edit to the valid fixture and the exact messages the API server returns for it.
struct ValidationCase: Sendable, CustomTestStringConvertible {
    let rule: String
    let expected: [String]
    /// Edits the raw manifest, before defaulting (as a client's manifest would differ).
    let edit: @Sendable (inout Deployment) -> Void
    /// Edits the stored object, after defaulting (states a manifest cannot produce).
    let editDefaulted: @Sendable (inout Deployment) -> Void

    init(_ rule: String, _ expected: [String], edit: @escaping @Sendable (inout Deployment) -> Void = { _ in },
         defaulted: @escaping @Sendable (inout Deployment) -> Void = { _ in }) {
        self.rule = rule
        self.expected = expected
        self.edit = edit
        self.editDefaulted = defaulted
    }

    init(_ rule: String, _ expected: String, edit: @escaping @Sendable (inout Deployment) -> Void = { _ in },
         defaulted: @escaping @Sendable (inout Deployment) -> Void = { _ in }) {
        self.init(rule, [expected], edit: edit, defaulted: defaulted)
    }

    var testDescription: String { rule }

    /// The messages `validate()` returns for the edited, defaulted fixture.
    var actual: [String] {
        var deployment = Fixture.deployment(edit)
        editDefaulted(&deployment)
        return deployment.validate().map(\.message)
    }
}

enum Fixture {
    /// `web`: replicas 3, selector and template `app=web`, one `nginx:1.27` container serving port 80.
    static func deployment(_ edit: (inout Deployment) -> Void = { _ in }) -> Deployment {
        let container: JSONValue = .object([
            "name": .string("nginx"), "image": .string("nginx:1.27"),
            "ports": .array([.object(["containerPort": .int(80)])]),
        ])
        var deployment = Deployment(
            metadata: ObjectMeta(name: "web", namespace: "default", labels: ["app": "web"]),
            spec: DeploymentSpec(
                replicas: 3, selector: LabelSelector(matchLabels: ["app": "web"]),
                template: PodTemplateSpec(
                    metadata: TemplateMetadata(labels: ["app": "web"]),
                    spec: PodSpec(raw: ["containers": .array([container])]))))
        edit(&deployment)
        deployment.applyDefaults()
        return deployment
    }
}

extension Deployment {
    /// Sets (or with nil removes) a field of container `index` in the pod template.
    mutating func setContainer(_ key: String, _ value: JSONValue?, at index: Int = 0) {
        spec.template.spec.containers[index].raw[key] = value
    }

    /// Sets (or with nil removes) a pod spec field of the template.
    mutating func setPod(_ key: String, _ value: JSONValue?) {
        spec.template.spec.raw[key] = value
    }

    /// Appends a container named `name` running `nginx:1.27`.
    mutating func addContainer(_ name: String) {
        spec.template.spec.containers.append(Container(name: name, image: "nginx:1.27"))
    }

    /// Sets the rolling update parameters, keeping the strategy type.
    mutating func setRollingUpdate(maxUnavailable: IntOrString?, maxSurge: IntOrString?) {
        spec.strategy = DeploymentStrategy(
            type: spec.strategy?.type,
            rollingUpdate: RollingUpdateDeployment(maxUnavailable: maxUnavailable, maxSurge: maxSurge))
    }
}

/// The fixed message texts of apimachinery v1.32, spelled out independently of the implementation.
enum Expected {
    static let dnsLabel = "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', "
        + "and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', "
        + "regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')"
    static let dnsSubdomain = "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, "
        + "'-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', "
        + "regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')"
    static let qualifiedName = "must consist of alphanumeric characters, '-', '_' or '.', and must start and end "
        + "with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', "
        + "regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')"
    static let labelValue = "a valid label must be an empty string or consist of alphanumeric characters, '-', '_' "
        + "or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  "
        + "or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')"
    static let percent = "a valid percent string must be a numeric string followed by an ending '%' "
        + "(e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')"
    static let mismatch = "spec.template.metadata.labels: Invalid value: map[string]string{\"app\":\"web\"}: "
        + "`selector` does not match template `labels`"
}
