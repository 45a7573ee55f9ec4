/// Writing JSON by hand, where key order and the exact bytes of embedded values matter.
public enum JSONText {
    /// `text` as a JSON string literal, quotes included.
    public static func quoted(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// `{"a":1,"b":"x"}` from members whose values are already JSON text, in the order given.
    public static func object(_ members: [(key: String, json: String)]) -> String {
        "{" + members.map { "\(quoted($0.key)):\($0.json)" }.joined(separator: ",") + "}"
    }
}
