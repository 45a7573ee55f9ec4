import Foundation

/// A forward-only reader over JSON bytes that reads a few fields without building a ``JSONValue`` tree.
///
/// It is for hot paths that know a document's shape (a full replay reads a million stored payloads). It
/// only answers when it is sure to read what ``JSONCodec`` would: every method returns nil (or false) on
/// anything unusual (a number that is not a plain integer, a syntax error), and the
/// caller then decodes the document the ordinary way. Objects are read member by member, so a repeated
/// key is seen twice and the caller keeps the last one, as ``JSONCodec``'s dictionaries do.
public struct JSONScanner {
    private let bytes: UnsafeBufferPointer<UInt8>
    public private(set) var index = 0

    public init(_ bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private static let quote = UInt8(ascii: "\""), backslash = UInt8(ascii: "\\")

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x0A, 0x0D, 0x09: index += 1
            default: return
            }
        }
    }

    /// Consumes `byte` (after whitespace) if it is next.
    public mutating func take(_ byte: UInt8) -> Bool {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == byte else { return false }
        index += 1
        return true
    }

    /// True (consuming it) when the next value is `null`.
    public mutating func takeNull() -> Bool {
        skipWhitespace()
        guard index + 4 <= bytes.count, bytes[index] == UInt8(ascii: "n"), bytes[index + 1] == UInt8(ascii: "u"),
            bytes[index + 2] == UInt8(ascii: "l"), bytes[index + 3] == UInt8(ascii: "l")
        else { return false }
        index += 4
        return true
    }

    /// The raw bytes of a string without escapes, between its quotes; nil for anything else.
    public mutating func rawString() -> UnsafeBufferPointer<UInt8>? {
        skipWhitespace()
        guard let base = bytes.baseAddress, index < bytes.count, base[index] == JSONScanner.quote else { return nil }
        let start = index + 1
        let end = JSONBytes.firstSpecial(in: bytes, from: start)
        guard end < bytes.count, base[end] == JSONScanner.quote else { return nil }
        index = end + 1
        return UnsafeBufferPointer(start: base + start, count: end - start)
    }

    /// A string, decoded as ``JSONCodec`` decodes it.
    public mutating func string() -> String? {
        if let raw = rawString() { return String(decoding: raw, as: UTF8.self) }
        // Escapes (or a syntax error): the parser's own string reading.
        guard index < bytes.count, bytes[index] == JSONScanner.quote,
            let (text, end) = try? JSONParser.string(in: bytes, at: index)
        else { return nil }
        index = end
        return text
    }

    /// A plain integer (optional minus, no leading zero, at most 18 digits): exactly what ``JSONCodec``
    /// reads as that `Int`.
    public mutating func int() -> Int? {
        skipWhitespace()
        var cursor = index
        let negative = cursor < bytes.count && bytes[cursor] == UInt8(ascii: "-")
        if negative { cursor += 1 }
        let first = cursor
        var value = 0
        while cursor < bytes.count {
            let digit = bytes[cursor] &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            value = value * 10 + Int(digit)
            cursor += 1
        }
        let digits = cursor - first
        guard digits > 0, digits <= 18, bytes[first] != UInt8(ascii: "0") || digits == 1 else { return nil }
        if cursor < bytes.count {
            switch bytes[cursor] {
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"): return nil
            default: break
            }
        }
        index = cursor
        return negative ? -value : value
    }

    /// The bytes of the next value, stepped over: for a member another reader takes (nil on a syntax error).
    public mutating func rawValue() -> UnsafeBufferPointer<UInt8>? {
        skipWhitespace()
        let start = index
        guard let base = bytes.baseAddress, skipValue() else { return nil }
        return UnsafeBufferPointer(start: base + start, count: index - start)
    }

    /// Steps over one value of any kind; false on a syntax error.
    public mutating func skipValue() -> Bool {
        skipWhitespace()
        guard index < bytes.count else { return false }
        switch bytes[index] {
        case JSONScanner.quote: return skipString()
        case UInt8(ascii: "{"), UInt8(ascii: "["): return skipContainer()
        default:
            // A number or literal: runs to the next delimiter.
            let start = index
            while index < bytes.count {
                switch bytes[index] {
                case UInt8(ascii: ","), UInt8(ascii: "}"), UInt8(ascii: "]"), 0x20, 0x0A, 0x0D, 0x09:
                    return index > start
                default: index += 1
                }
            }
            return index > start
        }
    }

    private mutating func skipString() -> Bool {
        guard let end = JSONScanner.endOfString(bytes, from: index + 1) else { return false }
        index = end
        return true
    }

    /// The index after the closing quote of the string whose contents start at `start`: the first quote
    /// preceded by an even number of backslashes (found with `memchr`: most of a payload is in strings).
    private static func endOfString(_ bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        guard let base = bytes.baseAddress else { return nil }
        let count = bytes.count
        var cursor = start
        while cursor < count {
            guard let found = memchr(base + cursor, Int32(quote), count - cursor) else { return nil }
            let at = base.distance(to: found.assumingMemoryBound(to: UInt8.self))
            var backslashes = 0
            while at - backslashes - 1 >= start, base[at - backslashes - 1] == backslash { backslashes += 1 }
            if backslashes % 2 == 0 { return at + 1 }
            cursor = at + 1
        }
        return nil
    }

    /// Skips a whole object or array by counting brackets outside strings. (The hot loop of a replay:
    /// `[` and `{`, `]` and `}` differ only in bit 5.)
    private mutating func skipContainer() -> Bool {
        guard let base = bytes.baseAddress else { return false }
        let count = bytes.count
        var depth = 0
        var cursor = index
        while cursor < count {
            let byte = base[cursor]
            if byte == JSONScanner.quote {
                guard let end = JSONScanner.endOfString(bytes, from: cursor + 1) else { return false }
                cursor = end
                continue
            } else {
                let folded = byte | 0x20
                if folded == UInt8(ascii: "{") {
                    depth += 1
                } else if folded == UInt8(ascii: "}") {
                    depth -= 1
                    if depth == 0 {
                        index = cursor + 1
                        return true
                    }
                }
            }
            cursor += 1
        }
        return false
    }

    /// Reads an object's members: `body` gets each key and must consume its value (returning false to give
    /// up). Nil when the object is malformed or `body` gave up.
    public mutating func members(_ body: (UnsafeBufferPointer<UInt8>, inout JSONScanner) -> Bool) -> Void? {
        guard take(UInt8(ascii: "{")) else { return nil }
        if take(UInt8(ascii: "}")) { return () }
        while true {
            guard member(body) else { return nil }
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "}")) ? () : nil
        }
    }

    /// One `key: value` member; a key with escapes (the correlator's keys hold U+001F) is decoded first.
    private mutating func member(_ body: (UnsafeBufferPointer<UInt8>, inout JSONScanner) -> Bool) -> Bool {
        if let key = rawString() { return take(UInt8(ascii: ":")) && body(key, &self) }
        guard var key = string(), take(UInt8(ascii: ":")) else { return false }
        return key.withUTF8 { body($0, &self) }
    }

    /// Reads an array's elements: `body` must consume each (returning false to give up). Nil when the array
    /// is malformed or `body` gave up.
    public mutating func elements(_ body: (inout JSONScanner) -> Bool) -> Void? {
        guard take(UInt8(ascii: "[")) else { return nil }
        if take(UInt8(ascii: "]")) { return () }
        while true {
            guard body(&self) else { return nil }
            if take(UInt8(ascii: ",")) { continue }
            return take(UInt8(ascii: "]")) ? () : nil
        }
    }

    /// Goes back to `index`, an earlier position of this scanner (to read a value again another way).
    public mutating func rewind(to index: Int) {
        precondition(index <= self.index, "a scanner only rewinds")
        self.index = index
    }

    /// True when the scanner has consumed the whole document (trailing whitespace aside).
    public mutating func atEnd() -> Bool {
        skipWhitespace()
        return index == bytes.count
    }
}

extension UnsafeBufferPointer<UInt8> {
    /// Byte-wise equality with an ASCII literal (a JSON key).
    public func equals(_ literal: StaticString) -> Bool {
        guard count == literal.utf8CodeUnitCount else { return false }
        let start = literal.utf8Start
        for offset in 0..<count where self[offset] != start[offset] { return false }
        return true
    }
}
