import GRDB

/// What an export or import moved.
public struct LogTransferSummary: Sendable, Equatable {
    public var events: Int64
    public var commands: Int64
    /// The hash of the last event: anchoring it elsewhere makes later rewrites of the whole chain detectable.
    public var headHash: String
}

extension SQLiteStore {
    /// Writes the whole log as NDJSON lines (see ``LogLine``), from one consistent snapshot.
    ///
    /// - Parameter write: Called with each line, newline included, in order.
    public func exportLog(_ write: (String) throws -> Void) throws -> LogTransferSummary {
        try queue.read { db in
            let reader = StoreReader(db: db)
            let commands = try reader.commands()
            let head = try Row.fetchOne(db, sql: "SELECT count(*) AS n, coalesce(max(seq), 0) AS head FROM events")
            let headHash = try String.fetchOne(db, sql: "SELECT hash FROM events ORDER BY seq DESC LIMIT 1")
                ?? EventHash.genesis
            let header = LogLine.Header(
                events: head?["n"] ?? 0, commands: Int64(commands.count), headSequence: head?["head"] ?? 0,
                headHash: headHash)
            try write(LogLine.header(header).text + "\n")
            var byLastEvent = Dictionary(grouping: commands, by: \.lastSequence)
            try reader.forEachEvent { event in
                try write(LogLine.event(event).text + "\n")
                for command in byLastEvent.removeValue(forKey: event.row.seq) ?? [] {
                    try write(LogLine.command(command).text + "\n")
                }
                return true
            }
            for command in byLastEvent.values.joined().sorted(by: { $0.firstSequence < $1.firstSequence }) {
                try write(LogLine.command(command).text + "\n")
            }
            return LogTransferSummary(events: header.events, commands: header.commands, headHash: headHash)
        }
    }
}
