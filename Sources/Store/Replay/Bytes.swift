import Glibc

/// Byte-range equality by `memcmp`: a replay compares every row's stream id and type with the previous
/// ones, and `elementsEqual`'s element-by-element loop over generic sequences cost more than reading the row.
enum Bytes {
    static func equal(_ bytes: UnsafeBufferPointer<UInt8>, _ other: [UInt8]) -> Bool {
        guard bytes.count == other.count else { return false }
        if bytes.isEmpty { return true }
        return other.withUnsafeBufferPointer { memcmp(bytes.baseAddress!, $0.baseAddress!, bytes.count) == 0 }
    }
}
