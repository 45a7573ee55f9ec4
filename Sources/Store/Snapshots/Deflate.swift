import CZlib
import Foundation

/// zlib's deflate, for snapshot states: stream state is canonical JSON that repeats its keys in every object,
/// and compresses about tenfold.
enum Deflate {
    /// Level 1: measured on the 1M-event store's states, it deflates 388 MB/s to a ratio of 9.5, where the
    /// default level 6 gives 12 at 142 MB/s; a replay writes 1 GB of states. The compressed bytes depend on
    /// the input and zlib's version, so `verify` compares states inflated.
    static func compress(_ text: String) throws -> Data {
        var input = Array(text.utf8)
        var length = compressBound(uLong(input.count))
        var output = [UInt8](repeating: 0, count: Int(length))
        let status = compress2(&output, &length, &input, uLong(input.count), 1)
        guard status == Z_OK else { throw StoreError(.storage, "deflate failed (zlib status \(status))") }
        return Data(output.prefix(Int(length)))
    }

    /// Inflates `data`, which must hold exactly `size` bytes once inflated.
    static func decompress(_ data: Data, size: Int) throws -> String {
        String(decoding: try inflate(data, size: size), as: UTF8.self)
    }

    /// ``decompress(_:size:)``'s bytes, for readers that take UTF-8 bytes (making a `String` of them checks
    /// every byte once more).
    static func inflate(_ data: Data, size: Int) throws -> [UInt8] {
        var output = [UInt8](repeating: 0, count: size)
        var length = uLong(size)
        let status = data.withUnsafeBytes { raw in
            uncompress(&output, &length, raw.bindMemory(to: UInt8.self).baseAddress, uLong(data.count))
        }
        guard status == Z_OK, Int(length) == size else {
            throw StoreError(.corrupt, "a stream snapshot does not inflate (zlib status \(status))")
        }
        return output
    }
}
