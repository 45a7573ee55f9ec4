/// Scalars: libyaml's choice between plain, single-quoted, double-quoted and literal style, and the writers, which
/// fold plain and quoted text at spaces once past column 80.
extension GoYAMLEmitter {
    mutating func emitScalar(_ scalar: GoYAMLScalar, analysis: ScalarAnalysis) {
        let style = selectStyle(scalar, analysis)
        increaseIndent(flow: true, indentless: false)
        switch style {
        case .plain: writePlain(scalar.bytes, allowBreaks: !simpleKeyContext)
        case .singleQuoted: writeSingleQuoted(scalar.bytes, allowBreaks: !simpleKeyContext)
        case .doubleQuoted: writeDoubleQuoted(scalar.bytes, allowBreaks: !simpleKeyContext)
        case .literal: writeLiteral(scalar.bytes)
        }
        indent = indents.removeLast()
    }

    /// `yaml_emitter_select_scalar_style`, block context only (flow collections are always empty here).
    private func selectStyle(_ scalar: GoYAMLScalar, _ analysis: ScalarAnalysis) -> GoYAMLScalar.Style {
        var style = scalar.style
        if simpleKeyContext && analysis.multiline { style = .doubleQuoted }
        if style == .plain {
            if !analysis.blockPlainAllowed { style = .singleQuoted }
            if scalar.bytes.isEmpty && simpleKeyContext { style = .singleQuoted }
        }
        if style == .singleQuoted && !analysis.singleQuotedAllowed { style = .doubleQuoted }
        if style == .literal && (!analysis.blockAllowed || simpleKeyContext) { style = .doubleQuoted }
        return style
    }

    private mutating func writePlain(_ value: [UInt8], allowBreaks: Bool) {
        if !whitespace { put(UInt8(ascii: " ")) }
        var spaces = false
        var breaks = false
        var index = 0
        while index < value.count {
            if value.isYAMLSpace(at: index) {
                if allowBreaks && !spaces && column > bestWidth && !value.isYAMLSpace(at: index + 1) {
                    writeIndent()
                    index += value.yamlWidth(at: index)
                } else {
                    write(value, &index)
                }
                spaces = true
            } else if value.isYAMLBreak(at: index) {
                if !breaks && value[index] == UInt8(ascii: "\n") { putBreak() }
                writeBreak(value, &index)
                indention = true
                breaks = true
            } else {
                if breaks { writeIndent() }
                write(value, &index)
                indention = false
                spaces = false
                breaks = false
            }
        }
        whitespace = false
        indention = false
    }

    private mutating func writeSingleQuoted(_ value: [UInt8], allowBreaks: Bool) {
        writeIndicator("'", needWhitespace: true, isWhitespace: false, isIndention: false)
        var spaces = false
        var breaks = false
        var index = 0
        while index < value.count {
            if value.isYAMLSpace(at: index) {
                if allowBreaks && !spaces && column > bestWidth && index > 0 && index < value.count - 1
                    && !value.isYAMLSpace(at: index + 1)
                {
                    writeIndent()
                    index += value.yamlWidth(at: index)
                } else {
                    write(value, &index)
                }
                spaces = true
            } else if value.isYAMLBreak(at: index) {
                if !breaks && value[index] == UInt8(ascii: "\n") { putBreak() }
                writeBreak(value, &index)
                indention = true
                breaks = true
            } else {
                if breaks { writeIndent() }
                if value[index] == UInt8(ascii: "'") { put(UInt8(ascii: "'")) }
                write(value, &index)
                indention = false
                spaces = false
                breaks = false
            }
        }
        writeIndicator("'", needWhitespace: false, isWhitespace: false, isIndention: false)
        whitespace = false
        indention = false
    }

