import KubeModel

/// The multi-line maps of describe.go: labels, annotations, node selectors and tolerations.
extension DescribeWriter {
    /// Annotations longer than this (key, value and `": "`) are wrapped onto their own lines.
    static let maxAnnotationLength = 140

    /// `printLabelsMultiline`: sorted `key=value` lines, continuations start with a TAB cell.
    mutating func labels(_ title: String, _ labels: [String: String]?) {
        write(0, "\(title):\t")
        let labels = labels ?? [:]
        guard !labels.isEmpty else { return writeLine("<none>") }
        for (index, key) in labels.keys.goSorted().enumerated() {
            if index != 0 { write(0, "\t") }
            write(0, "\(key)=\(labels[key]!)\n")
        }
    }

    /// `printAnnotationsMultiline`: sorted `key: value`, hiding last-applied-configuration.
    mutating func annotations(_ title: String, _ annotations: [String: String]?) {
        write(0, "\(title):\t")
        let annotations = annotations ?? [:]
        let keys = annotations.keys.filter { $0 != AnnotationKey.lastApplied }.goSorted()
        guard !keys.isEmpty else { return writeLine("<none>") }
        for (index, key) in keys.enumerated() {
            if index != 0 { write(0, "\t") }
            var value = annotations[key]!
            if value.hasSuffix("\n") { value.removeLast() }
            if value.utf8.count + key.utf8.count + 2 > Self.maxAnnotationLength || value.contains("\n") {
                write(0, "\(key):\n")
                for line in value.split(separator: "\n", omittingEmptySubsequences: false) {
                    write(0, "\t  \(shorten(String(line), to: Self.maxAnnotationLength - 2))\n")
                }
            } else {
                write(0, "\(key): \(value)\n")
            }
        }
    }

    /// `printTolerationsMultiline`: `key=value:effect op=Exists for Ns`, sorted by key.
    mutating func tolerations(_ title: String, _ tolerations: [JSONValue]) {
        write(0, "\(title):\t")
        guard !tolerations.isEmpty else { return writeLine("<none>") }
        let sorted = tolerations.enumerated().sorted { lhs, rhs in
            let (left, right) = (lhs.element["key"]?.goScalar ?? "", rhs.element["key"]?.goScalar ?? "")
            return left == right ? lhs.offset < rhs.offset : goLess(left, right)
        }
        for (index, toleration) in sorted.map(\.element).enumerated() {
            if index != 0 { write(0, "\t") }
            write(0, describeToleration(toleration) + "\n")
        }
    }

    private func describeToleration(_ toleration: JSONValue) -> String {
        let key = toleration["key"]?.goScalar ?? ""
        let value = toleration["value"]?.goScalar ?? ""
        let effect = toleration["effect"]?.goScalar ?? ""
        var text = key
        if !value.isEmpty { text += "=\(value)" }
        if !effect.isEmpty { text += ":\(effect)" }
        if toleration["operator"]?.goScalar == "Exists", value.isEmpty {
            text += key.isEmpty && effect.isEmpty ? "op=Exists" : " op=Exists"
        }
        if let seconds = toleration["tolerationSeconds"], seconds != .null {
            text += " for \(seconds.goScalar)s"
        }
        return text
    }

    /// Go's `s[:n] + "..."`, cutting bytes.
    private func shorten(_ text: String, to length: Int) -> String {
        guard text.utf8.count > length else { return text }
        return String(decoding: text.utf8.prefix(length), as: UTF8.self) + "..."
    }
}
