import ControlPlane
import Foundation
import GRDB
import KubeModel
import Store

// rollbook-bench: the in-process half of the benchmark suite. Each subcommand prints one JSON object on
// stdout; Tools/bench/run.py runs them (and the baselines) several times and prints the metric lines.
//
//   rollbook-bench generate --store S --events N [--seed K]      history through the ControlPlane
//   rollbook-bench commands --store S --count N [--seed K]       more commands on a generated store
//   rollbook-bench append --from S --into T                      the log re-appended through the store API
//   rollbook-bench pit --store S [--samples N] [--seed K]        point-in-time reads in process
//   rollbook-bench aggregates --store S                          every stream folded from its first event

func option(_ name: String, _ arguments: [String]) -> String? {
    guard let index = arguments.firstIndex(of: name), index + 1 < arguments.count else { return nil }
    return arguments[index + 1]
}

func required(_ name: String, _ arguments: [String]) -> String {
    guard let value = option(name, arguments) else {
        FileHandle.standardError.write(Data("rollbook-bench: missing \(name)\n".utf8))
        exit(64)
    }
    return value
}

func emit(_ object: [String: Any]) {
    let data = (try? JSONSerialization.data(withJSONObject: object, options: [.sortedKeys])) ?? Data("{}".utf8)
    print(String(decoding: data, as: UTF8.self))
}

func fleetPath(_ store: String) -> String { store + ".fleet.json" }

func loadFleet(_ store: String) throws -> Fleet {
    try JSONDecoder().decode(Fleet.self, from: Data(contentsOf: URL(fileURLWithPath: fleetPath(store))))
}

func saveFleet(_ fleet: Fleet, _ store: String) throws {
    try JSONEncoder().encode(fleet).write(to: URL(fileURLWithPath: fleetPath(store)))
}

func rate(_ latencies: ArraySlice<Double>) -> Double {
    let total = latencies.reduce(0, +)
    return total > 0 ? Double(latencies.count) / total : 0
}

let arguments = Array(CommandLine.arguments.dropFirst())
let seed = UInt64(option("--seed", arguments) ?? "1") ?? 1

do {
    switch arguments.first {
    case "generate":
        let path = required("--store", arguments)
        let target = Int64(required("--events", arguments)) ?? 10_000
        let store = try SQLiteStore(path: path)
        // ≥ 1,000 Deployments at 1M events; about 1,000 events per Deployment at every scale.
        let fleet = Fleet(deployments: max(12, Int(target / 1_000)), start: 1_767_225_600)  // 2026-01-01T00:00:00Z
        var generator = Generator(store: store, fleet: fleet, seed: seed)
        let progress = Progress(phase: "generating", total: target)
        let started = Date()
        try generator.loadImages()
        var head: Int64 = 0
        while head < target {
            try generator.step()
            if generator.latencies.count % 10 == 0 {
                head = try store.read { try $0.headSequence() }
                progress.update(head)
            }
        }
        try generator.settle()
        progress.finish()
        head = try store.read { try $0.headSequence() }
        try saveFleet(generator.fleet, path)
        let l = generator.latencies[...]
        let decile = max(1, l.count / 10)
        emit([
            "events": head, "commands": l.count, "failed": generator.failed, "deployments": fleet.deployments,
            "namespaces": fleet.namespacesCount, "seconds": Date().timeIntervalSince(started),
            "commandsPerSecond": rate(l), "firstDecileCommandsPerSecond": rate(l.prefix(decile)),
            "lastDecileCommandsPerSecond": rate(l.suffix(decile)),
            "p50Ms": Stats.percentile(Array(l), 50) * 1000, "p99Ms": Stats.percentile(Array(l), 99) * 1000,
        ])
    case "commands":
        let path = required("--store", arguments)
        let count = Int(required("--count", arguments)) ?? 100
        let store = try SQLiteStore(path: path)
        let before = try store.read { try $0.headSequence() }
        var generator = try Generator(resuming: store, fleet: try loadFleet(path), seed: seed)
        for _ in 0..<count { try generator.step() }
        let after = try store.read { try $0.headSequence() }
        let l = generator.latencies
        emit([
            "commands": l.count, "failed": generator.failed, "events": after - before,
            "commandsPerSecond": rate(l[...]), "p50Ms": Stats.percentile(l, 50) * 1000,
            "p99Ms": Stats.percentile(l, 99) * 1000,
        ])
    case "append":
        var config = Configuration()
        config.readonly = true
        let source = try DatabaseQueue(path: required("--from", arguments), configuration: config)
        let target = try SQLiteStore(path: required("--into", arguments))
        emit(try AppendReplay(source: source, target: target).run())
    case "pit":
        let path = required("--store", arguments)
        let store = try SQLiteStore(path: path, readOnly: true)
        var bench = PointInTimeBench(store: store, fleet: try loadFleet(path), rng: SeededRandom(seed: seed))
        emit(try bench.run(samples: Int(option("--samples", arguments) ?? "200") ?? 200,
                           clusterSamples: Int(option("--cluster-samples", arguments) ?? "5") ?? 5))
    case "aggregates":
        let path = required("--store", arguments)
        emit(try AggregateReplay.run(store: try SQLiteStore(path: path, readOnly: true), path: path))
    case "verify-json":
        var config = Configuration()
        config.readonly = true
        emit(try VerifyJSON.run(try DatabaseQueue(path: required("--store", arguments), configuration: config)))
    default:
        FileHandle.standardError.write(Data("usage: rollbook-bench generate|commands|append|pit|aggregates|verify-json ...\n".utf8))
        exit(64)
    }
} catch {
    FileHandle.standardError.write(Data("rollbook-bench: \(error)\n".utf8))
    exit(1)
}

/// A progress line with rate and ETA on stderr, only when stderr is a terminal.
final class Progress {
    let phase: String
    let total: Int64
    let enabled = isatty(STDERR_FILENO) != 0
    let started = Date()
    var lastDraw = Date.distantPast

    init(phase: String, total: Int64) {
        self.phase = phase
        self.total = total
    }

    func update(_ done: Int64) {
        guard enabled, Date().timeIntervalSince(lastDraw) >= 0.2 else { return }
        lastDraw = Date()
        let elapsed = Date().timeIntervalSince(started)
        let rate = elapsed > 0 ? Double(done) / elapsed : 0
        let eta = rate > 0 ? Int(Double(max(0, total - done)) / rate) : 0
        let line = String(format: "\r\u{1B}[K%@ %3d%%  %lld/%lld events  %.0f/s  ETA %dm%02ds", phase,
                          Int(100 * min(1, Double(done) / Double(max(total, 1)))), done, total, rate, eta / 60, eta % 60)
        FileHandle.standardError.write(Data(line.utf8))
    }

    func finish() {
        if enabled { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}
