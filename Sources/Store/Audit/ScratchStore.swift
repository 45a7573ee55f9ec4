import Foundation

/// A throwaway store in its own temporary directory, for work that must not touch the store it is about.
struct ScratchStore {
    let directory: URL
    let store: SQLiteStore

    init() throws {
        directory = FileManager.default.temporaryDirectory
            .appendingPathComponent("rollbook-scratch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(
            at: directory, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
        store = try SQLiteStore(path: directory.appendingPathComponent("store.db").path)
    }

    func remove() { try? FileManager.default.removeItem(at: directory) }
}
