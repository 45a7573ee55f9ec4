import KubeModel
import Foundation

/// One line of an export: `rollbook export` writes a header, then each event, each command right after its
/// last event. Field names are the table's column names; payloads and argv are embedded as JSON, verbatim.
///
/// ```
/// {"kind":"rollbook-log","format":1,"events":258,"commands":25,"head_seq":258,"head_hash":"9f2c…"}
/// {"kind":"event","seq":1,"stream_id":"node/rollbook-node",…,"hash":"4be1…","payload":{"image":"nginx:1",…}}
/// {"kind":"command","command_id":"d47fa460-…","actor":"alice",…,"argv":["images","load","nginx:1"]}
/// ```
enum LogLine {
    case header(Header)
    case event(LoggedEvent)
    case command(CommandRow)

    struct Header: Equatable {
        static let kind = "rollbook-log"
        static let format = 1
        var events: Int64
        var commands: Int64
        var headSequence: Int64
        var headHash: String
    }

    var text: String {
        switch self {
        case .header(let header):
            return JSONText.object([
                ("kind", JSONText.quoted(Header.kind)), ("format", String(Header.format)),
                ("events", String(header.events)), ("commands", String(header.commands)),
                ("head_seq", String(header.headSequence)), ("head_hash", JSONText.quoted(header.headHash)),
            ])
        case .event(let event):
            let row = event.row
            return JSONText.object([
                ("kind", JSONText.quoted("event")), ("seq", String(row.seq)),
                ("stream_id", JSONText.quoted(row.streamID)), ("stream_version", String(row.streamVersion)),
                ("type", JSONText.quoted(row.type)), ("schema_version", String(row.schemaVersion)),
                ("occurred_at", JSONText.quoted(row.occurredAt)), ("recorded_at", JSONText.quoted(row.recordedAt)),
                ("actor", JSONText.quoted(row.actor)), ("command_id", JSONText.quoted(row.commandID)),
                ("prev_hash", JSONText.quoted(row.prevHash)), ("hash", JSONText.quoted(event.hash)),
                ("payload", row.payload),
            ])
        case .command(let command):
            return JSONText.object([
                ("kind", JSONText.quoted("command")), ("command_id", JSONText.quoted(command.commandID)),
                ("actor", JSONText.quoted(command.actor)), ("occurred_at", JSONText.quoted(command.occurredAt)),
                ("recorded_at", JSONText.quoted(command.recordedAt)), ("first_seq", String(command.firstSequence)),
                ("last_seq", String(command.lastSequence)), ("argv", command.argv),
            ])
        }
    }

    /// Parses one line, keeping `payload` and `argv` byte for byte.
    init(parsing line: Substring) throws {
        let fields: Fields
        do {
            let decoder = JSONDecoder()
            decoder.keyDecodingStrategy = .convertFromSnakeCase
            fields = try decoder.decode(Fields.self, from: Data(line.utf8))
        } catch {
            throw LineError("not a JSON object with a \"kind\"")
        }
        let raw = try RawJSONObject.members(of: line)
        func required<T>(_ value: T?, _ name: String) throws -> T {
            guard let value else { throw LineError("\(fields.kind) line without \"\(name)\"") }
            return value
        }
        switch fields.kind {
        case Header.kind:
            guard fields.format == Header.format else {
                throw LineError("export format \(fields.format.map(String.init) ?? "?") is not one this rollbook reads")
            }
            self = .header(Header(
                events: try required(fields.events, "events"), commands: try required(fields.commands, "commands"),
                headSequence: try required(fields.headSeq, "head_seq"),
                headHash: try required(fields.headHash, "head_hash")))
        case "event":
            let row = EventRow(
                seq: try required(fields.seq, "seq"), streamID: try required(fields.streamId, "stream_id"),
                streamVersion: try required(fields.streamVersion, "stream_version"),
                type: try required(fields.type, "type"),
                schemaVersion: try required(fields.schemaVersion, "schema_version"),
                occurredAt: try required(fields.occurredAt, "occurred_at"),
                recordedAt: try required(fields.recordedAt, "recorded_at"), actor: try required(fields.actor, "actor"),
                commandID: try required(fields.commandId, "command_id"),
                payload: try required(raw["payload"], "payload"), prevHash: try required(fields.prevHash, "prev_hash"))
            self = .event(LoggedEvent(row: row, hash: try required(fields.hash, "hash")))
        case "command":
            self = .command(CommandRow(
                commandID: try required(fields.commandId, "command_id"), actor: try required(fields.actor, "actor"),
                argv: try required(raw["argv"], "argv"), occurredAt: try required(fields.occurredAt, "occurred_at"),
                recordedAt: try required(fields.recordedAt, "recorded_at"),
                firstSequence: try required(fields.firstSeq, "first_seq"),
                lastSequence: try required(fields.lastSeq, "last_seq")))
        default:
            throw LineError("unknown kind \"\(fields.kind)\"")
        }
    }

    struct LineError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    /// The scalar members of every kind of line; payload and argv come from ``RawJSONObject``.
    private struct Fields: Decodable {
        var kind: String
        var format: Int?
        var events: Int64?
        var commands: Int64?
        var headSeq: Int64?
        var headHash: String?
        var seq: Int64?
        var streamId: String?
        var streamVersion: Int?
        var type: String?
        var schemaVersion: Int?
        var occurredAt: String?
        var recordedAt: String?
        var actor: String?
        var commandId: String?
        var prevHash: String?
        var hash: String?
        var firstSeq: Int64?
        var lastSeq: Int64?
    }
}
