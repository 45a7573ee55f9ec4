/// One step of an edit script that turns one list of lines into another.
public enum LineEdit: Sendable, Hashable {
    case keep(String)
    case delete(String)
    case insert(String)
}

/// The shortest edit script between two lists of lines, by Myers' greedy algorithm.
///
/// Myers, "An O(ND) Difference Algorithm and Its Variations" (1986): walk the edit graph diagonal by
/// diagonal, keeping for each diagonal the furthest point reached with *d* edits, until the end is
/// reached; then walk the kept frontiers backwards to recover the path. Deletions come before insertions
/// within a change, as `diff -u` prints them.
///
/// - Complexity: O((*n* + *m*) · *d*) time and memory, where *d* is the number of differing lines;
///   pod templates are short, so the memory of keeping every frontier does not matter.
public enum LineDiff {
    public static func edits(from old: [String], to new: [String]) -> [LineEdit] {
        let n = old.count, m = new.count, limit = n + m
        let offset = limit + 1
        var frontier = [Int](repeating: 0, count: 2 * limit + 3)
        var trace: [[Int]] = []
        search: for d in 0...limit {
            trace.append(frontier)
            for k in stride(from: -d, through: d, by: 2) {
                var x = takesInsertion(frontier, k: k, d: d, offset: offset)
                    ? frontier[offset + k + 1] : frontier[offset + k - 1] + 1
                var y = x - k
                while x < n && y < m && old[x] == new[y] {
                    x += 1
                    y += 1
                }
                frontier[offset + k] = x
                if x >= n && y >= m { break search }
            }
        }
        var script: [LineEdit] = []
        var x = n, y = m
        for d in stride(from: trace.count - 1, through: 0, by: -1) {
            let v = trace[d]
            let k = x - y
            let previousK = takesInsertion(v, k: k, d: d, offset: offset) ? k + 1 : k - 1
            let previousX = v[offset + previousK]
            let previousY = previousX - previousK
            while x > previousX && y > previousY {
                script.append(.keep(old[x - 1]))
                x -= 1
                y -= 1
            }
            if d > 0 {
                if x == previousX {
                    script.append(.insert(new[y - 1]))
                } else {
                    script.append(.delete(old[x - 1]))
                }
            }
            x = previousX
            y = previousY
        }
        return script.reversed()
    }

    /// Whether the best path onto diagonal `k` with `d` edits comes down from `k + 1` (an insertion)
    /// rather than across from `k - 1` (a deletion).
    private static func takesInsertion(_ v: [Int], k: Int, d: Int, offset: Int) -> Bool {
        k == -d || (k != d && v[offset + k - 1] < v[offset + k + 1])
    }
}
