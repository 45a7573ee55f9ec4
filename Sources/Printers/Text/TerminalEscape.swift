/// cli-runtime's `WriteEscaped`: ESC and CR in object data must not reach the terminal raw.
func escapeTerminal(_ text: String) -> String {
    guard text.contains(where: { $0 == "\u{1b}" || $0 == "\r" || $0 == "\r\n" }) else { return text }
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
