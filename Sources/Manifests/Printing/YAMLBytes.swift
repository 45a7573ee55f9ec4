/// libyaml's character classes over UTF-8 bytes, as go-yaml v2's emitter uses them (out of range reads as NUL).
extension Array where Element == UInt8 {
    subscript(safe index: Int) -> UInt8 { index >= 0 && index < count ? self[index] : 0 }

    /// The length of the UTF-8 sequence starting with the byte at `index`.
    func yamlWidth(at index: Int) -> Int {
        let byte = self[safe: index]
        if byte & 0x80 == 0x00 { return 1 }
        if byte & 0xE0 == 0xC0 { return 2 }
        if byte & 0xF0 == 0xE0 { return 3 }
        if byte & 0xF8 == 0xF0 { return 4 }
        return 1
    }

    func isYAMLSpace(at index: Int) -> Bool { self[safe: index] == UInt8(ascii: " ") }

    func isYAMLBlank(at index: Int) -> Bool {
        self[safe: index] == UInt8(ascii: " ") || self[safe: index] == UInt8(ascii: "\t")
    }

    /// `\r`, `\n`, NEL (U+0085), LS (U+2028) and PS (U+2029).
    func isYAMLBreak(at index: Int) -> Bool {
        let byte = self[safe: index]
        if byte == UInt8(ascii: "\r") || byte == UInt8(ascii: "\n") { return true }
        if byte == 0xC2 && self[safe: index + 1] == 0x85 { return true }
        return byte == 0xE2 && self[safe: index + 1] == 0x80
            && (self[safe: index + 2] == 0xA8 || self[safe: index + 2] == 0xA9)
    }

    func isYAMLBlankOrBreakOrEnd(at index: Int) -> Bool {
        isYAMLBlank(at: index) || isYAMLBreak(at: index) || self[safe: index] == 0
    }

    /// libyaml's `is_printable`: note that it rejects tabs and every four-byte sequence (emoji get escaped).
    func isYAMLPrintable(at index: Int) -> Bool {
        let byte = self[safe: index]
        let next = self[safe: index + 1]
        let third = self[safe: index + 2]
        return byte == 0x0A
            || (byte >= 0x20 && byte <= 0x7E)
            || (byte == 0xC2 && next >= 0xA0)
            || (byte > 0xC2 && byte < 0xED)
            || (byte == 0xED && next < 0xA0)
            || byte == 0xEE
            || (byte == 0xEF && !(next == 0xBB && third == 0xBF) && !(next == 0xBF && (third == 0xBE || third == 0xBF)))
    }

    func isYAMLByteOrderMark(at index: Int) -> Bool {
        self[safe: index] == 0xEF && self[safe: index + 1] == 0xBB && self[safe: index + 2] == 0xBF
    }
}
