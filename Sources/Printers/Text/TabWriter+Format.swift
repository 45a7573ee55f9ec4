/// The column-block algorithm of Go's `tabwriter.format`, kept recursive as upstream has it so that
/// block boundaries come out exactly the same.
extension TabWriter {
    /// Works on UTF-8 bytes, as Go does: appending to a `String` cell by cell, and splitting it by `Character`,
    /// were most of a 1,000-row table's time. (Bytes also split "\r\n", one `Character`, at its "\n", as Go does.)
    func align(_ text: String) -> String {
        let lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
            .map { $0.split(separator: UInt8(ascii: "\t"), omittingEmptySubsequences: false) }
        var widths: [Int] = []
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count * 2)
        formatBlock(lines, from: 0, to: lines.count, widths: &widths, into: &out)
        return String(decoding: out, as: UTF8.self)
    }

    private func formatBlock(
        _ lines: [[Substring.UTF8View]], from start: Int, to end: Int, widths: inout [Int], into out: inout [UInt8]
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
        _ lines: [[Substring.UTF8View]], from start: Int, to end: Int, widths: [Int], into out: inout [UInt8]
    ) {
        for index in start..<end {
            for (column, cell) in lines[index].enumerated() {
                out.append(contentsOf: cell)
                if column < widths.count {
                    writePadding(textWidth: cellWidth(cell), cellWidth: widths[column], into: &out)
                }
            }
            if index + 1 < lines.count { out.append(UInt8(ascii: "\n")) }
        }
    }

    private func writePadding(textWidth: Int, cellWidth: Int, into out: inout [UInt8]) {
        guard padChar == "\t" else {
            let count = cellWidth - textWidth
            guard count > 0 else { return }
            if padChar == " " {
                out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: count))
            } else {
                out.append(contentsOf: String(repeating: padChar, count: count).utf8)
            }
            return
        }
        guard tabWidth > 0 else { return }
        let rounded = (cellWidth + tabWidth - 1) / tabWidth * tabWidth
        let tabs = (rounded - textWidth + tabWidth - 1) / tabWidth
        if tabs > 0 { out.append(contentsOf: repeatElement(UInt8(ascii: "\t"), count: tabs)) }
    }

    /// Go counts runes, not bytes or grapheme clusters: UTF-8 bytes that do not continue a rune.
    private func cellWidth(_ cell: Substring.UTF8View) -> Int {
        var runes = 0
        for byte in cell where byte & 0xC0 != 0x80 { runes += 1 }
        return runes
    }
}
