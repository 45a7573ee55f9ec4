/// The answer to a `rollbook sql` query: column names in SELECT order and every row.
public struct QueryResult: Sendable, Equatable {
    /// One SQLite value, by storage class.
    public enum Value: Sendable, Hashable {
        case null
        case integer(Int64)
        case real(Double)
        case text(String)
        case blob([UInt8])
    }

    public var columns: [String]
    public var rows: [[Value]]

    public init(columns: [String], rows: [[Value]]) {
        self.columns = columns
        self.rows = rows
    }
}
