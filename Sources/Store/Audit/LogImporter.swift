import GRDB

/// Takes the lines of an export one at a time, checks each against what came before, and inserts it.
struct LogImporter {
    private var checker = ChainChecker()
    private var header: LogLine.Header?
    private var commands: Set<String> = []
    /// Each command id events name, with the first event naming it.
    private var referenced: [String: Int64] = [:]
    private var lineNumber = 0

    var summary: LogTransferSummary {
        LogTransferSummary(events: checker.count, commands: Int64(commands.count), headHash: checker.lastHash)
    }

    mutating func take(_ line: Substring, into db: Database) throws {
        lineNumber += 1
        if line.allSatisfy(\.isWhitespace) { return }
        let parsed: LogLine
        do { parsed = try LogLine(parsing: line) } catch { throw corrupt("\(error)") }
        switch parsed {
        case .header(let value):
            guard header == nil, lineNumber == 1 else { throw corrupt("a second header") }
            header = value
        case _ where header == nil:
            throw corrupt("not a rollbook export (the first line must be its header)")
        case .event(let event):
            if let problem = checker.check(event) { throw corrupt("\(problem)") }
            try LogRows.insert(event, in: db)
            if referenced[event.row.commandID] == nil { referenced[event.row.commandID] = event.row.seq }
        case .command(let command):
            guard command.firstSequence <= command.lastSequence, command.lastSequence <= checker.lastSequence else {
                throw corrupt(
                    "command \(command.commandID) claims events \(command.firstSequence)-\(command.lastSequence) "
                        + "but the log so far ends at event \(checker.lastSequence)")
            }
            guard commands.insert(command.commandID).inserted else {
                throw corrupt("command \(command.commandID) appears twice")
            }
            try LogRows.insert(command, in: db)
        }
    }

    /// Checks the file was whole: the counts and head hash its header announced, every command present.
    func finish() throws {
        guard let header else { throw StoreError(.corrupt, "the file is empty: not a rollbook export") }
        guard checker.count == header.events, Int64(commands.count) == header.commands else {
            throw corrupt(
                "the file ends after \(checker.count) events and \(commands.count) commands, but its header "
                    + "announces \(header.events) and \(header.commands) (truncated?)")
        }
        guard checker.lastHash == header.headHash else {
            throw corrupt("the file ends on a head hash other than the one its header announces")
        }
        let missing = referenced.filter { !commands.contains($0.key) }.min { $0.value < $1.value }
        if let (id, seq) = missing {
            throw StoreError(.corrupt, "event \(seq): its command \(id) is not in the file")
        }
    }

    private func corrupt(_ message: String) -> StoreError { StoreError(.corrupt, "line \(lineNumber): \(message)") }
}
