/// cli-runtime's `WriteEscaped`: ESC and CR in object data must not reach the terminal raw.
func escapeTerminal(_ text: String) -> String {
    // Bytes, not Characters: this runs on every table cell.
    guard text.utf8.contains(where: { $0 == 0x1B || $0 == UInt8(ascii: "\r") }) else { return text }
    var out = ""
    for scalar in text.unicodeScalars {
        switch scalar {
        case "\u{1b}": out += "^["
        case "\r": out += "\\r"
        default: out.unicodeScalars.append(scalar)
        }
    }
    return out
}
