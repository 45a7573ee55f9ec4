extension JSONPath.Parser {
    /// client-go's `UnquoteExtend`: Go's `strconv.Unquote` for a `"…"` or `'…'` literal of any length, escape by
    /// escape (`strconv.UnquoteChar`); nil where Go reports `invalid syntax`.
    ///
    /// So `{"\\n"}` is a backslash and an `n`, `{"\n"}` a newline, and `{'x'}` the text `x`.
    static func unquoteExtend(_ literal: String) -> String? {
        let bytes = Array(literal.utf8)
        guard bytes.count >= 2, let quote = bytes.first, quote == bytes.last,
            quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'")
        else { return nil }
        var rest = bytes[1..<(bytes.count - 1)]
        var out: [UInt8] = []
        while let first = rest.first {
            if first == quote { return nil }
            guard first == UInt8(ascii: "\\") else {
                out.append(first)
                rest = rest.dropFirst()
                continue
            }
            guard rest.count > 1 else { return nil }
            let escape = rest[rest.startIndex + 1]
            rest = rest.dropFirst(2)
            guard let decoded = unescape(escape, quote: quote, rest: &rest) else { return nil }
            out += decoded
        }
        // `\x` and octal escapes may leave bytes that are no UTF-8; Swift strings show those as U+FFFD.
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes one escape (the character after the backslash) stands for, taking its digits from `rest`.
    private static func unescape(_ escape: UInt8, quote: UInt8, rest: inout ArraySlice<UInt8>) -> [UInt8]? {
        let simple: [UInt8: UInt8] = [
            UInt8(ascii: "a"): 7, UInt8(ascii: "b"): 8, UInt8(ascii: "f"): 12, UInt8(ascii: "n"): 10,
            UInt8(ascii: "r"): 13, UInt8(ascii: "t"): 9, UInt8(ascii: "v"): 11, UInt8(ascii: "\\"): 92,
        ]
        if let byte = simple[escape] { return [byte] }
        switch escape {
        case UInt8(ascii: "x"), UInt8(ascii: "u"), UInt8(ascii: "U"):
            let count = escape == UInt8(ascii: "x") ? 2 : escape == UInt8(ascii: "u") ? 4 : 8
            guard rest.count >= count else { return nil }
            var value: UInt32 = 0
            for byte in rest.prefix(count) {
                guard let digit = hexDigit(byte) else { return nil }
                value = value << 4 | digit
            }
            rest = rest.dropFirst(count)
            if escape == UInt8(ascii: "x") { return [UInt8(value)] }
            guard let scalar = Unicode.Scalar(value) else { return nil }
            return Array(String(Character(scalar)).utf8)
        case UInt8(ascii: "0")...UInt8(ascii: "7"):
            guard rest.count >= 2 else { return nil }
            var value = UInt32(escape - UInt8(ascii: "0"))
            for byte in rest.prefix(2) {
                guard (UInt8(ascii: "0")...UInt8(ascii: "7")).contains(byte) else { return nil }
                value = value << 3 | UInt32(byte - UInt8(ascii: "0"))
            }
            rest = rest.dropFirst(2)
            return value > 255 ? nil : [UInt8(value)]
        case UInt8(ascii: "'"), UInt8(ascii: "\""):
            return escape == quote ? [escape] : nil
        default:
            return nil
        }
    }

    private static func hexDigit(_ byte: UInt8) -> UInt32? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): UInt32(byte - UInt8(ascii: "0"))
        case UInt8(ascii: "a")...UInt8(ascii: "f"): UInt32(byte - UInt8(ascii: "a") + 10)
        case UInt8(ascii: "A")...UInt8(ascii: "F"): UInt32(byte - UInt8(ascii: "A") + 10)
        default: nil
        }
    }
}
