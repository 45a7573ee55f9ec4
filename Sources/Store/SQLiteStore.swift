import Cluster
import Foundation
import GRDB
import KubeModel

/// The Rollbook store: an append-only event log with its projections, in one SQLite file.
///
/// Every write is one IMMEDIATE transaction: the command's events and the projection rows they change
/// commit together or not at all. WAL mode lets readers run while a writer works.
public final class SQLiteStore: Sendable {
    public let path: String
    let queue: DatabaseQueue
    /// On a read-only store (`--at` reads), the authorizer that refuses anything but reading, on top of
    /// SQLite's read-only open: two locks, neither a string check.
    private let readOnlyPolicy: ReadOnlyPolicy?
    private let streamCache = StreamCache()

    /// Opens (creating if needed, owner-only) and migrates the store at `path`.
    public init(path: String, readOnly: Bool = false) throws {
        self.path = path
        if !readOnly { try SQLiteStore.createOwnerOnlyFile(at: path) }
        var config = Configuration()
        config.readonly = readOnly
        config.busyMode = SQLiteStore.fairBusyMode()
        config.journalMode = .default  // WAL is set by enterWALMode, which keeps synchronous = FULL
        let policy = readOnly ? ReadOnlyPolicy() : nil
        readOnlyPolicy = policy
        config.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = FULL")
            try db.execute(sql: "PRAGMA foreign_keys = ON")
            // Debian builds SQLite with secure_delete on, which zeroes every freed page and writes it again. A
            // projection row that goes away is still in the log, which is never deleted, so zeroing hides
            // nothing; off, a 10k replay writes 11.0 MiB instead of 15.1.
            try db.execute(sql: "PRAGMA secure_delete = OFF")
            policy?.install(on: db)
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: config)
            if !readOnly { try queue.writeWithoutTransaction(SQLiteStore.enterWALMode) }
            try queue.writeWithoutTransaction { db in try Migrator.migrate(db, readOnly: readOnly, path: path) }
        } catch let error as StoreError {
            throw error
        } catch let error as DatabaseError where error.resultCode == .SQLITE_NOTADB || error.resultCode == .SQLITE_CORRUPT {
            throw StoreError(.notARollbookStore, "\(path) is not a Rollbook store (\(error.message ?? "not a database"))")
        } catch {
            throw StoreError(.storage, "cannot open store \(path): \(error)")
        }
    }

    /// Creates the file with mode 0600 before SQLite does, so the log is never world-readable.
    private static func createOwnerOnlyFile(at path: String) throws {
        // O_EXCL, not FileManager.createFile: that writes a temporary file and renames it over the path, which
        // would replace a store another process created (and began writing) a moment ago.
        func create() -> Int32 { open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600) }
        var descriptor = create()
        // The directory is looked at only when it is missing: asking FileManager first cost every command ~0.2 ms.
        if descriptor < 0, errno == ENOENT {
            let directory = URL(fileURLWithPath: path).deletingLastPathComponent().path
            try FileManager.default.createDirectory(
                atPath: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            descriptor = create()
        }
        if descriptor >= 0 {
            close(descriptor)
        } else if errno != EEXIST {
            throw StoreError(.storage, "cannot create store \(path): \(String(cString: strerror(errno)))")
        }
    }

    /// Runs `body` in one IMMEDIATE transaction. Whatever `body` appends through the writer is committed
    /// with the command row; a throw rolls everything back.
    public func write<T>(
        command: CommandInfo, _ body: (inout StoreWriter) throws -> T
    ) throws -> T {
        try queue.writeWithoutTransaction { db in
            var result: T?
            var committed: [DeploymentStream] = []
            try db.inTransaction(.immediate) {
                var writer = try StoreWriter(db: db, command: command, cache: streamCache)
                result = try body(&writer)
                try writer.finish()
                committed = writer.committedStreams
                return .commit
            }
            streamCache.remember(committed)
            return result!
        }
    }

    /// Runs `body` against a consistent snapshot of the projections.
    public func read<T>(_ body: (StoreReader) throws -> T) throws -> T {
        try queue.read { db in try body(StoreReader(db: db)) }
    }
}

/// Who ran which command, recorded with the events it caused.
public struct CommandInfo: Sendable {
    /// Derived from the first sequence number the command gets, so it is unique and deterministic.
    public internal(set) var id: String = ""
    public var actor: String
    public var argv: [String]
    public var now: Timestamp

    public init(actor: String, argv: [String], now: Timestamp) {
        self.actor = actor
        self.argv = argv
        self.now = now
    }
}
