import Cluster
import Controllers
import Foundation
import KubeModel
import Manifests
import Store

/// The façade every adapter uses: each mutating method is one command (one transaction); read methods
/// answer from the projections.
public final class ControlPlane: Sendable {
    public let store: SQLiteStore
    public let now: Timestamp
    public let actor: String
    public let argv: [String]
    /// How the writes' bodies treat unknown fields (`--validate`, `fieldValidation`).
    public let fieldValidation: FieldValidation

    public init(
        store: SQLiteStore, now: Timestamp, actor: String, argv: [String], fieldValidation: FieldValidation = .strict
    ) {
        self.store = store
        self.now = now
        self.actor = actor
        self.argv = argv
        self.fieldValidation = fieldValidation
    }

    /// Who runs what; the store derives the command id once it knows where in the log the command lands.
    func newCommandInfo() -> CommandInfo { CommandInfo(actor: actor, argv: argv, now: now) }

    /// Runs one mutating command on one Deployment stream: time first catches up to `now`; then `decide`
    /// looks at the current state and returns the user event (or nil for a no-op) plus the command's answer;
    /// the controllers settle and everything is committed in one transaction.
    ///
    /// `afterEvent` sees the Deployment the user event left, before the controllers act: what the API server
    /// answers a write with.
    func mutate<T>(
        _ id: StreamID, afterEvent: (Deployment?) -> Void = { _ in },
        _ decide: (DeploymentStream, NodeState) throws -> (ClusterEvent?, T)
    ) throws -> T {
        try store.write(command: newCommandInfo()) { writer in
            var simulation = try Simulation(writer: writer, now: now)
            try simulation.catchUp()
            let (event, answer) = try decide(try simulation.stream(id), simulation.node)
            if let event {
                try simulation.apply([event], to: id, actor: actor, at: now) { afterEvent($0.deployment) }
            }
            try writer.commit(simulation)
            return answer
        }
    }

    /// Lets simulated time catch up to `now` in its own transaction, if anything is due. Read commands call
    /// this first, so what they print includes pods that became ready and deadlines that passed.
    public func catchUp() throws {
        let due = try store.read { try $0.dueStreams(by: now) }
        guard !due.isEmpty else { return }
        try store.write(command: newCommandInfo()) { writer in
            var simulation = try Simulation(writer: writer, now: now)
            try simulation.catchUp()
            try writer.commit(simulation)
        }
    }

    /// Like ``mutate(_:_:)`` for a command that must find a live Deployment.
    func mutateDeployment<T>(
        namespace: String, name: String, afterEvent: (Deployment?) -> Void = { _ in },
        _ decide: (Deployment, DeploymentStream) throws -> (ClusterEvent?, T)
    ) throws -> T {
        try mutate(.deployment(namespace: namespace, name: name), afterEvent: afterEvent) { stream, _ in
            guard let deployment = stream.deployment else { throw CommandError.notFound(Resource.deployments, name) }
            return try decide(deployment, stream)
        }
    }

    /// What a server-side dry run answers: the Deployment with `event` applied, its resourceVersion unchanged
    /// since nothing was stored.
    func preview(_ event: ClusterEvent, on stream: DeploymentStream) -> Deployment? {
        var preview = stream
        let version = stream.deployment?.metadata.resourceVersion
        preview.apply(event, sequence: Int64(version ?? "") ?? 0, at: now)
        preview.deployment?.metadata.resourceVersion = version
        return preview.deployment
    }

    /// One command as one write transaction: simulated time catches up to `now`, `body` decides and simulates,
    /// and what it appended is committed, unless `dryRun` (decided and checked, nothing stored).
    func simulating<T>(dryRun: Bool, _ body: (inout Simulation) throws -> T) throws -> T {
        try store.write(command: newCommandInfo()) { writer in
            var simulation = try Simulation(writer: writer, now: now)
            try simulation.catchUp()
            let result = try body(&simulation)
            if !dryRun { try writer.commit(simulation) }
            return result
        }
    }

    /// Reads a consistent snapshot, after letting simulated time catch up to `now`.
    public func read<T>(_ body: (StoreReader) throws -> T) throws -> T {
        try catchUp()
        return try store.read(body)
    }

    /// The stream of a live Deployment, or kubectl's NotFound.
    public func deploymentStream(namespace: String, name: String) throws -> DeploymentStream {
        let stream = try read { try $0.stream(.deployment(namespace: namespace, name: name)) }
        guard stream.deployment != nil else { throw CommandError.notFound(Resource.deployments, name) }
        return stream
    }
}
