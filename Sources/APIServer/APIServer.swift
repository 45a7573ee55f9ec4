import ControlPlane
import Hummingbird
import HummingbirdTLS
import KubeModel
import Logging
import ServiceLifecycle
import Store
import Synchronization

/// `rollbook serve`: enough of the Kubernetes API for the real kubectl (and client libraries) to drive
/// the same store and the same ``ControlPlane`` as the CLI.
///
/// ```swift
/// let server = APIServer(configuration: ServerConfiguration(
///     storePath: "store.db", clock: { Timestamp(Date()) }, clockIsLive: true,
///     authenticator: Authenticator(tokens: [:], allowAnonymous: true)))
/// try await server.run { address in print("listening on \(address)") }
/// ```
public struct APIServer: Sendable {
    public let configuration: ServerConfiguration

    public init(configuration: ServerConfiguration) {
        self.configuration = configuration
    }

    /// Serves until SIGINT or SIGTERM. `onListening` receives `SCHEME://HOST:PORT` once the socket is bound (with
    /// port 0, the port the system chose).
    public func run(logger: Logger? = nil, onListening: @escaping @Sendable (String) -> Void) async throws {
        let store = try SQLiteStore(path: configuration.storePath)
        let backend = Backend(store: store, configuration: configuration)
        let bound = Mutex(String("\(configuration.host):\(configuration.port)"))
        let host = configuration.host
        let scheme = self.scheme
        var quiet = Logger(label: "rollbook.serve")
        quiet.logLevel = .warning
        let tlsSettings = try tlsConfiguration()
        let app = Application(
            responder: KubeAPI(backend: backend, address: { bound.withLock { $0 } }),
            server: try tlsSettings.map { try .tls(.http1(), tlsConfiguration: $0) } ?? .http1(),
            configuration: ApplicationConfiguration(address: .hostname(host, port: configuration.port)),
            onServerRunning: { channel in
                let address = "\(host):\(channel.localAddress?.port ?? 0)"
                bound.withLock { $0 = address }
                onListening("\(scheme)://\(address)")
            },
            logger: logger ?? quiet)
        var services: [any Service] = [app]
        if configuration.clockIsLive { services.append(TimeKeeper(backend: backend)) }
        var group = ServiceGroupConfiguration(
            services: services, gracefulShutdownSignals: [.sigterm, .sigint], logger: logger ?? quiet)
        // Watches never end by themselves: after this long, shutdown cancels them.
        group.maximumGracefulShutdownDuration = .seconds(2)
        try await ServiceGroup(configuration: group).run()
    }

    /// `http` or `https`.
    public var scheme: String { configuration.tls == nil ? "http" : "https" }

    /// The server side of TLS, when a certificate is configured.
    private func tlsConfiguration() throws -> TLSConfiguration? {
        guard let tls = configuration.tls else { return nil }
        let chain = try NIOSSLCertificate.fromPEMFile(tls.certificateFile)
        let key = try NIOSSLPrivateKey(file: tls.privateKeyFile, format: .pem)
        return TLSConfiguration.makeServerConfiguration(
            certificateChain: chain.map { .certificate($0) }, privateKey: .privateKey(key))
    }

}

/// With a live clock nobody may be asking, yet pods must become ready on time: simulated time catches up
/// in the background, so watches see it happen.
struct TimeKeeper: Service {
    let backend: Backend

    func run() async throws {
        let system = UserInfo(name: "system:rollbook-serve", uid: "", groups: ["system:masters"])
        try await cancelWhenGracefulShutdown {
            while !Task.isCancelled {
                try await Task.sleep(for: backend.configuration.pollInterval * 2)
                let plane = backend.plane(for: system, request: ["serve", "catch-up"])
                try? await backend.run { try plane.catchUp() }
            }
        }
    }
}
