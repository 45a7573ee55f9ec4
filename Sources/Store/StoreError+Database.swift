import GRDB

extension StoreError {
    /// The store's wording for an SQLite failure that escaped a command, so the CLI prints one clear line (and
    /// needs no GRDB) instead of the driver's `SQLite error 11: … - while executing …`.
    ///
    /// - Returns: nil when `error` is not an SQLite error.
    public static func describing(_ error: any Error) -> StoreError? {
        guard let error = error as? DatabaseError else { return nil }
        let detail = error.message ?? "\(error.resultCode)"
        switch error.resultCode {
        case .SQLITE_CORRUPT, .SQLITE_NOTADB:
            return StoreError(.corrupt, "the store is damaged (\(detail)); restore it from a copy or an export")
        case .SQLITE_BUSY, .SQLITE_LOCKED:
            return StoreError(.storage, "another rollbook held the store for more than 30 seconds (\(detail)); try again")
        case .SQLITE_FULL:
            return StoreError(.storage, "the disk is full (\(detail)); nothing was written")
        case .SQLITE_READONLY:
            return StoreError(.storage, "the store is read-only for this user (\(detail))")
        default:
            return StoreError(.storage, "the store failed: \(detail)")
        }
    }
}
