import Store

extension GlobalOptions {
    /// The store opened read-only, for commands that look at the log and must never change it (`sql`, `events`,
    /// `verify`, `export`). Unlike ``controlPlane()`` it neither creates the file nor lets time catch up.
    func auditStore() throws -> SQLiteStore {
        try SQLiteStore(path: store ?? Environment.storePath, readOnly: true)
    }
}
