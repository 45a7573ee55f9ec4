internal import Yams

/// Rewrites libyaml errors (via Yams) into what go-yaml v2, itself a port of libyaml, reports for the same input.
///
/// go-yaml prints `yaml: line N: <problem>` with libyaml's problem text; the line is the problem mark's 0-based
/// line, plus one for scanner errors only, falling back to the context mark, and left out when it would be 0.
enum YAMLErrorTranslation {
    struct Translated {
        var message: String
        /// The line (1-based, relative to the document) the error points at, for tooling.
        var line: Int?
        var isDuplicateKey = false
    }

    static func translate(_ error: YamlError, in text: String) -> Translated {
        switch error {
        case .scanner(let context, let problem, let mark, _):
            return located(problem, mark, scanner: true, context)
        case .parser(let context, let problem, let mark, _):
            return located(problem, mark, scanner: false, context)
        case .composer(_, let problem, let mark, _) where problem == "found undefined alias":
            let name = aliasName(at: mark, in: text)
            return Translated(message: "yaml: unknown anchor '\(name)' referenced", line: mark.line)
        case .composer(let context, let problem, let mark, _):
            return located(problem, mark, scanner: false, context)
        case .reader(let problem, _, _, _):
            return Translated(message: "yaml: \(problem)", line: nil)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let lines = duplicates.map { key in
                "  line \(duplicateValueLine(of: key, after: context.mark, in: text)): key "
                    + "\(GoYAMLResolver.resolve(key) == .string ? GoYAMLKey.quoted(key) : key) already set in map"
            }
            return Translated(
                message: "yaml: unmarshal errors:\n" + lines.joined(separator: "\n"), line: context.mark.line,
                isDuplicateKey: true)
        default:
            return Translated(message: "yaml: \(error)", line: nil)
        }
    }

    private static func located(
        _ problem: String, _ mark: Mark, scanner: Bool, _ context: YamlError.Context?
    ) -> Translated {
        let problemLine = mark.line - 1
        let contextLine = context.map { $0.mark.line - 1 }
        var line = 0
        if problemLine != 0 {
            line = scanner ? problemLine + 1 : problemLine
        } else if let contextLine, contextLine != 0 {
            line = contextLine
        }
        guard line != 0 else { return Translated(message: "yaml: \(problem)", line: problemLine + 1) }
        return Translated(message: "yaml: line \(line): \(problem)", line: problemLine + 1)
    }

    /// The name after the `*` that Yams' mark points at.
    private static func aliasName(at mark: Mark, in text: String) -> String {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        guard mark.line >= 1, mark.line <= lines.count else { return "" }
        let scalars = Array(lines[mark.line - 1].unicodeScalars.dropFirst(max(mark.column - 1, 0)))
        let name = scalars.drop { $0 == "*" }.prefix {
            !$0.properties.isWhitespace && !",[]{}".unicodeScalars.contains($0)
        }
        return String(String.UnicodeScalarView(name))
    }

    /// Yams reports the first occurrence of a duplicated key; go-yaml reports the line of the second one's value.
    /// Looks for the key again further down at the same column, and follows a value that starts on a later line.
    private static func duplicateValueLine(of key: String, after first: Mark, in text: String) -> Int {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        let spellings = [key, "\"\(key)\"", "'\(key)'"]
        var index = first.line
        while index < lines.count {
            let scalars = Array(lines[index].unicodeScalars)
            let indentation = scalars.prefix { $0 == " " }.count
            let rest = String(String.UnicodeScalarView(scalars.dropFirst(indentation)))
            if indentation + 1 == first.column,
                let spelling = spellings.first(where: { rest.hasPrefix($0) }),
                rest.dropFirst(spelling.count).drop(while: { $0 == " " }).first == ":"
            {
                let value = rest.dropFirst(spelling.count).drop { $0 == " " }.dropFirst().drop { $0 == " " }
                if value.isEmpty || value.first == "#" {
                    let next = lines[(index + 1)...].firstIndex { line in
                        let trimmed = line.drop { $0 == " " }
                        return !trimmed.isEmpty && trimmed.first != "#"
                    }
                    return (next ?? index) + 1
                }
                return index + 1
            }
            index += 1
        }
        return first.line
    }
}
