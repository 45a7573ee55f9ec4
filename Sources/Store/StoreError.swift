/// Why the store refused or failed. `description` is the one-line text the CLI prints after `error: `.
public struct StoreError: Error, Sendable, CustomStringConvertible {
    public enum Code: Sendable, Hashable {
        case notARollbookStore
        case newerSchema
        case corrupt
        case concurrencyConflict
        case storage
    }

    public var code: Code
    public var message: String

    public init(_ code: Code, _ message: String) {
        self.code = code
        self.message = message
    }

    public var description: String { message }
}
