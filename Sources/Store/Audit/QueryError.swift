/// Why `rollbook sql` did not answer. `description` is the text the CLI prints after `error: `.
public struct QueryError: Error, Sendable, Equatable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The statement would change something, or reach outside the store; the read-only policy refused it.
        case refused
        /// SQLite could not run it: a syntax error, an unknown table, more than one statement.
        case invalid
    }

    public var kind: Kind
    public var message: String

    public init(_ kind: Kind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    public var description: String { message }
}
