/// The words of a recorded command line that name its command (`set image`, `rollout undo`), wherever the
/// global options stand: `rollbook -n prod set image …` and `rollbook rollout -n prod undo …` are recorded as typed.
enum CommandWords {
    /// The global options, which take a value (`--store PATH`, `--as NAME`, `-n NS`).
    private static let valued: Set<String> = ["--store", "--as", "-n", "--namespace"]

    /// The first two words that are neither an option nor a global option's value.
    static func verbs(_ argv: [String]) -> [String] {
        var words: [String] = []
        var skipValue = false
        for argument in argv {
            if skipValue {
                skipValue = false
            } else if argument == "--" {
                break
            } else if argument.hasPrefix("-") {
                skipValue = valued.contains(argument)
            } else {
                words.append(argument)
                if words.count == 2 { break }
            }
        }
        return words
    }
}
