import ControlPlane
import Foundation
import KubeModel
import Manifests

/// A deterministic random source (SplitMix64), so every scale generates the same history on every machine.
struct SeededRandom: RandomNumberGenerator {
    private var state: UInt64

    init(seed: UInt64) { state = seed &+ 0x9E37_79B9_7F4A_7C15 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// The synthetic fleet: Deployments spread over team namespaces, each running one of a few service images,
/// some with a sidecar, changed by users the way a busy cluster is.
struct Fleet: Codable {
    static let services = ["api", "web", "worker", "gateway", "cache", "auth", "billing", "search"]
    /// Seconds a container of each service takes to become ready (so rollouts span several commands).
    static let startup = [0, 2, 5, 0, 3, 10, 4, 7]
    static let versions = 10
    static let sidecarVersions = ["1.29.1", "1.30.2", "1.31.0"]

    var deployments: Int
    var namespacesCount: Int
    /// The simulated clock after the last command.
    var now: Int64
    var commands: Int = 0

    init(deployments: Int, start: Int64) {
        self.deployments = deployments
        namespacesCount = max(1, deployments / 10)
        now = start
    }

    func namespace(of index: Int) -> String { String(format: "team-%03d", index % namespacesCount) }
    func name(of index: Int) -> String { String(format: "svc-%05d", index) }
    func service(of index: Int) -> Int { (index * 7 + index / 3) % Fleet.services.count }
    func hasSidecar(_ index: Int) -> Bool { index % 3 == 0 }

    static func image(service: Int, version: Int) -> String {
        "registry.example.com/platform/\(services[service]):1.\(version / 4).\(version % 4)"
    }

    static func sidecar(_ version: Int) -> String { "docker.io/envoyproxy/envoy:v\(sidecarVersions[version])" }

    /// Every image the fleet ever runs, loaded once at the start with its startup delay.
    static var imagesByStartup: [Int: [String]] {
        var out: [Int: [String]] = [:]
        for service in services.indices {
            for version in 0..<versions { out[startup[service], default: []].append(image(service: service, version: version)) }
        }
        out[1, default: []] += sidecarVersions.indices.map(sidecar)
        return out
    }
}

/// What the generator remembers about one Deployment, to pick sensible next commands without reading the store.
struct DeploymentModel {
    var exists = false
    var paused = false
    var revisions = 0
    var version = 0
    var sidecarVersion = 0
    var replicas = 2
    var configGeneration = 0
    var cpu = 100
}

/// One Deployment manifest as a user would write it: labels, annotations, probes, env, resources.
enum ManifestTemplate {
    static func json(fleet: Fleet, index: Int, model: DeploymentModel) -> String {
        let name = fleet.name(of: index)
        let namespace = fleet.namespace(of: index)
        let service = Fleet.services[fleet.service(of: index)]
        let image = Fleet.image(service: fleet.service(of: index), version: model.version)
        let labels = #"{"app":"\#(name)","team":"\#(namespace)","tier":"\#(service)"}"#
        var containers = [
            """
            {"name":"\(service)","image":"\(image)","imagePullPolicy":"IfNotPresent",\
            "ports":[{"name":"http","containerPort":8080,"protocol":"TCP"},{"name":"metrics","containerPort":9090,"protocol":"TCP"}],\
            "env":[{"name":"LOG_LEVEL","value":"\(model.configGeneration % 2 == 0 ? "info" : "debug")"},\
            {"name":"CONFIG_GENERATION","value":"\(model.configGeneration)"},{"name":"SERVICE_NAME","value":"\(name)"},\
            {"name":"OTEL_EXPORTER_OTLP_ENDPOINT","value":"http://otel-collector.observability:4317"}],\
            "resources":{"requests":{"cpu":"\(model.cpu)m","memory":"128Mi"},"limits":{"cpu":"\(model.cpu * 4)m","memory":"512Mi"}},\
            "readinessProbe":{"httpGet":{"path":"/healthz","port":8080},"periodSeconds":5}}
            """,
        ]
        if fleet.hasSidecar(index) {
            containers.append(
                """
                {"name":"envoy","image":"\(Fleet.sidecar(model.sidecarVersion))","imagePullPolicy":"IfNotPresent",\
                "ports":[{"containerPort":15001,"protocol":"TCP"}],\
                "resources":{"requests":{"cpu":"50m","memory":"64Mi"},"limits":{"cpu":"200m","memory":"128Mi"}}}
                """)
        }
        return """
            {"apiVersion":"apps/v1","kind":"Deployment",\
            "metadata":{"name":"\(name)","namespace":"\(namespace)","labels":\(labels),\
            "annotations":{"team.example.com/owner":"\(namespace)@example.com","team.example.com/oncall":"#\(namespace)-oncall"}},\
            "spec":{"replicas":\(model.replicas),"revisionHistoryLimit":10,\
            "selector":{"matchLabels":{"app":"\(name)"}},\
            "strategy":{"type":"RollingUpdate","rollingUpdate":{"maxSurge":"25%","maxUnavailable":"25%"}},\
            "template":{"metadata":{"labels":\(labels)},"spec":{"containers":[\(containers.joined(separator: ","))]}}}}
            """
    }
}
