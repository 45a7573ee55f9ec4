/// Go's `text/tabwriter` (flags 0), the aligner behind every kubectl table and `describe`.
///
/// Text is buffered until ``flush()``. A cell is text terminated by a TAB; the text after a line's
/// last TAB is not part of any column and is never padded. A column block is a run of consecutive
/// lines that all have a cell in that column; its width is `max(minWidth, widest cell + padding)`.
/// A line without a TAB therefore ends every block, and so does a flush.
///
/// ```swift
/// var writer = TabWriter.table
/// writer.write("NAME\tREADY\nweb\t1/1\n")
/// writer.finish()   // "NAME   READY\nweb    1/1\n"
/// ```
public struct TabWriter: Sendable {
    public var minWidth: Int
    public var tabWidth: Int
    public var padding: Int
    public var padChar: Character

    private var pending = ""
    private var output = ""

    public init(minWidth: Int, tabWidth: Int, padding: Int, padChar: Character = " ") {
        self.minWidth = minWidth
        self.tabWidth = tabWidth
        self.padding = padding
        self.padChar = padChar
    }

    /// cli-runtime's settings for `kubectl get` tables.
    public static var table: TabWriter { TabWriter(minWidth: 6, tabWidth: 4, padding: 3) }

    /// The settings of describe's `tabbedString` and of `rollout history`.
    public static var describe: TabWriter { TabWriter(minWidth: 0, tabWidth: 8, padding: 2) }

    /// Buffers text; nothing is aligned until the next flush.
    public mutating func write(_ text: String) {
        pending += text
    }

    /// Aligns everything buffered so far; later text starts fresh column blocks.
    public mutating func flush() {
        guard !pending.isEmpty else { return }
        output += align(pending)
        pending = ""
    }

    /// Flushes and returns all aligned output.
    public mutating func finish() -> String {
        flush()
        return output
    }

    /// Aligns `text` in one go with this writer's settings.
    public func aligned(_ text: String) -> String {
        var copy = self
        copy.write(text)
        return copy.finish()
    }
}
