import KubeModel

/// One document of a source, converted to JSON but not yet looked at.
struct RawDocument {
    var value: JSONValue
    /// The JSON kubectl holds for it: the bytes as written for JSON input, Go's encoding of the YAML otherwise.
    var json: String
    /// The 1-based line of the source where the document starts.
    var line: Int
}

/// apimachinery's `YAMLOrJSONDecoder` (v1.32): JSON objects back to back when the input starts with `{`, YAML
/// documents separated by `---` otherwise.
///
/// A JSON stream that fails on its first or second value falls back to YAML from where JSON stopped (so
/// `{"a": 1}\n---\nb: 2` and flow-style YAML starting with `{` both work); if YAML fails too, the JSON error wins.
struct RawDocumentStream {
    private let bytes: [UInt8]
    private let source: String
    private var json: GoJSONStream?
    private var jsonCount = 0
    private var yaml: YAMLDocumentReader?
    /// The JSON error to report if the first YAML attempt after a fallback fails as well.
    private var pendingJSONError: ManifestError?
    private var lineCursor = (offset: 0, line: 1)

    init(input: ManifestInput, source: String) {
        bytes = input.bytes
        self.source = source
        let peek = bytes.prefix(4096).drop { $0 == 0x20 || (0x09...0x0D).contains($0) }
        if peek.first == UInt8(ascii: "{") {
            json = GoJSONStream(bytes: bytes)
        } else {
            yaml = YAMLDocumentReader(bytes: bytes, source: source)
        }
    }

    /// The next document that is not empty or `null`, or nil at the end of the source.
    mutating func next() throws(ManifestError) -> RawDocument? {
        while true {
            if json != nil {
                guard let document = try nextJSON() else { continue }
                return document
            }
            guard var reader = yaml else { return nil }
            defer { yaml = reader }
            do throws(ManifestError) {
                guard let chunk = try reader.next() else { return nil }
                let document = try YAMLDocumentParser.parse(chunk, source: source)
                pendingJSONError = nil
                if let document { return document }
            } catch {
                defer { pendingJSONError = nil }
                throw pendingJSONError ?? error
            }
        }
    }

    /// Reads one JSON value; nil means "switched to YAML, or skipped a null".
    private mutating func nextJSON() throws(ManifestError) -> RawDocument? {
        guard var stream = json else { return nil }
        let start = stream.position
        do throws(GoJSONStream.Failure) {
            guard let (value, range) = try stream.next() else {
                json = nil
                yaml = nil
                return nil
            }
            json = stream
            jsonCount += 1
            if value == .null { return nil }
            let text = String(decoding: bytes[range], as: UTF8.self)
            return RawDocument(value: value, json: text, line: advancingLine(to: range.lowerBound))
        } catch {
            let failure = jsonError(error)
            json = nil
            if jsonCount > 1 { throw failure.bare }
            pendingJSONError = failure.framed
            guard let resume = whitespaceConsumed(from: start) else { throw failure.framed }
            yaml = YAMLDocumentReader(bytes: bytes, from: resume, source: source)
            return nil
        }
    }

    /// `consumeWhitespace`: skips white space up to and including the first line break; nil at the end of input.
    private func whitespaceConsumed(from start: Int) -> Int? {
        var position = start
        let text = String(decoding: bytes[start...], as: UTF8.self)
        for scalar in text.unicodeScalars {
            guard scalar.properties.isWhitespace else { return position }
            position += String(scalar).utf8.count
            if scalar == "\n" { return position }
        }
        return nil
    }

    private func line(at offset: Int) -> Int {
        1 + bytes[..<min(offset, bytes.count)].count { $0 == UInt8(ascii: "\n") }
    }

    /// `line(at:)` for increasing offsets, counting each byte once so a stream of many small objects stays linear.
    private mutating func advancingLine(to offset: Int) -> Int {
        let target = min(offset, bytes.count)
        guard target >= lineCursor.offset else { return line(at: target) }
        lineCursor.line += bytes[lineCursor.offset..<target].count { $0 == UInt8(ascii: "\n") }
        lineCursor.offset = target
        return lineCursor.line
    }

    /// The error as `YAMLOrJSONDecoder` returns it (`json: offset N: …`), and as Go's decoder alone words it.
    private func jsonError(_ failure: GoJSONStream.Failure) -> (framed: ManifestError, bare: ManifestError) {
        switch failure {
        case .syntax(let offset, let message):
            let location = line(at: offset - 1)
            let framed = "json: offset \(offset): \(message)"
            return (
                ManifestError(.syntax, .parsing, source: source, message: framed, line: location),
                ManifestError(.syntax, .parsing, source: source, message: message, line: location)
            )
        case .unexpectedEOF:
            let error = ManifestError(
                .syntax, .parsing, source: source, message: "unexpected EOF", line: line(at: bytes.count))
            return (error, error)
        case .tooDeep(let offset):
            let error = ManifestError(
                .tooDeep, .parsing, source: source, message: "json: offset \(offset): exceeded max depth",
                line: line(at: offset - 1))
            return (error, error)
        case .duplicateKey(let offset, let key):
            let error = ManifestError(
                .duplicateKey, .parsing, source: source,
                message: "json: offset \(offset): duplicate key \(goQuoted(key))", line: line(at: offset - 1))
            return (error, error)
        }
    }
}
