import Foundation

/// A `metav1.Time`: whole seconds since the Unix epoch, printed as RFC 3339 in UTC.
public struct Timestamp: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var seconds: Int64

    public init(seconds: Int64) { self.seconds = seconds }

    public init(_ date: Date) { self.seconds = Int64(date.timeIntervalSince1970.rounded(.down)) }

    public var date: Date { Date(timeIntervalSince1970: TimeInterval(seconds)) }

    public static func < (lhs: Timestamp, rhs: Timestamp) -> Bool { lhs.seconds < rhs.seconds }

    public func adding(seconds delta: Int64) -> Timestamp { Timestamp(seconds: seconds + delta) }

    /// `2026-11-26T15:08:07Z`
    public var description: String {
        Timestamp.canonicalText(seconds) ?? Timestamp.formatting { Timestamp.rfc3339.string(from: date) }
    }

    /// `Thu, 26 Nov 2026 15:08:07 +0000`, the RFC1123Z form `describe` uses.
    public var rfc1123Z: String { Timestamp.rfc1123.string(from: date) }

    public init?(rfc3339 text: String) {
        if let seconds = Timestamp.canonicalSeconds(text) {
            self.init(seconds: seconds)
        } else if let date = Timestamp.formatting({
            Timestamp.rfc3339.date(from: text) ?? Timestamp.rfc3339Fractional.date(from: text)
        }) {
            self.init(date)
        } else {
            return nil
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let value = Timestamp(rfc3339: text) else {
            throw DecodingError.dataCorruptedError(in: container, debugDescription: "not an RFC 3339 time: \(text)")
        }
        self = value
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }

    /// Guards the two formatters below: a replay decodes on two threads, and only the rare non-canonical
    /// time reaches them.
    private static let formatters = NSLock()

    private static func formatting<T>(_ body: () -> T) -> T {
        formatters.lock()
        defer { formatters.unlock() }
        return body()
    }

    nonisolated(unsafe) private static let rfc3339: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime]
        return formatter
    }()
    nonisolated(unsafe) private static let rfc3339Fractional: ISO8601DateFormatter = {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter
    }()
    private static let rfc1123: DateFormatter = {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss Z"
        return formatter
    }()
}
