import Foundation
@testable import TestSupport

/// Runs commands from several threads at once, each thread one after another, like several CI jobs sharing a
/// store. Threads, not tasks: the cooperative pool is only as wide as the machine has cores.
enum ConcurrentRuns {
    struct Run: Sendable {
        var worker: Int
        var isRead: Bool
        var arguments: [String]
        var result: CLIRunner.Result
    }

    /// Starts `workers` writer threads running `command(worker, step)` while `more(step)` holds, and `readers`
    /// threads running `get` and `rollout history` until the writers are done.
    static func run(
        workers: Int, readers: Int, command: @escaping @Sendable (Int, Int) -> [String],
        body: @escaping @Sendable ([String]) throws -> CLIRunner.Result, until more: @escaping @Sendable (Int) -> Bool
    ) -> [Run] {
        let collected = Collected()
        let writers = DispatchGroup(), all = DispatchGroup()
        for worker in 0..<workers {
            writers.enter()
            all.enter()
            Thread.detachNewThread {
                var step = 0
                while more(step) {
                    let arguments = command(worker, step)
                    let result = (try? body(arguments)) ?? spawnFailed
                    collected.append(Run(worker: worker, isRead: false, arguments: arguments, result: result))
                    step += 1
                }
                writers.leave()
                all.leave()
            }
        }
        for reader in 0..<readers {
            all.enter()
            Thread.detachNewThread {
                var step = 0
                while writers.wait(timeout: .now()) == .timedOut {
                    let arguments = step % 2 == 0 ? ["get", "deployments"] : ["get", "rs", "-o", "wide"]
                    let result = (try? body(arguments)) ?? spawnFailed
                    collected.append(Run(worker: workers + reader, isRead: true, arguments: arguments, result: result))
                    step += 1
                }
                all.leave()
            }
        }
        all.wait()
        return collected.runs
    }

    private final class Collected: @unchecked Sendable {
        private let lock = NSLock()
        private var items: [Run] = []
        func append(_ run: Run) { lock.withLock { items.append(run) } }
        var runs: [Run] { lock.withLock { items } }
    }

    private static let spawnFailed = CLIRunner.Result(stdout: "", stderr: "spawn failed", exitCode: -1)
}
