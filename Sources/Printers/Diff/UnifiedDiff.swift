/// `diff -u` output between two texts: `---`/`+++` headers, then `@@ -l,s +l,s @@` hunks with
/// `context` lines of context around each change; hunks whose context would touch are merged.
///
/// Hunk ranges follow GNU diff: a count of 1 is left out, and an empty range names the line before it
/// (`@@ -0,0 +1,3 @@` adds three lines to an empty file). Identical texts give the empty string.
///
/// ```swift
/// unifiedDiff("a\nb\n", "a\nc\n", oldLabel: "revision 1", newLabel: "revision 2")
/// // --- revision 1
/// // +++ revision 2
/// // @@ -1,2 +1,2 @@
/// //  a
/// // -b
/// // +c
/// ```
public func unifiedDiff(_ old: String, _ new: String, oldLabel: String, newLabel: String, context: Int = 3) -> String {
    let script = LineDiff.edits(from: lines(of: old), to: lines(of: new))
    let changed = script.indices.filter { if case .keep = script[$0] { false } else { true } }
    guard let first = changed.first else { return "" }
    var groups: [ClosedRange<Int>] = []
    var start = first, end = first
    for index in changed.dropFirst() {
        if index - end > 2 * context {
            groups.append(start...end)
            start = index
        }
        end = index
    }
    groups.append(start...end)

    // Line numbers (0-based) reached in each text before every script step.
    var oldLine = [Int](), newLine = [Int]()
    var o = 0, n = 0
    for edit in script {
        oldLine.append(o)
        newLine.append(n)
        switch edit {
        case .keep: o += 1; n += 1
        case .delete: o += 1
        case .insert: n += 1
        }
    }

    var out = "--- \(oldLabel)\n+++ \(newLabel)\n"
    for group in groups {
        let lower = max(0, group.lowerBound - context)
        let upper = min(script.count - 1, group.upperBound + context)
        var body = "", oldCount = 0, newCount = 0
        for edit in script[lower...upper] {
            switch edit {
            case .keep(let line):
                body += " \(line)\n"
                oldCount += 1
                newCount += 1
            case .delete(let line):
                body += "-\(line)\n"
                oldCount += 1
            case .insert(let line):
                body += "+\(line)\n"
                newCount += 1
            }
        }
        out += "@@ -\(range(oldLine[lower], oldCount)) +\(range(newLine[lower], newCount)) @@\n" + body
    }
    return out
}

private func range(_ start: Int, _ count: Int) -> String {
    switch count {
    case 0: "\(start),0"
    case 1: "\(start + 1)"
    default: "\(start + 1),\(count)"
    }
}

private func lines(of text: String) -> [String] {
    var lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    if lines.last == "" { lines.removeLast() }
    return lines
}
