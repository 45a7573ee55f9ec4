import KubeModel

/// The part of go-yaml v2's emitter (a port of libyaml's) that `yaml.Marshal` drives for a JSON-shaped value.
///
/// kubectl prints `-o yaml` through sigs.k8s.io/yaml: JSON, read back by go-yaml, then marshalled. That gives block
/// collections with sorted keys, two-space indentation, sequences flush with their parent key, flow style only for
/// `{}` and `[]`, and go-yaml's scalar styles, including folding long quoted or plain strings at column 80. The state
/// machine is kept close to the original so that column and indentation bookkeeping matches it exactly.
struct GoYAMLEmitter {
    var out: [UInt8] = []
    var column = 0
    var indent = -1
    var indents: [Int] = []
    var whitespace = true
    var indention = true
    var rootContext = false
    var sequenceContext = false
    var mappingContext = false
    var simpleKeyContext = false
    let bestIndent = 2
    let bestWidth = 80

    /// One document, as `yaml.Marshal` writes it: no `---`, and a final line break.
    static func document(_ value: JSONValue) -> String {
        var emitter = GoYAMLEmitter()
        emitter.emitNode(value, root: true, sequence: false, mapping: false, simpleKey: false)
        emitter.writeIndent()
        return String(decoding: emitter.out, as: UTF8.self)
    }

    // MARK: - Nodes

    mutating func emitNode(_ value: JSONValue, root: Bool, sequence: Bool, mapping: Bool, simpleKey: Bool) {
        rootContext = root
        sequenceContext = sequence
        mappingContext = mapping
        simpleKeyContext = simpleKey
        switch value {
        case .array(let items) where !items.isEmpty:
            emitBlockSequence(items)
        case .array:
            emitEmptyFlowCollection(open: "[", close: "]")
        case .object(let object) where !object.isEmpty:
            emitBlockMapping(object)
        case .object:
            emitEmptyFlowCollection(open: "{", close: "}")
        default:
            let scalar = GoYAMLScalar(value)
            emitScalar(scalar, analysis: ScalarAnalysis(scalar.bytes))
        }
    }

    private mutating func emitBlockSequence(_ items: [JSONValue]) {
        increaseIndent(flow: false, indentless: mappingContext && !indention)
        for item in items {
            writeIndent()
            writeIndicator("-", needWhitespace: true, isWhitespace: false, isIndention: true)
            emitNode(item, root: false, sequence: true, mapping: false, simpleKey: false)
        }
        indent = indents.removeLast()
    }

    private mutating func emitBlockMapping(_ object: [String: JSONValue]) {
        increaseIndent(flow: false, indentless: false)
        for key in GoYAMLKeyOrder.sorted(object.keys) {
            writeIndent()
            let keyBytes = Array(key.utf8)
            if !ScalarAnalysis(keyBytes).multiline && keyBytes.count <= 128 {
                emitNode(.string(key), root: false, sequence: false, mapping: true, simpleKey: true)
                writeIndicator(":", needWhitespace: false, isWhitespace: false, isIndention: false)
            } else {
                writeIndicator("?", needWhitespace: true, isWhitespace: false, isIndention: true)
                emitNode(.string(key), root: false, sequence: false, mapping: true, simpleKey: false)
                writeIndent()
                writeIndicator(":", needWhitespace: true, isWhitespace: false, isIndention: true)
            }
            emitNode(object[key] ?? .null, root: false, sequence: false, mapping: true, simpleKey: false)
        }
        indent = indents.removeLast()
    }

    /// go-yaml writes empty collections in flow style: `{}` and `[]` (non-empty ones never are).
    private mutating func emitEmptyFlowCollection(open: String, close: String) {
        writeIndicator(open, needWhitespace: true, isWhitespace: true, isIndention: false)
        increaseIndent(flow: true, indentless: false)
        indent = indents.removeLast()
        writeIndicator(close, needWhitespace: false, isWhitespace: false, isIndention: false)
    }

    // MARK: - Layout primitives

    mutating func increaseIndent(flow: Bool, indentless: Bool) {
        indents.append(indent)
        if indent < 0 {
            indent = flow ? bestIndent : 0
        } else if !indentless {
            indent += bestIndent
        }
    }

    mutating func writeIndent() {
        let target = max(indent, 0)
        if !indention || column > target || (column == target && !whitespace) {
            putBreak()
        }
        while column < target { put(UInt8(ascii: " ")) }
        whitespace = true
        indention = true
    }

    mutating func writeIndicator(_ indicator: String, needWhitespace: Bool, isWhitespace: Bool, isIndention: Bool) {
        if needWhitespace && !whitespace { put(UInt8(ascii: " ")) }
        for byte in indicator.utf8 { put(byte) }
        whitespace = isWhitespace
        indention = indention && isIndention
    }

    mutating func put(_ byte: UInt8) {
        out.append(byte)
        column += 1
    }

    mutating func putBreak() {
        out.append(UInt8(ascii: "\n"))
        column = 0
    }

    /// Copies one UTF-8 character and advances `index` past it.
    mutating func write(_ value: [UInt8], _ index: inout Int) {
        let width = value.yamlWidth(at: index)
        out.append(contentsOf: value[index..<Swift.min(index + width, value.count)])
        column += 1
        index += width
    }

    mutating func writeBreak(_ value: [UInt8], _ index: inout Int) {
        if value[index] == UInt8(ascii: "\n") {
            putBreak()
            index += 1
        } else {
            write(value, &index)
            column = 0
        }
    }
}
