import Cluster
import ControlPlane
import KubeModel
import Store

/// `--at POINT`: taken by every read command and by no mutating one, so `apply --at` is a usage error.
struct PointInTimeOption: OptionGroup {
    var at: String?

    static let options: [CommandOption<Self>] = [
        .option(\.at, "at", valueName: "POINT", help:
            "Print what this command printed at POINT: an event sequence number or an RFC 3339 time. Never writes."),
    ]
}

/// Where a read command looks: the present (the projections, after time catches up), or the past (the
/// log folded up to a point, through a read-only connection).
enum ReadSource {
    case live(ControlPlane)
    case past(SQLiteStore, PointInTime, FoldedStreams)

    /// What "now" is for ages: the command's clock, or the point's time.
    var now: Timestamp {
        switch self {
        case .live(let plane): plane.now
        case .past(_, let point, _): point.time
        }
    }

    var isPast: Bool {
        if case .past = self { return true }
        return false
    }

    func read<T>(_ body: (any StateReading) throws -> T) throws -> T {
        switch self {
        case .live(let plane): try plane.read(body)
        case .past(let store, let point, let cache): try store.read(at: point, cache: cache, body)
        }
    }

    /// The stream of a Deployment that exists at this source's moment, or kubectl's NotFound.
    ///
    /// - Parameter whole: false when only the Deployment and its ReplicaSets will be looked at.
    func deploymentStream(namespace: String, name: String, whole: Bool = true) throws -> DeploymentStream {
        let id = StreamID.deployment(namespace: namespace, name: name)
        let stream = try read { whole ? try $0.stream(id) : try $0.deploymentAndReplicaSets(id) }
        guard stream.deployment != nil else { throw CommandError.notFound(Resource.deployments, name) }
        return stream
    }
}

extension GlobalOptions {
    /// The live control plane, or the store opened read-only at `--at`.
    func readSource(_ option: PointInTimeOption) throws -> ReadSource {
        guard let text = option.at else { return .live(try controlPlane()) }
        let store = try readOnlyStore()
        return .past(store, try store.resolve(text, flag: "--at"), FoldedStreams())
    }

    /// The store, opened so that nothing this process does can change it.
    func readOnlyStore() throws -> SQLiteStore {
        try SQLiteStore(path: store ?? Environment.storePath, readOnly: true)
    }
}

extension SQLiteStore {
    /// Parses and resolves a POINT given to `flag`, with errors worded for the command line.
    func resolve(_ text: String, flag: String) throws -> PointInTime {
        guard let point = Point(parsing: text) else {
            throw CommandError.client(
                "invalid argument \"\(text)\" for \"\(flag)\" flag: want an event sequence number or an RFC 3339 time "
                    + "such as 2026-11-26T15:00:00Z")
        }
        do {
            return try resolve(point)
        } catch let error as PointError {
            throw CommandError.client("invalid argument \"\(text)\" for \"\(flag)\" flag: \(error.description)")
        }
    }
}
