import Cluster
import Foundation
import KubeModel
import Store

/// In-process point-in-time reads: one Deployment as of a random event, and the whole cluster as of a
/// random time, through the same `SQLiteStore.resolve` + `read(at:)` the `--at` flag uses.
struct PointInTimeBench {
    let store: SQLiteStore
    let fleet: Fleet
    var rng: SeededRandom

    mutating func run(samples: Int, clusterSamples: Int) throws -> [String: Any] {
        let head = try store.read { try $0.headSequence() }
        // The whole stream (what `describe` folds, Kubernetes Events included), and at the same points its
        // objects only (what `rollout history --at` and `get` of one Deployment fold).
        var one: [Double] = [], objects: [Double] = []
        for _ in 0..<samples {
            let sequence = Int64.random(in: 1...head, using: &rng)
            let index = Int.random(in: 0..<fleet.deployments, using: &rng)
            let id = StreamID.deployment(namespace: fleet.namespace(of: index), name: fleet.name(of: index))
            one.append(try seconds {
                _ = try store.read(at: try store.resolve(.sequence(sequence))) { try $0.stream(id) }
            })
            objects.append(try seconds {
                _ = try store.read(at: try store.resolve(.sequence(sequence))) { try $0.deploymentAndReplicaSets(id) }
            })
        }
        var whole: [Double] = []
        var deployments = 0
        let first = try store.resolve(.sequence(1)).time.seconds
        let last = try store.resolve(.sequence(head)).time.seconds
        for _ in 0..<clusterSamples {
            let time = Timestamp(seconds: Int64.random(in: first...last, using: &rng))
            let started = DispatchTime.now().uptimeNanoseconds
            let point = try store.resolve(.time(time))
            deployments = try store.read(at: point) { try $0.deployments(namespace: nil) }.count
            whole.append(Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9)
        }
        return [
            "oneP50Ms": Stats.percentile(one, 50) * 1000, "oneP99Ms": Stats.percentile(one, 99) * 1000,
            "objectsP50Ms": Stats.percentile(objects, 50) * 1000, "objectsP99Ms": Stats.percentile(objects, 99) * 1000,
            "clusterP50Ms": Stats.percentile(whole, 50) * 1000, "clusterMaxMs": (whole.max() ?? 0) * 1000,
            "clusterDeploymentsLast": deployments, "samples": samples,
        ]
    }
}

/// The wall-clock seconds `body` takes.
private func seconds(_ body: () throws -> Void) rethrows -> Double {
    let started = DispatchTime.now().uptimeNanoseconds
    try body()
    return Double(DispatchTime.now().uptimeNanoseconds - started) / 1e9
}

enum Stats {
    /// Nearest-rank percentile.
    static func percentile(_ values: [Double], _ p: Double) -> Double {
        guard !values.isEmpty else { return 0 }
        let sorted = values.sorted()
        let rank = Int((p / 100 * Double(sorted.count)).rounded(.up)) - 1
        return sorted[min(max(rank, 0), sorted.count - 1)]
    }
}
