import GRDB
import KubeModel

/// Which log events `rollbook events` lists. Every condition given must hold; an empty filter matches all.
public struct EventFilter: Sendable, Hashable {
    /// A place in the log: an event sequence number or a simulated time.
    public enum Bound: Sendable, Hashable {
        case sequence(Int64)
        case time(Timestamp)
    }

    /// Only these streams (e.g. `deployment/default/web`); empty for all.
    public var streams: [String] = []
    /// Only these event types, compared case-insensitively; empty for all.
    public var types: [String] = []
    public var actor: String?
    /// A command id or a prefix of one, as `-o wide` prints it.
    public var commandPrefix: String?
    /// Inclusive lower bound.
    public var since: Bound?
    /// Inclusive upper bound.
    public var until: Bound?
    /// Only events after this sequence number: how `--follow` resumes without skipping or repeating.
    public var after: Int64?
    public var limit: Int?

    public init() {}

    /// The WHERE clause and its arguments, in the order the placeholders appear.
    var conditions: (sql: String, arguments: StatementArguments) {
        var clauses: [String] = []
        var arguments: [DatabaseValue] = []
        if !streams.isEmpty {
            clauses.append("stream_id IN (\(placeholders(streams.count)))")
            arguments += streams.map(\.databaseValue)
        }
        if !types.isEmpty {
            clauses.append("lower(type) IN (\(placeholders(types.count)))")
            arguments += types.map { $0.lowercased().databaseValue }
        }
        if let actor {
            clauses.append("actor = ?")
            arguments.append(actor.databaseValue)
        }
        if let commandPrefix {
            clauses.append("substr(command_id, 1, length(?)) = ?")
            arguments += [commandPrefix.databaseValue, commandPrefix.databaseValue]
        }
        if let since { append(since, operator: ">=", to: &clauses, &arguments) }
        if let until { append(until, operator: "<=", to: &clauses, &arguments) }
        if let after {
            clauses.append("seq > ?")
            arguments.append(after.databaseValue)
        }
        return (clauses.isEmpty ? "" : "WHERE " + clauses.joined(separator: " AND "), StatementArguments(arguments))
    }

    private func append(
        _ bound: Bound, operator op: String, to clauses: inout [String], _ arguments: inout [DatabaseValue]
    ) {
        switch bound {
        case .sequence(let seq):
            clauses.append("seq \(op) ?")
            arguments.append(seq.databaseValue)
        case .time(let time):
            // occurred_at is always written as whole-second UTC (`2026-11-26T15:00:00Z`), so text order is time order.
            clauses.append("occurred_at \(op) ?")
            arguments.append(time.description.databaseValue)
        }
    }

    private func placeholders(_ count: Int) -> String {
        Array(repeating: "?", count: count).joined(separator: ", ")
    }
}
