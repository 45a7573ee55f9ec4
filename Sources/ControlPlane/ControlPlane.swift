import Cluster
import Controllers
import Foundation
import KubeModel
import Store

/// The façade every adapter uses: each mutating method is one command (one transaction); read methods
/// answer from the projections.
public final class ControlPlane: Sendable {
    public let store: SQLiteStore
    public let now: Timestamp
    public let actor: String
    public let argv: [String]

    public init(store: SQLiteStore, now: Timestamp, actor: String, argv: [String]) {
        self.store = store
        self.now = now
        self.actor = actor
        self.argv = argv
    }

    /// Who runs what; the store derives the command id once it knows where in the log the command lands.
    func newCommandInfo() -> CommandInfo { CommandInfo(actor: actor, argv: argv, now: now) }

    /// Runs one mutating command on one Deployment stream: `decide` looks at the current state and returns
    /// the user event (or nil for a no-op) plus the command's answer; the controllers then settle and
    /// everything is committed in one transaction.
    func mutate<T>(
        _ id: StreamID, _ decide: (DeploymentStream, NodeState) throws -> (ClusterEvent?, T)
    ) throws -> T {
        try store.write(command: newCommandInfo()) { writer in
            let stream = try writer.stream(id)
            let node = try writer.node()
            let (event, answer) = try decide(stream, node)
            guard let event else { return answer }
            var reconciler = Reconciler(stream: stream, node: node, now: now, nextSequence: writer.nextSequence)
            reconciler.emit(event, actor: actor)
            reconciler.reconcile()
            try writer.commit(reconciler.pending, streams: [reconciler.stream], node: nil)
            return answer
        }
    }

    /// Like ``mutate(_:_:)`` for a command that must find a live Deployment.
    func mutateDeployment<T>(
        namespace: String, name: String, _ decide: (Deployment, DeploymentStream) throws -> (ClusterEvent?, T)
    ) throws -> T {
        try mutate(.deployment(namespace: namespace, name: name)) { stream, _ in
            guard let deployment = stream.deployment else { throw CommandError.notFound(Resource.deployments, name) }
            return try decide(deployment, stream)
        }
    }

    /// Reads a consistent snapshot.
    public func read<T>(_ body: (StoreReader) throws -> T) throws -> T { try store.read(body) }

    /// The stream of a live Deployment, or kubectl's NotFound.
    public func deploymentStream(namespace: String, name: String) throws -> DeploymentStream {
        let stream = try read { try $0.stream(.deployment(namespace: namespace, name: name)) }
        guard stream.deployment != nil else { throw CommandError.notFound(Resource.deployments, name) }
        return stream
    }
}
