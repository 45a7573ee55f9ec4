/// cli-runtime's `HumanReadablePrinter` for one list: an upper-case header row, then one row per
/// object, TAB-joined and aligned by ``TabWriter/table``.
struct TablePrinter {
    var columns: [String]
    var showNamespace: Bool
    private var rows: [[String]] = []

    init(columns: [String], showNamespace: Bool) {
        self.columns = columns
        self.showNamespace = showNamespace
    }

    mutating func addRow(namespace: String?, _ cells: [String]) {
        rows.append((showNamespace ? [namespace ?? ""] : []) + cells)
    }

    /// The table text; empty when there are no rows (kubectl then says "No resources found" on stderr).
    func render() -> String {
        guard !rows.isEmpty else { return "" }
        let header = (showNamespace ? ["NAMESPACE"] : []) + columns
        var writer = TabWriter.table
        writer.write(header.joined(separator: "\t") + "\n")
        for row in rows {
            writer.write(row.map(Self.cellText).joined(separator: "\t") + "\n")
        }
        return writer.finish()
    }

    /// A cell is cut at its first line break (marked `...`) and escaped, as `printRows` does.
    private static func cellText(_ cell: String) -> String {
        guard let cut = cell.unicodeScalars.firstIndex(where: { $0 == "\n" || $0 == "\r" || $0 == "\u{0C}" }) else {
            return escapeTerminal(cell)
        }
        return escapeTerminal(String(cell.unicodeScalars[..<cut])) + "..."
    }
}
