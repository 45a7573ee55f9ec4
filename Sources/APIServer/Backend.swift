import ControlPlane
import Dispatch
import KubeModel
import Manifests
import Store

/// What every request shares: the store, the clock and the caller's identity become a ``ControlPlane``
/// per request, exactly as each CLI invocation builds one.
///
/// SQLite calls block, so they run on one serial queue rather than on Swift's cooperative threads; the
/// store serialises them anyway.
final class Backend: Sendable {
    let store: SQLiteStore
    let configuration: ServerConfiguration
    private let queue = DispatchQueue(label: "rollbook.serve.store")

    init(store: SQLiteStore, configuration: ServerConfiguration) {
        self.store = store
        self.configuration = configuration
    }

    /// The control plane for one request: the clock's time now, the caller as actor, and the request line
    /// as what the commands table records.
    func plane(for user: UserInfo, request: [String], fieldValidation: FieldValidation = .strict) -> ControlPlane {
        ControlPlane(
            store: store, now: configuration.clock(), actor: user.name, argv: request, fieldValidation: fieldValidation)
    }

    var now: Timestamp { configuration.clock() }

    /// Runs blocking store work off the cooperative thread pool.
    func run<T: Sendable>(_ body: @escaping @Sendable () throws -> T) async throws -> T {
        try await withCheckedThrowingContinuation { continuation in
            queue.async { continuation.resume(with: Result { try body() }) }
        }
    }
}
