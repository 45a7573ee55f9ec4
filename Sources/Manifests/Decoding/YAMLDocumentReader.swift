/// One YAML document as kubectl cuts it out of a stream: the lines between two `---` separators.
struct YAMLChunk {
    /// The document text; every line ends in `\n` and carriage returns before it are gone.
    var text: String
    /// The 1-based line of the source on which `text` starts; go-yaml's line numbers count from here.
    var firstLine: Int

    init(bytes: [UInt8], firstLine: Int) {
        self.text = String(decoding: bytes, as: UTF8.self)
        self.firstLine = firstLine
    }
}

/// kubectl's `YAMLReader`: splits a stream into documents line by line, one `---` at a time.
///
/// A line starting with `---` separates documents when only spaces or a comment follow; anything else after it is
/// an error, reported when the reader gets there (documents before it are still used). Empty documents are skipped.
struct YAMLDocumentReader {
    private let bytes: [UInt8]
    private var position: Int
    private var line: Int
    private let source: String

    init(bytes: [UInt8], from start: Int = 0, source: String) {
        self.bytes = bytes
        self.position = start
        self.line = 1 + bytes[..<start].count { $0 == UInt8(ascii: "\n") }
        self.source = source
    }

    /// The next non-empty document, or nil at the end of the stream.
    mutating func next() throws(ManifestError) -> YAMLChunk? {
        var buffer: [UInt8] = []
        var firstLine = line
        while position < bytes.count {
            let lineStart = position
            var lineEnd = bytes[lineStart...].firstIndex(of: UInt8(ascii: "\n")) ?? bytes.count
            position = lineEnd < bytes.count ? lineEnd + 1 : lineEnd
            let lineNumber = line
            line += 1
            // bufio.Reader.ReadLine drops "\r\n" as a unit; a lone trailing "\r" at the end of the input stays.
            if lineEnd < bytes.count, lineEnd > lineStart, bytes[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
            let content = bytes[lineStart..<lineEnd]
            if content.starts(with: Array("---".utf8)) {
                let rest = String(decoding: content.dropFirst(3), as: UTF8.self)
                let trimmed = rest.trimmingGoSpace()
                if let first = trimmed.first, first != "#" {
                    throw ManifestError(
                        .syntax, .parsing, source: source, message: "invalid Yaml document separator: \(trimmed)",
                        line: lineNumber)
                }
                if !buffer.isEmpty { return YAMLChunk(bytes: buffer, firstLine: firstLine) }
                continue
            }
            if buffer.isEmpty { firstLine = lineNumber }
            buffer.append(contentsOf: content)
            buffer.append(UInt8(ascii: "\n"))
        }
        return buffer.isEmpty ? nil : YAMLChunk(bytes: buffer, firstLine: firstLine)
    }
}

extension String {
    /// Go's `strings.TrimSpace`: trims Unicode white space at both ends.
    func trimmingGoSpace() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) ?? start
        return String(scalars[start...end])
    }
}
