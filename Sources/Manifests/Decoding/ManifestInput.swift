import Foundation

/// The bytes of one source, checked and normalised the way kubectl's file visitor sees them.
///
/// kubectl wraps every file in `unicode.BOMOverride(unicode.UTF8.NewDecoder())`: a UTF-8 byte order mark is dropped
/// and UTF-16 with a mark is transcoded. Where kubectl would silently replace invalid UTF-8 with U+FFFD we refuse the
/// input instead, so a corrupted file cannot be applied by accident.
struct ManifestInput {
    /// UTF-8 bytes after byte-order-mark handling.
    var bytes: [UInt8]

    init(_ data: Data, source: String) throws(ManifestError) {
        guard data.count <= ManifestDecoder.maxInputBytes else {
            throw ManifestError(
                .tooLarge, .parsing, source: source,
                message: "input is \(data.count) bytes, more than the \(ManifestDecoder.maxInputBytes) accepted")
        }
        var bytes = [UInt8](data)
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes.removeFirst(3)
        } else if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            let encoding: String.Encoding = bytes[0] == 0xFF ? .utf16LittleEndian : .utf16BigEndian
            guard let text = String(data: Data(bytes.dropFirst(2)), encoding: encoding) else {
                throw ManifestError(.notUTF8, .parsing, source: source, message: "invalid UTF-16 input")
            }
            bytes = Array(text.utf8)
        }
        if let offset = ManifestInput.firstInvalidUTF8(in: bytes) {
            throw ManifestError(
                .notUTF8, .parsing, source: source, message: "invalid UTF-8 at byte offset \(offset)",
                line: bytes[..<offset].count { $0 == UInt8(ascii: "\n") } + 1)
        }
        self.bytes = bytes
    }

    /// The offset of the first byte that does not start or continue a well-formed UTF-8 sequence.
    static func firstInvalidUTF8(in bytes: [UInt8]) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .emptyInput: return nil
            case .error: return offset
            }
        }
    }
}
