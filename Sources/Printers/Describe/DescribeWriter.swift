/// describe.go's `PrefixWriter`: indents by two spaces a level and escapes terminal characters.
///
/// `describe` output goes through a ``TabWriter`` (`tabbedString`), while `rollout history
/// --revision` prints the pod template to a plain buffer so its TABs survive; `tabbed` picks which.
struct DescribeWriter {
    private var tabWriter: TabWriter?
    private var plain = ""

    init(tabbed: Bool = true) {
        tabWriter = tabbed ? TabWriter.describe : nil
    }

    /// `Write(level, …)`: the text prefixed by `level` indents.
    mutating func write(_ level: Int, _ text: String) {
        let line = escapeTerminal(String(repeating: "  ", count: level) + text)
        if tabWriter != nil {
            tabWriter?.write(line)
        } else {
            plain += line
        }
    }

    /// `WriteLine(a)`: the text and a newline, no indent.
    mutating func writeLine(_ text: String) {
        write(0, text + "\n")
    }

    /// Ends every column block, as describe does just before the Events table.
    mutating func flush() {
        tabWriter?.flush()
    }

    mutating func finish() -> String {
        if var writer = tabWriter { return writer.finish() }
        return plain
    }
}
