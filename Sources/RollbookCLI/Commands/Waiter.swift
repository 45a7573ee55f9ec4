import ControlPlane
import Foundation
import KubeModel
import Store

/// Reads objects again and again against one deadline, each read at the clock's time then.
struct Waiter {
    let globals: GlobalOptions
    let store: SQLiteStore
    /// 0: check once.
    let timeout: TimeInterval
    let deadline: Date

    init(globals: GlobalOptions, timeout: TimeInterval) throws {
        self.globals = globals
        store = try SQLiteStore(path: globals.store ?? Environment.storePath)
        // kubectl waits a week for a negative timeout.
        self.timeout = timeout < 0 ? 168 * 3600 : timeout
        deadline = Date().addingTimeInterval(self.timeout)
    }

    /// A control plane at the clock's time now: reading through it lets simulated time catch up first.
    func plane() throws -> ControlPlane { try globals.controlPlane(on: store) }

    func object(_ kind: ResourceKind, namespace: String, name: String) throws -> ObjectListing.Object? {
        try ObjectListing.fetch(
            .live(try plane()), kind: kind, namespace: namespace, names: [name], query: nil, output: "json"
        ).objects.first
    }

    /// `--for=create`: polls until every name given exists (a selection has nothing to wait for).
    func awaitCreation(of groups: [ResourceArguments], namespace: String) throws {
        while true {
            let missing = try groups.contains { group in
                try group.names.contains { try object(group.kind, namespace: namespace, name: $0) == nil }
            }
            if !missing { return }
            guard pause() else { throw CommandError.client("timed out waiting for the condition") }
        }
    }

    /// Waits until `object` meets the condition and returns it as it then was (for a deletion, as first seen).
    func await(_ condition: WaitCondition, on object: ObjectListing.Object, kind: ResourceKind) throws -> JSONValue {
        let label = "\(kind.pluralName)/\(object.name)"
        let timedOut = CommandError.client("timed out waiting for the condition on \(label)")
        if case .create = condition { return object.json }
        // Once an earlier object used up the time, kubectl's watch of the next one ends before it looks.
        if timeout > 0 && deadline.timeIntervalSinceNow <= 0 { throw timedOut }
        let uid = object.json["metadata"]?["uid"]
        var current: ObjectListing.Object? = object
        while true {
            if case .delete = condition {
                // An object of the name with another UID was made anew: the one waited for is gone.
                guard let current, current.json["metadata"]?["uid"] == uid else { return object.json }
            } else if let current, try condition.isMet(by: current.json) {
                return current.json
            }
            if timeout == 0 { throw CommandError.client("condition not met for \(label)") }
            guard pause() else { throw timedOut }
            current = try self.object(kind, namespace: object.namespace, name: object.name)
        }
    }

    /// Sleeps until the next read, or returns false when the deadline has passed.
    private func pause() -> Bool {
        let remaining = deadline.timeIntervalSinceNow
        guard remaining > 0 else { return false }
        Thread.sleep(forTimeInterval: min(Wait.pollInterval, remaining))
        return true
    }
}
