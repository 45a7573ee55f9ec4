import Cluster
import ControlPlane
import Foundation
import KubeModel
import Store

/// `rollbook events`: the log itself, every user change and every controller step, oldest first.
struct Events: RunnableCommand {
    static let spec = CommandSpec<Events>(
        "events", abstract: "List the event log: every change and every controller step, with who caused it.",
        discussion: """
            POINT is an event sequence number or an RFC 3339 time; --since and --until include it. Every event a \
            command caused carries its command id (-o wide shows the first 8 characters, --command takes any \
            prefix), so `rollbook events --command ID` shows everything one `set image` or `undo` did.
            Examples: rollbook events deployment/web --type ReplicaSetScaled; rollbook events --actor alice -o wide; \
            rollbook events --since 120 --follow -o json | jq .
            """,
        options: GlobalOptions.options(in: \.globals)
            + [
            .option(\.types, "type", help: "Only events of this type (repeatable or comma-separated, any case)."),
            .option(\.actor, "actor", help: "Only events appended by this actor (a user, or e.g. deployment-controller)."),
            .option(\.command, "command", help: "Only events caused by this command id (or a prefix of it)."),
            .option(\.since, "since", valueName: "POINT", help: "Start at POINT."),
            .option(\.until, "until", valueName: "POINT", help: "Stop at POINT."),
            .option(\.limit, "limit", help: "Print at most N events (the first N that match)."),
            .option(\.output, "output", short: "o", help: "Output format: wide or json (one object per line)."),
            .flag(\.follow, "follow", short: "f", help: "Keep printing new events as they are appended."),
        ],
        arguments: .optional(\.object, "Only events about this object: deployment/NAME, replicaset/NAME, pod/NAME, resourcequota/NAME or image/NAME."),
        make: Events.init)

    var globals = GlobalOptions()
    var object: String?
    var types: [String] = []
    var actor: String?
    var command: String?
    var since: String?
    var until: String?
    var limit: Int?
    var output: String?
    var follow = false

    func run() throws {
        let format = try outputFormat()
        var filter = try eventFilter()
        let objectFilter = try objectFilter(&filter)
        let store = try globals.auditStore()
        var listing = EventListing(format: format)
        if !follow {
            if objectFilter != nil { filter.limit = nil }
            var events = try store.read { try $0.events(filter) }.filter { objectFilter?($0) ?? true }
            if let limit { events = Array(events.prefix(limit)) }
            if events.isEmpty {
                Output.err("No events found.\n")
            } else {
                Output.out(listing.render(events))
            }
            return
        }
        var printed = 0
        filter.limit = nil
        while limit.map({ printed < $0 }) ?? true {
            let fetched = try store.read { try $0.events(filter) }
            var batch = fetched.filter { objectFilter?($0) ?? true }
            if let limit { batch = Array(batch.prefix(limit - printed)) }
            Output.out(listing.renderIncrement(batch))
            printed += batch.count
            if let last = fetched.last { filter.after = last.row.seq }
            if fetched.isEmpty { Thread.sleep(forTimeInterval: 0.2) }
        }
    }

    private func outputFormat() throws -> EventListing.Format {
        guard let output else { return .table }
        guard let format = EventListing.Format(rawValue: output), format != .table else {
            throw CommandError.client(
                "unable to match a printer suitable for the output format \"\(output)\", allowed formats are: "
                    + "json,wide")
        }
        return format
    }

    private func eventFilter() throws -> EventFilter {
        var filter = EventFilter()
        filter.types = types.flatMap { $0.split(separator: ",") }.map { $0.trimmingCharacters(in: .whitespaces) }
        filter.actor = actor
        filter.commandPrefix = command
        filter.since = try since.map { try bound($0, flag: "--since") }
        filter.until = try until.map { try bound($0, flag: "--until") }
        if let limit, limit < 0 { throw CommandError.client("--limit must be 0 or more, got \(limit)") }
        if follow, until != nil { throw CommandError.client("--follow and --until cannot be combined") }
        filter.limit = limit
        return filter
    }

    private func bound(_ text: String, flag: String) throws -> EventFilter.Bound {
        if let seq = Int64(text), seq >= 0 { return .sequence(seq) }
        if let time = Timestamp(rfc3339: text) { return .time(time) }
        throw CommandError.client(
            "invalid argument \"\(text)\" for \"\(flag)\" flag: want an event sequence number or an RFC 3339 time "
                + "such as 2026-11-26T15:00:00Z")
    }

    /// Narrows `filter` to a Deployment's stream, or returns a test for the other kinds, whose events live in
    /// their Deployment's stream (or the node's, for images).
    private func objectFilter(_ filter: inout EventFilter) throws -> ((LoggedEvent) -> Bool)? {
        guard let object else { return nil }
        let namespace = globals.resolvedNamespace.name
        let parts = object.split(separator: "/", maxSplits: 1).map(String.init)
        guard parts.count == 2, !parts[1].isEmpty else {
            throw CommandError.client(
                "expected TYPE/NAME (deployment/NAME, replicaset/NAME, pod/NAME, resourcequota/NAME or image/NAME), got \"\(object)\"")
        }
        if parts[0] == "image" || parts[0] == "images" {
            filter.streams = [StreamID.node.rawValue]
            let wanted = "image/\(parts[1])"
            return { EventDescription($0).object == wanted }
        }
        let kind = try ResourceKind(parsing: parts[0])
        let stream = StreamID.deployment(namespace: namespace, name: parts[1]).rawValue
        switch kind {
        case .deployment:
            filter.streams = [stream]
            return nil
        case .event:
            throw ResourceKind.eventsRefusal("events --for")
        case .resourceQuota:
            filter.streams = [StreamID.quotas.rawValue]
            let wanted = "resourcequota/\(parts[1])"
            return { event in
                EventDescription(event).object == wanted
                    && (try? ClusterEvent(decoding: event.encoded))?.quotaNamespace == namespace
            }
        case .replicaSet, .pod:
            let wanted = (kind == .pod ? "pod/" : "replicaset/") + parts[1]
            return { event in
                StreamID(rawValue: event.row.streamID).deploymentKey?.namespace == namespace
                    && EventDescription(event).object == wanted
            }
        }
    }
}
