/// The column-block algorithm of Go's `tabwriter.format`, kept recursive as upstream has it so that
/// block boundaries come out exactly the same.
extension TabWriter {
    func align(_ text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.split(separator: "\t", omittingEmptySubsequences: false) }
        var widths: [Int] = []
        var out = ""
        formatBlock(lines, from: 0, to: lines.count, widths: &widths, into: &out)
        return out
    }

    private func formatBlock(
        _ lines: [[Substring]], from start: Int, to end: Int, widths: inout [Int], into out: inout String
    ) {
        let column = widths.count
        var blockStart = start
        var index = start
        while index < end {
            guard column < lines[index].count - 1 else {
                index += 1
                continue
            }
            writeLines(lines, from: blockStart, to: index, widths: widths, into: &out)
            blockStart = index
            var width = minWidth
            while index < end, column < lines[index].count - 1 {
                width = max(width, cellWidth(lines[index][column]) + padding)
                index += 1
            }
            widths.append(width)
            formatBlock(lines, from: blockStart, to: index, widths: &widths, into: &out)
            widths.removeLast()
            blockStart = index
        }
        writeLines(lines, from: blockStart, to: end, widths: widths, into: &out)
    }

    private func writeLines(
        _ lines: [[Substring]], from start: Int, to end: Int, widths: [Int], into out: inout String
    ) {
        for index in start..<end {
            for (column, cell) in lines[index].enumerated() {
                out += cell
                if column < widths.count {
                    writePadding(textWidth: cellWidth(cell), cellWidth: widths[column], into: &out)
                }
            }
            if index + 1 < lines.count { out += "\n" }
        }
    }

    private func writePadding(textWidth: Int, cellWidth: Int, into out: inout String) {
        guard padChar == "\t" else {
            out += String(repeating: padChar, count: cellWidth - textWidth)
            return
        }
        guard tabWidth > 0 else { return }
        let rounded = (cellWidth + tabWidth - 1) / tabWidth * tabWidth
        out += String(repeating: "\t", count: (rounded - textWidth + tabWidth - 1) / tabWidth)
    }

    /// Go counts runes, not bytes or grapheme clusters.
    private func cellWidth(_ cell: Substring) -> Int { cell.unicodeScalars.count }
}
