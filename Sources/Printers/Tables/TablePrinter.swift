/// cli-runtime's `HumanReadablePrinter` for one list: an upper-case header row, then one row per
/// object, TAB-joined and aligned by ``TabWriter/table``.
struct TablePrinter {
    var columns: [String]
    var showNamespace: Bool
    var options: TableOptions
    private var rows: [[String]] = []

    init(columns: [String], showNamespace: Bool, options: TableOptions = TableOptions()) {
        self.columns = columns
        self.showNamespace = showNamespace
        self.options = options
    }

    /// One row; `-L` appends the named labels' values, `--show-labels` all labels as `labels.FormatLabels` writes them.
    mutating func addRow(namespace: String?, _ cells: [String], labels: [String: String]? = nil) {
        var row = (showNamespace ? [namespace ?? ""] : []) + cells
        row += options.labelColumns.map { labels?[$0] ?? "" }
        if options.showLabels {
            let pairs = (labels ?? [:]).sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)" }
            row.append(pairs.isEmpty ? "<none>" : pairs.joined(separator: ","))
        }
        rows.append(row)
    }

    /// The table text; empty when there are no rows (kubectl then says "No resources found" on stderr).
    /// - Parameter watch: The lines a watch printed before, which these are aligned with.
    func render(watch: WatchAlignment? = nil) -> String {
        guard !rows.isEmpty else { return "" }
        // formatLabelHeaders: a label column is headed by its key's last segment, upper-cased.
        let labelHeaders = options.labelColumns.map { String($0.split(separator: "/", omittingEmptySubsequences: false).last ?? "").uppercased() }
        let header = (showNamespace ? ["NAMESPACE"] : []) + columns + labelHeaders + (options.showLabels ? ["LABELS"] : [])
        let lines = (options.noHeaders ? [] : [header.joined(separator: "\t")])
            + rows.map { $0.map(Self.cellText).joined(separator: "\t") }
        if let watch { return watch.align(lines) }
        var writer = TabWriter.table
        for line in lines { writer.write(line + "\n") }
        return writer.finish()
    }

    /// A cell is cut at its first line break (marked `...`) and escaped, as `printRows` does.
    private static func cellText(_ cell: String) -> String {
        guard let cut = cell.utf8.firstIndex(where: { $0 == 0x0A || $0 == 0x0D || $0 == 0x0C }) else {
            return escapeTerminal(cell)
        }
        return escapeTerminal(String(cell[..<cut])) + "..."
    }
}

/// `get --show-labels`, `--no-headers` and `-L`.
public struct TableOptions: Sendable, Equatable {
    public var showLabels: Bool
    public var noHeaders: Bool
    /// `-L KEY`: a column per label key, after the printer's own.
    public var labelColumns: [String]

    public init(showLabels: Bool = false, noHeaders: Bool = false, labelColumns: [String] = []) {
        self.showLabels = showLabels
        self.noHeaders = noHeaders
        self.labelColumns = labelColumns
    }
}

/// `-o custom-columns`: the headers as given, then one row per object.
public func customColumnsTable(
    headers: [String], rows: [[String]], noHeaders: Bool, watch: WatchAlignment? = nil
) -> String {
    // Unlike a table, custom columns print their header over no rows at all.
    if rows.isEmpty && !noHeaders {
        var writer = TabWriter.table
        writer.write(headers.joined(separator: "\t") + "\n")
        return writer.finish()
    }
    var table = TablePrinter(columns: headers, showNamespace: false, options: TableOptions(noHeaders: noHeaders))
    for row in rows { table.addRow(namespace: nil, row) }
    return table.render(watch: watch)
}

/// `kubectl get -w`: each event's line is written at once, padded to the widest cell each column has held since
/// the watch began (its header included), so columns only ever widen. Lines already written stay as they were.
public final class WatchAlignment {
    /// The widest cell seen in each column: aligning new lines under them gives every earlier width.
    private var widest: [Substring] = []

    public init() {}

    func align(_ lines: [String]) -> String {
        var writer = TabWriter.table
        if !widest.isEmpty { writer.write(widest.joined(separator: "\t") + "\n") }
        for line in lines { writer.write(line + "\n") }
        var text = writer.finish()
        if !widest.isEmpty { text = String(text.drop { $0 != "\n" }.dropFirst()) }
        for line in lines {
            for (index, cell) in line.split(separator: "\t", omittingEmptySubsequences: false).enumerated() {
                if index >= widest.count { widest.append(cell) } else if cell.count > widest[index].count { widest[index] = cell }
            }
        }
        return text
    }
}
