public import KubeModel

extension TableRows {
    /// `printEvent`'s columns: the wide ones are the subobject, source, first seen, count and name.
    public static let eventColumns: [TableColumn] = [
        TableColumn("Last Seen", "The time at which the most recent occurrence of this event was recorded."),
        TableColumn("Type", "Type of this event (Normal, Warning), new types could be added in the future"),
        TableColumn("Reason", "This should be a short, machine understandable string that gives the reason for the transition into the object's current status."),
        TableColumn("Object", "The object that this event is about."),
        TableColumn("Subobject", priority: 1, "If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement."),
        TableColumn("Source", priority: 1, "The component reporting this event. Should be a short machine understandable string."),
        TableColumn("Message", "A human-readable description of the status of this operation."),
        TableColumn("First Seen", priority: 1, "The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)"),
        TableColumn("Count", priority: 1, "The number of times this event has occurred."),
        TableColumn("Name", format: "name", priority: 1, TableColumn.name.description),
    ]

    /// `LAST SEEN TYPE REASON OBJECT SUBOBJECT SOURCE MESSAGE FIRST SEEN COUNT NAME`: the object as
    /// `kind/name` in lower case, the source as its component (Rollbook's Events name no host).
    public static func event(_ event: KubeEvent, now: Timestamp) -> [String] {
        let involved = event.involvedObject
        let target = involved.name.isEmpty ? involved.kind.lowercased() : "\(involved.kind.lowercased())/\(involved.name)"
        return [
            age(of: event.lastTimestamp, now: now), event.type, event.reason, target, involved.fieldPath ?? "",
            event.source, event.message.trimmingCharacters(in: .whitespacesAndNewlines),
            age(of: event.firstTimestamp, now: now), String(max(event.count, 1)), event.name,
        ]
    }
}

/// `kubectl get events` (`printEvent`): the columns above, the wide ones with `-o wide`.
public func eventsTable(
    _ events: [KubeEvent], wide: Bool, showNamespace: Bool, now: Timestamp, options: TableOptions = TableOptions(),
    watch: WatchAlignment? = nil
) -> String {
    TableRows.eventColumns.render(events, wide: wide, showNamespace: showNamespace, options: options, watch: watch) {
        ($0.namespace, TableRows.event($0, now: now), nil)
    }
}
