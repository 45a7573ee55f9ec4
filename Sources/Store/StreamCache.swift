import Cluster
import Foundation

/// The stream states this process's last commits left, so the next command on a stream need not decode it
/// again from the projection rows (a third of a command's instructions at 100k events).
///
/// An entry is used only when the stream's `version` in the store still equals its own: events are
/// append-only and every projection is a function of them, so the same version is the same state, and a
/// commit by another process (or one that rolled back, which never reaches here) shows as a different
/// version. Debug builds check each hit against the rows.
final class StreamCache: @unchecked Sendable {
    /// Enough for the Deployments a long-running `serve` is busy with; a few MB.
    static let capacity = 256

    private let lock = NSLock()
    private var states: [StreamID: DeploymentStream] = [:]

    func state(of id: StreamID, atVersion version: Int) -> DeploymentStream? {
        lock.withLock {
            guard let state = states[id], state.version == version else { return nil }
            return state
        }
    }

    /// Remembers states that were just committed.
    func remember(_ committed: [DeploymentStream]) {
        guard !committed.isEmpty else { return }
        lock.withLock {
            if states.count + committed.count > StreamCache.capacity { states.removeAll(keepingCapacity: true) }
            for state in committed { states[state.id] = state }
        }
    }
}
