import ControlPlane
import KubeModel
import Manifests

/// The Deployment `kubectl create deployment --dry-run=client -o yaml|json` prints: the typed object
/// create_deployment.go builds, before any server defaulting. Go marshals its zero `creationTimestamp` as
/// null and its empty `strategy`, `resources` and `status` structs as `{}`; JSON keeps the structs' field
/// order (YAML sorts keys).
struct GeneratedDeploymentText {
    indirect enum Node {
        case text(String)  // JSON text of a scalar
        case list([Node])
        case object([(String, Node)])
    }

    let root: Node

    init(_ deployment: Deployment, namespace: String?) {
        let labels = Node.object((deployment.metadata.labels ?? [:]).sorted { $0.key < $1.key }.map {
            ($0.key, .text(JSONText.quoted($0.value)))
        })
        let containers = deployment.spec.template.spec.containers.map { container -> Node in
            var members: [(String, Node)] = [("name", .text(JSONText.quoted(container.name))), ("image", .text(JSONText.quoted(container.image)))]
            if let command = container.raw["command"]?.arrayValue {
                members.append(("command", .list(command.map { .text(JSONText.quoted($0.stringValue ?? "")) })))
            }
            if let port = container.raw["ports"]?.arrayValue?.first?["containerPort"], case .int(let number) = port {
                members.append(("ports", .list([.object([("containerPort", .text(String(number)))])])))
            }
            members.append(("resources", .object([])))
            return .object(members)
        }
        var metadata: [(String, Node)] = [("name", .text(JSONText.quoted(deployment.name)))]
        if let namespace { metadata.append(("namespace", .text(JSONText.quoted(namespace)))) }
        metadata += [("creationTimestamp", .text("null")), ("labels", labels)]
        root = .object([
            ("kind", .text("\"Deployment\"")), ("apiVersion", .text("\"apps/v1\"")),
            ("metadata", .object(metadata)),
            ("spec", .object([
                ("replicas", .text(String(deployment.spec.desiredReplicas))),
                ("selector", .object([("matchLabels", labels)])),
                ("template", .object([
                    ("metadata", .object([("creationTimestamp", .text("null")), ("labels", labels)])),
                    ("spec", .object([("containers", .list(containers))])),
                ])),
                ("strategy", .object([])),
            ])),
            ("status", .object([])),
        ])
    }

    /// `json.MarshalIndent(obj, "", "    ")` and a newline, as kubectl's JSON printer writes it.
    var json: String { Self.indented(root, depth: 0) + "\n" }

    /// The YAML kubectl prints: sigs.k8s.io/yaml over the same JSON, keys sorted.
    var yaml: String { ObjectPrinter.yaml((try? JSONCodec.parse(json)) ?? .null) }

    private static func indented(_ node: Node, depth: Int) -> String {
        let pad = String(repeating: "    ", count: depth + 1), close = String(repeating: "    ", count: depth)
        switch node {
        case .text(let text):
            return text
        case .list(let items):
            if items.isEmpty { return "[]" }
            return "[\n" + items.map { pad + indented($0, depth: depth + 1) }.joined(separator: ",\n") + "\n\(close)]"
        case .object(let members):
            if members.isEmpty { return "{}" }
            let lines = members.map { pad + JSONText.quoted($0.0) + ": " + indented($0.1, depth: depth + 1) }
            return "{\n" + lines.joined(separator: ",\n") + "\n\(close)}"
        }
    }
}
