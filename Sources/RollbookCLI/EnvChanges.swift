import ControlPlane
import KubeModel

/// What `kubectl set env` sets and removes (pkg/cmd/set/env/env_parse.go), and how it edits a container's
/// `env` list (pkg/cmd/set/helper.go `updateEnv`).
struct EnvChanges: Equatable {
    /// In the order given; a name given twice keeps both, and the first one wins where it lands.
    var set: [(name: String, value: String)]
    var remove: [String]

    static func == (lhs: Self, rhs: Self) -> Bool {
        lhs.set.map { [$0.name, $0.value] } == rhs.set.map { [$0.name, $0.value] } && lhs.remove == rhs.remove
    }

    /// `ParseEnv`: `KEY=VALUE` sets, `KEY-` removes, `-` reads `KEY=VALUE` lines from `stdin` (text after `#`
    /// dropped, lines without `=` skipped, names not checked there).
    init(parsing specs: [String], stdin: () -> String?) throws {
        set = []
        remove = []
        var named: Set<String> = []
        for spec in specs {
            if spec == "-" {
                guard let text = stdin() else { throw CommandError.client("when '-' is used, STDIN must be open") }
                set += Self.lines(text)
            } else if let equals = spec.firstIndex(of: "=") {
                let name = String(spec[..<equals])
                if let problem = Self.nameProblem(name) {
                    throw CommandError.client("\"\(name)\" is not a valid key name: \(problem)")
                }
                named.insert(name)
                set.append((name, String(spec[spec.index(after: equals)...])))
            } else if spec.hasSuffix("-") {
                remove.append(String(spec.dropLast()))
            } else {
                throw CommandError.client("unknown environment variable: \(spec)")
            }
        }
        if remove.contains(where: named.contains) {
            throw CommandError.client("can not both modify and remove the same environment variable in the same command")
        }
    }

    /// `readEnv`: bufio.Scanner lines (a final newline ends the last line).
    private static func lines(_ text: String) -> [(name: String, value: String)] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        return lines.compactMap { line in
            let kept = line.firstIndex(of: "#").map { line[..<$0] } ?? line[...]
            guard let equals = kept.firstIndex(of: "=") else { return nil }
            return (String(kept[..<equals]), String(kept[kept.index(after: equals)...]))
        }
    }

    /// apimachinery's `IsEnvVarName`: the regex `[-._a-zA-Z][-._a-zA-Z0-9]*`, and never `.` or `..` alone.
    static func nameProblem(_ name: String) -> String? {
        let bytes = Array(name.utf8)
        func allowed(_ byte: UInt8, digits: Bool) -> Bool {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "-"), UInt8(ascii: "."), UInt8(ascii: "_"):
                return true
            case UInt8(ascii: "0")...UInt8(ascii: "9"): return digits
            default: return false
            }
        }
        var problems: [String] = []
        if bytes.isEmpty || !allowed(bytes[0], digits: false) || !bytes.dropFirst().allSatisfy({ allowed($0, digits: true) }) {
            problems.append(
                "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', "
                    + "and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', "
                    + "regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')")
        }
        if name == "." {
            problems.append("must not be '.'")
        } else if name == ".." {
            problems.append("must not be '..'")
        } else if name.hasPrefix("..") {
            problems.append("must not start with '..'")
        }
        return problems.isEmpty ? nil : problems.joined(separator: ";")
    }

    /// `updateEnv`: existing entries stay in place (the first of a name set here is replaced, later ones of
    /// that name dropped), removed names go, and the names set that were not there follow in order.
    func applied(to existing: [JSONValue]) -> [JSONValue] {
        var covered = Set(remove)
        var out: [JSONValue] = []
        for entry in existing {
            let name = entry["name"]?.stringValue ?? ""
            if covered.contains(name) { continue }
            if let newer = set.first(where: { $0.name == name }) {
                covered.insert(name)
                out.append(Self.entry(newer))
            } else {
                out.append(entry)
            }
        }
        for pair in set where !covered.contains(pair.name) {
            covered.insert(pair.name)
            out.append(Self.entry(pair))
        }
        return out
    }

    /// A `core/v1.EnvVar` as Go encodes it: an empty value is omitted.
    private static func entry(_ pair: (name: String, value: String)) -> JSONValue {
        .object(pair.value.isEmpty ? ["name": .string(pair.name)] : ["name": .string(pair.name), "value": .string(pair.value)])
    }

    /// `validateNoOverwrites`: with `--overwrite=false`, a name set here must not have another value already.
    func overwriteProblem(in existing: [JSONValue]) -> String? {
        for pair in set {
            guard let current = existing.first(where: { $0["name"]?.stringValue == pair.name }) else { continue }
            let value = current["value"]?.stringValue ?? ""
            if value != pair.value { return "'\(pair.name)' already has a value (\(value)), and --overwrite is false" }
        }
        return nil
    }
}

/// `selectString` of pkg/cmd/set/helper.go: `*` alone matches everything, a spec without `*` matches itself,
/// and otherwise the parts between `*`s are searched left to right, byte-wise, as kubectl does (including its
/// quirk of comparing an offset into the rest of the name with an offset into the whole name).
enum ContainerPattern {
    static func matches(_ name: String, _ spec: String) -> Bool {
        if spec == "*" { return true }
        guard spec.contains("*") else { return name == spec }
        let s = Array(name.utf8)
        let parts = spec.utf8.split(separator: UInt8(ascii: "*"), omittingEmptySubsequences: false).map(Array.init)
        var pos = 0
        for (i, part) in parts.enumerated() where !part.isEmpty {
            let next = index(of: part, in: pos <= s.count ? Array(s[pos...]) : [])
            if next < pos || (i == 0 && pos != 0) || (i == parts.count - 1 && s.count != part.count + next) {
                return false
            }
            pos = next
        }
        return true
    }

    /// `strings.Index`: the first offset of `part` in `text`, or -1.
    private static func index(of part: [UInt8], in text: [UInt8]) -> Int {
        guard part.count <= text.count else { return -1 }
        for start in 0...(text.count - part.count) where text[start..<(start + part.count)].elementsEqual(part) {
            return start
        }
        return -1
    }
}
