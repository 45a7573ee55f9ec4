/// A `core/v1.Event`, as the controllers record them and `describe` lists them.
public struct KubeEvent: Sendable, Hashable, Codable {
    public struct InvolvedObject: Sendable, Hashable, Codable {
        public var kind: String
        public var namespace: String
        public var name: String
        public var uid: String
        public var apiVersion: String
        /// `spec.containers{NAME}` for the kubelet's container events.
        public var fieldPath: String?

        public init(kind: String, namespace: String, name: String, uid: String, apiVersion: String,
                    fieldPath: String? = nil) {
            self.kind = kind
            self.namespace = namespace
            self.name = name
            self.uid = uid
            self.apiVersion = apiVersion
            self.fieldPath = fieldPath
        }
    }

    public var name: String
    public var namespace: String
    public var involvedObject: InvolvedObject
    /// `Normal` or `Warning`.
    public var type: String
    public var reason: String
    public var message: String
    /// `source.component`, e.g. `deployment-controller`.
    public var source: String
    public var count: Int
    public var firstTimestamp: Timestamp
    public var lastTimestamp: Timestamp

    public init(name: String, namespace: String, involvedObject: InvolvedObject, type: String, reason: String,
                message: String, source: String, count: Int, firstTimestamp: Timestamp, lastTimestamp: Timestamp) {
        self.name = name
        self.namespace = namespace
        self.involvedObject = involvedObject
        self.type = type
        self.reason = reason
        self.message = message
        self.source = source
        self.count = count
        self.firstTimestamp = firstTimestamp
        self.lastTimestamp = lastTimestamp
    }
}
