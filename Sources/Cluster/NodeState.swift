import KubeModel

/// The simulated node: which images it holds and how their containers behave.
public struct NodeState: Sendable, Hashable, Codable {
    public static let nodeName = "rollbook-node"
    /// The well-known labels the kubelet puts on its Node, which selectors and topology keys look at.
    public static let labels = [
        "beta.kubernetes.io/arch": "amd64", "beta.kubernetes.io/os": "linux", "kubernetes.io/arch": "amd64",
        "kubernetes.io/hostname": nodeName, "kubernetes.io/os": "linux",
    ]

    public var version: Int = 0
    public var images: [String: LoadedImage] = [:]
    /// Images whose pulls fail (`rollbook images block`).
    public var blocked: Set<String> = []

    public init() {}

    public struct LoadedImage: Sendable, Hashable, Codable {
        public var image: String
        public var loadedAt: Timestamp
        public var startupSeconds: Int
        public var behaviour: ImageBehaviour

        public init(image: String, loadedAt: Timestamp, startupSeconds: Int, behaviour: ImageBehaviour) {
            self.image = image
            self.loadedAt = loadedAt
            self.startupSeconds = startupSeconds
            self.behaviour = behaviour
        }
    }

    public mutating func apply(_ event: ClusterEvent, at time: Timestamp) {
        switch event {
        case .imageLoaded(let loaded):
            images[loaded.image] = LoadedImage(
                image: loaded.image, loadedAt: time, startupSeconds: loaded.startupSeconds, behaviour: loaded.behaviour)
        case .imageRemoved(let ref):
            images[ref.image] = nil
        case .imageBlocked(let ref):
            blocked.insert(ref.image)
        case .imageUnblocked(let ref):
            blocked.remove(ref.image)
        default:
            break
        }
    }

    /// Whether a pull-policy `Never` container can start: the image (or its `:latest` form) is loaded.
    public func has(_ image: String) -> Bool { images[image] != nil }
}
