extension JSONBytes {
    /// The index of the first byte at or after `start` that ends a plain run of string content (a control
    /// character, `"` or `\\`: what a writer must escape and a reader must stop at), or `bytes.count`.
    ///
    /// Most strings have none, so it looks at eight bytes at a time: byte by byte was most of writing a stored
    /// object, and a sixth of reading a snapshot's Kubernetes Events.
    static func firstSpecial(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        var index = start
        if let base = bytes.baseAddress {
            while index + 8 <= bytes.count {
                if maySpecial(UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)) { break }
                index += 8
            }
        }
        while index < bytes.count {
            let byte = bytes[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return index }
            index += 1
        }
        return index
    }

    /// Whether any of the eight bytes is below 0x20, `"` or `\\` (exact: "has a byte below n" for n <= 0x80,
    /// and a byte equal to c as a zero byte of `word ^ c`).
    @inline(__always) private static func maySpecial(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasByteBelow(_ word: UInt64, _ n: UInt64) -> Bool { (word &- ones &* n) & ~word & highs != 0 }
        return hasByteBelow(word, 0x20) || hasByteBelow(word ^ (ones &* 0x22), 1)
            || hasByteBelow(word ^ (ones &* 0x5C), 1)
    }
}