    private mutating func writeDoubleQuoted(_ value: [UInt8], allowBreaks: Bool) {
        var spaces = false
        writeIndicator("\"", needWhitespace: true, isWhitespace: false, isIndention: false)
        var index = 0
        while index < value.count {
            let byte = value[index]
            if !value.isYAMLPrintable(at: index) || value.isYAMLByteOrderMark(at: index) || value.isYAMLBreak(at: index)
                || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
            {
                let width = value.yamlWidth(at: index)
                let scalar = String(decoding: value[index..<Swift.min(index + width, value.count)], as: UTF8.self)
                    .unicodeScalars.first?.value ?? UInt32(byte)
                index += width
                put(UInt8(ascii: "\\"))
                writeEscape(scalar)
                spaces = false
            } else if value.isYAMLSpace(at: index) {
                if allowBreaks && !spaces && column > bestWidth && index > 0 && index < value.count - 1 {
                    writeIndent()
                    if value.isYAMLSpace(at: index + 1) { put(UInt8(ascii: "\\")) }
                    index += value.yamlWidth(at: index)
                } else {
                    write(value, &index)
                }
                spaces = true
            } else {
                write(value, &index)
                spaces = false
            }
        }
        writeIndicator("\"", needWhitespace: false, isWhitespace: false, isIndention: false)
        whitespace = false
        indention = false
    }

    private mutating func writeEscape(_ scalar: UInt32) {
        let short: [UInt32: Character] = [
            0x00: "0", 0x07: "a", 0x08: "b", 0x09: "t", 0x0A: "n", 0x0B: "v", 0x0C: "f", 0x0D: "r", 0x1B: "e",
            0x22: "\"", 0x5C: "\\", 0x85: "N", 0xA0: "_", 0x2028: "L", 0x2029: "P",
        ]
        if let letter = short[scalar] {
            put(letter.asciiValue ?? 0)
            return
        }
        let (marker, digits): (UInt8, Int) =
            scalar <= 0xFF ? (UInt8(ascii: "x"), 2) : scalar <= 0xFFFF ? (UInt8(ascii: "u"), 4) : (UInt8(ascii: "U"), 8)
        put(marker)
        for shift in stride(from: (digits - 1) * 4, through: 0, by: -4) {
            let digit = UInt8((scalar >> UInt32(shift)) & 0x0F)
            put(digit < 10 ? digit + UInt8(ascii: "0") : digit - 10 + UInt8(ascii: "A"))
        }
    }

    private mutating func writeLiteral(_ value: [UInt8]) {
        writeIndicator("|", needWhitespace: true, isWhitespace: false, isIndention: false)
        writeBlockScalarHints(value)
        putBreak()
        indention = true
        whitespace = true
        var breaks = true
        var index = 0
        while index < value.count {
            if value.isYAMLBreak(at: index) {
                writeBreak(value, &index)
                indention = true
                breaks = true
            } else {
                if breaks { writeIndent() }
                write(value, &index)
                indention = false
                breaks = false
            }
        }
    }

    /// The indentation indicator (for text starting with a space or break) and the chomping indicator:
    /// `-` without a final line break, `+` with more than one.
    private mutating func writeBlockScalarHints(_ value: [UInt8]) {
        if value.isYAMLSpace(at: 0) || value.isYAMLBreak(at: 0) {
            writeIndicator(String(bestIndent), needWhitespace: false, isWhitespace: false, isIndention: false)
        }
        var chomp: String?
        if value.isEmpty {
            chomp = "-"
        } else {
            var last = value.count - 1
            while value[last] & 0xC0 == 0x80 { last -= 1 }
            if !value.isYAMLBreak(at: last) {
                chomp = "-"
            } else if last == 0 {
                chomp = "+"
            } else {
                var previous = last - 1
                while value[previous] & 0xC0 == 0x80 { previous -= 1 }
                if value.isYAMLBreak(at: previous) { chomp = "+" }
            }
        }
        if let chomp { writeIndicator(chomp, needWhitespace: false, isWhitespace: false, isIndention: false) }
    }
}
