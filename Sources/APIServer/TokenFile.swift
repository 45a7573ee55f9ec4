import Foundation

/// kube-apiserver's `--token-auth-file` format: one `token,user,uid[,"group1,group2"]` per line, as CSV.
public enum TokenFile {
    /// The tokens of a file's text.
    ///
    /// - Throws: ``TokenFileError`` naming the first line with fewer than three fields or an empty token.
    public static func parse(_ text: String) throws -> [String: UserInfo] {
        var tokens: [String: UserInfo] = [:]
        for (index, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
            let trimmed = line.trimmingCharacters(in: .whitespaces)
            if trimmed.isEmpty || trimmed.hasPrefix("#") { continue }
            let fields = csvFields(trimmed)
            guard fields.count >= 3, !fields[0].isEmpty else {
                throw TokenFileError(line: index + 1, message: "need at least 3 columns: token,user,uid[,\"groups\"]")
            }
            let groups = fields.count > 3
                ? fields[3].split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
                : []
            tokens[fields[0]] = UserInfo(name: fields[1], uid: fields[2], groups: groups)
        }
        return tokens
    }

    /// Splits one CSV record: commas separate fields, double quotes protect commas, `""` is a quote.
    static func csvFields(_ line: String) -> [String] {
        var fields: [String] = []
        var field = ""
        var quoted = false
        var characters = line.makeIterator()
        while let character = characters.next() {
            switch character {
            case "\"" where quoted:
                var lookahead = characters
                if lookahead.next() == "\"" {
                    field.append("\"")
                    characters = lookahead
                } else {
                    quoted = false
                }
            case "\"" where field.isEmpty:
                quoted = true
            case "," where !quoted:
                fields.append(field.trimmingCharacters(in: .whitespaces))
                field = ""
            default:
                field.append(character)
            }
        }
        fields.append(field.trimmingCharacters(in: .whitespaces))
        return fields
    }
}

public struct TokenFileError: Error, Sendable, CustomStringConvertible {
    public var line: Int
    public var message: String

    public var description: String { "token file line \(line): \(message)" }
}
