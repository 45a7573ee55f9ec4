import ControlPlane
import Foundation
import KubeModel
import Manifests
import Store

/// Options every command takes, as kubectl's global flags.
struct GlobalOptions: OptionGroup {
    var store: String?
    var actor: String?
    var namespace: String?

    static let options: [CommandOption<Self>] = [
        .option(\.store, "store", help: "The store file (default: $ROLLBOOK_STORE, else \(Environment.defaultStoreDescription))."),
        .option(\.actor, "as", help: "The actor recorded on events (default: $ROLLBOOK_ACTOR, else the login user)."),
        .option(\.namespace, "namespace", short: "n", help: "The namespace scope for this request."),
    ]

    /// The namespace to use and whether the user chose it.
    var resolvedNamespace: (name: String, given: Bool) {
        if let namespace { return (namespace, true) }
        return ("default", false)
    }

    /// Opens the store and the control plane for one command.
    func controlPlane(fieldValidation: FieldValidation = .strict) throws -> ControlPlane {
        try controlPlane(on: try SQLiteStore(path: store ?? Environment.storePath), fieldValidation: fieldValidation)
    }

    /// A control plane on a store this command has already opened, at the clock's time now.
    func controlPlane(on store: SQLiteStore, fieldValidation: FieldValidation = .strict) throws -> ControlPlane {
        ControlPlane(store: store, now: try Environment.now(), actor: actor ?? Environment.actor,
                     argv: Array(CommandLine.arguments.dropFirst()), fieldValidation: fieldValidation)
    }
}

/// Process-level defaults: the clock, the actor and the store location.
enum Environment {
    /// One variable, by `getenv`: `ProcessInfo.environment` builds a dictionary of all of them on every call.
    static func value(_ name: String) -> String? { getenv(name).map { String(cString: $0) } }

    /// `ROLLBOOK_NOW` (RFC 3339) when set, else the system clock.
    static func now() throws -> Timestamp {
        guard let text = value("ROLLBOOK_NOW"), !text.isEmpty else { return Timestamp(Date()) }
        guard let time = Timestamp(rfc3339: text) else {
            throw CommandError.client("ROLLBOOK_NOW must be an RFC 3339 time such as 2026-11-26T15:00:00Z, got \"\(text)\"")
        }
        return time
    }

    static var actor: String {
        if let actor = value("ROLLBOOK_ACTOR"), !actor.isEmpty { return actor }
        if let user = value("USER") ?? value("LOGNAME"), !user.isEmpty { return user }
        return "unknown"
    }

    static let defaultStoreDescription = "$XDG_DATA_HOME/rollbook/store.db or ~/.local/share/rollbook/store.db"

    static var storePath: String {
        if let path = value("ROLLBOOK_STORE"), !path.isEmpty { return path }
        let base = value("XDG_DATA_HOME").flatMap { $0.isEmpty ? nil : $0 }
            ?? ((value("HOME").flatMap { $0.isEmpty ? nil : $0 } ?? NSHomeDirectory()) + "/.local/share")
        return base + "/rollbook/store.db"
    }
}
