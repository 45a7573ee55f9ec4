/// A cheap look at how deeply a YAML document nests, taken before Yams sees it.
///
/// Yams builds its node tree recursively, so a hostile `[[[[…` or `- - - -…` could exhaust the stack before the
/// precise depth check in ``YAMLToJSON`` runs. The estimate counts indentation levels, leading `- ` / `? `
/// indicators and open flow brackets, skipping quoted text, comments and block scalars.
enum NestingEstimate {
    static func exceeds(_ limit: Int, in text: String) -> Bool {
        var scanner = Scanner()
        for line in text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            if scanner.estimate(Array(line)) > limit { return true }
        }
        return false
    }

    private struct Scanner {
        var flow = 0
        var quote: UInt8?
        var indents: [Int] = []
        var blockScalarParent: Int?

        /// Updates the state with one line and returns the nesting estimate at its end.
        mutating func estimate(_ line: [UInt8]) -> Int {
            let indent = line.prefix { $0 == UInt8(ascii: " ") }.count
            let content = line[indent...].filter { $0 != UInt8(ascii: "\r") }
            let isBlank = content.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") }
            if quote == nil && flow == 0 {
                if let parent = blockScalarParent {
                    if isBlank || indent > parent { return indents.count }
                    blockScalarParent = nil
                }
                if isBlank || content.first == UInt8(ascii: "#") { return indents.count }
                while let top = indents.last, top > indent { indents.removeLast() }
                if indents.last != indent { indents.append(indent) }
            }
            var index = content.startIndex
            var indicators = 0
            if quote == nil && flow == 0 {
                while index < content.endIndex,
                    content[index] == UInt8(ascii: "-") || content[index] == UInt8(ascii: "?"),
                    index + 1 == content.endIndex || content[index + 1] == UInt8(ascii: " ")
                {
                    indicators += 1
                    index += 1
                    while index < content.endIndex && content[index] == UInt8(ascii: " ") { index += 1 }
                }
            }
            // The last significant byte, which decides whether a quote opens a quoted scalar.
            var lastSignificant: UInt8? = index > content.startIndex ? UInt8(ascii: "-") : nil
            var afterSpace = true
            var peakFlow = flow
            while index < content.endIndex {
                let byte = content[index]
                if let open = quote {
                    if open == UInt8(ascii: "\"") && byte == UInt8(ascii: "\\") {
                        index += 2
                        continue
                    }
                    if byte == open { quote = nil }
                } else if byte == UInt8(ascii: "#") && afterSpace {
                    break
                } else if byte == UInt8(ascii: "'") || byte == UInt8(ascii: "\"") {
                    if lastSignificant.map({ ":-?[{,".utf8.contains($0) }) ?? true { quote = byte }
                } else if byte == UInt8(ascii: "[") || byte == UInt8(ascii: "{") {
                    flow += 1
                    peakFlow = max(peakFlow, flow)
                } else if byte == UInt8(ascii: "]") || byte == UInt8(ascii: "}") {
                    flow = max(0, flow - 1)
                }
                afterSpace = byte == UInt8(ascii: " ") || byte == UInt8(ascii: "\t")
                if !afterSpace { lastSignificant = byte }
                index += 1
            }
            if quote == nil && flow == 0 && startsBlockScalar(content) { blockScalarParent = indent }
            return indents.count + indicators + peakFlow
        }

        /// A line ending in `|` or `>`, optionally followed by indentation and chomping indicators.
        private func startsBlockScalar(_ content: [UInt8]) -> Bool {
            var trimmed = content[...]
            if let hash = trimmed.firstIndex(of: UInt8(ascii: "#")), hash > trimmed.startIndex,
                trimmed[hash - 1] == UInt8(ascii: " ")
            {
                trimmed = trimmed[..<hash]
            }
            while let last = trimmed.last, last == UInt8(ascii: " ") || last == UInt8(ascii: "\t") {
                trimmed = trimmed.dropLast()
            }
            while let last = trimmed.last, last == UInt8(ascii: "+") || last == UInt8(ascii: "-") || last.isASCIIDigit {
                trimmed = trimmed.dropLast()
            }
            guard let last = trimmed.last, last == UInt8(ascii: "|") || last == UInt8(ascii: ">") else { return false }
            let before = trimmed.dropLast().last
            return before == nil || before == UInt8(ascii: " ")
        }
    }
}
