import CZlib
import Foundation

/// zlib's deflate, for snapshot states: stream state is canonical JSON that repeats its keys in every object,
/// and compresses about tenfold.
enum Deflate {
    /// Level 6, zlib's default: the compressed bytes depend only on the input and zlib's version.
    static func compress(_ text: String) throws -> Data {
        var input = Array(text.utf8)
        var length = compressBound(uLong(input.count))
        var output = [UInt8](repeating: 0, count: Int(length))
        let status = compress2(&output, &length, &input, uLong(input.count), 6)
        guard status == Z_OK else { throw StoreError(.storage, "deflate failed (zlib status \(status))") }
        return Data(output.prefix(Int(length)))
    }

    /// Inflates `data`, which must hold exactly `size` bytes once inflated.
    static func decompress(_ data: Data, size: Int) throws -> String {
        var output = [UInt8](repeating: 0, count: size)
        var length = uLong(size)
        let status = data.withUnsafeBytes { raw in
            uncompress(&output, &length, raw.bindMemory(to: UInt8.self).baseAddress, uLong(data.count))
        }
        guard status == Z_OK, Int(length) == size else {
            throw StoreError(.corrupt, "a stream snapshot does not inflate (zlib status \(status))")
        }
        return String(decoding: output, as: UTF8.self)
    }
}
