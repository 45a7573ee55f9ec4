import KubeModel
import Printers
import Store

/// How `rollbook events` prints events: a kubectl table (`-o wide` adds the command id), or one JSON object
/// per line for jq.
struct EventListing {
    enum Format: String {
        case table, wide, json
    }

    var format: Format
    /// Column widths printed so far in `--follow` mode; they only grow, so earlier lines stay as printed.
    private var widths: [Int] = []

    init(format: Format) { self.format = format }

    /// The whole listing at once, aligned as kubectl aligns tables.
    func render(_ events: [LoggedEvent]) -> String {
        guard format != .json else { return events.map { EventListing.jsonLine($0) + "\n" }.joined() }
        var writer = TabWriter.table
        for line in [headers] + events.map(cells) { writer.write(line.joined(separator: "\t") + "\n") }
        return writer.finish()
    }

    /// The next batch of a `--follow`: the header comes with the first batch, and a column only widens when a
    /// later cell needs it.
    mutating func renderIncrement(_ events: [LoggedEvent]) -> String {
        guard format != .json else { return render(events) }
        guard !events.isEmpty else { return "" }
        let lines = (widths.isEmpty ? [headers] : []) + events.map(cells)
        if widths.isEmpty { widths = Array(repeating: 0, count: headers.count - 1) }
        for line in lines {
            for (index, cell) in line.dropLast().enumerated() { widths[index] = max(widths[index], cell.count + 3, 6) }
        }
        return lines.map { line in
            zip(line.dropLast(), widths).map { $0 + String(repeating: " ", count: $1 - $0.count) }.joined()
                + (line.last ?? "") + "\n"
        }.joined()
    }

    private var headers: [String] {
        format == .wide
            ? ["SEQ", "TIME", "ACTOR", "COMMAND", "TYPE", "OBJECT", "SUMMARY"]
            : ["SEQ", "TIME", "ACTOR", "TYPE", "OBJECT", "SUMMARY"]
    }

    private func cells(_ event: LoggedEvent) -> [String] {
        let row = event.row
        let description = EventDescription(event)
        let command = format == .wide ? [String(row.commandID.prefix(8))] : []
        return [String(row.seq), row.occurredAt, row.actor] + command
            + [row.type, description.object, description.summary]
    }

    /// `{"seq":12,"stream":"deployment/default/web","version":9,"type":"ReplicaSetScaled",…,"payload":{…}}`: the
    /// row's columns under short names, the derived object, and the payload embedded as JSON, verbatim.
    static func jsonLine(_ event: LoggedEvent) -> String {
        let row = event.row
        return JSONText.object([
            ("seq", String(row.seq)), ("stream", JSONText.quoted(row.streamID)),
            ("version", String(row.streamVersion)), ("type", JSONText.quoted(row.type)),
            ("schemaVersion", String(row.schemaVersion)), ("time", JSONText.quoted(row.occurredAt)),
            ("recordedAt", JSONText.quoted(row.recordedAt)), ("actor", JSONText.quoted(row.actor)),
            ("commandId", JSONText.quoted(row.commandID)),
            ("object", JSONText.quoted(EventDescription(event).object)), ("payload", row.payload),
        ])
    }
}
