public import KubeModel

/// How `rollbook serve` runs: where it listens, which store it serves, what time it is, and who may call it.
public struct ServerConfiguration: Sendable {
    /// The address to bind; loopback unless the operator says otherwise.
    public var host: String
    /// The port to bind; 0 picks a free one (the chosen port is reported through `onListening`).
    public var port: Int
    /// The SQLite store, the same file the CLI uses.
    public var storePath: String
    /// The clock every request and the simulation use: `ROLLBOOK_NOW` fixed, or the system clock.
    public var clock: @Sendable () -> Timestamp
    /// Whether the clock moves by itself. Then simulated time is caught up in the background, so watches
    /// see pods become ready without anyone asking.
    public var clockIsLive: Bool
    public var authenticator: Authenticator
    /// How often a watch looks for new events, and how often simulated time catches up.
    public var pollInterval: Duration
    /// A PEM certificate chain and private key: with them the server speaks HTTPS. kubectl only sends
    /// bearer tokens over HTTPS, so token authentication needs this; over plain HTTP only anonymous
    /// requests get through.
    public var tls: (certificateFile: String, privateKeyFile: String)?

    public init(
        host: String = "127.0.0.1", port: Int = 6443, storePath: String, clock: @escaping @Sendable () -> Timestamp,
        clockIsLive: Bool, authenticator: Authenticator, pollInterval: Duration = .milliseconds(100),
        tls: (certificateFile: String, privateKeyFile: String)? = nil
    ) {
        self.tls = tls
        self.host = host
        self.port = port
        self.storePath = storePath
        self.clock = clock
        self.clockIsLive = clockIsLive
        self.authenticator = authenticator
        self.pollInterval = pollInterval
    }
}
