/// The one place kubectl's own behaviour makes its output differ from `rollbook`'s for the same state.
enum Transcripts {
    /// `kubectl describe` computes the Age of each event from its own wall clock, while `rollbook describe`
    /// (and every server-side `get` table) uses the store's clock, `ROLLBOOK_NOW` in these tests. The Age
    /// cells of the Events table are replaced by `<age>` (and the columns re-joined with two spaces), in
    /// both outputs, before they are compared.
    static func withoutEventAges(_ text: String) -> String {
        var lines: [String] = []
        var inEvents = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) {
            if line.hasPrefix("Events:") {
                inEvents = true
                lines.append(line)
                continue
            }
            guard inEvents, line.hasPrefix("  ") else {
                inEvents = false
                lines.append(line)
                continue
            }
            var cells = columns(line)
            if cells.count >= 5 {
                if cells[2] != "Age" && !cells[2].hasPrefix("---") { cells[2] = "<age>" }
                lines.append("  " + cells.joined(separator: "  "))
            } else {
                lines.append(line)
            }
        }
        return lines.joined(separator: "\n")
    }

    /// kubectl's klog lines (`E1126 18:05:44.659306    3234 memcache.go:265] …`) carry times and process
    /// ids; the trace of what kubectl prints leaves them out too.
    static func withoutKlog(_ text: String) -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .filter { line in
                guard let first = line.first, "IWEF".contains(first), line.count > 5 else { return true }
                return !line.dropFirst().prefix(4).allSatisfy(\.isNumber)
            }
            .joined(separator: "\n")
    }

    /// Cells separated by two or more spaces.
    private static func columns(_ line: String) -> [String] {
        var cells: [String] = []
        var current = ""
        var spaces = 0
        for character in line.drop(while: { $0 == " " }) {
            if character == " " {
                spaces += 1
                continue
            }
            if spaces >= 2 {
                cells.append(current)
                current = ""
            } else if spaces == 1 {
                current.append(" ")
            }
            spaces = 0
            current.append(character)
        }
        cells.append(current)
        return cells
    }
}
