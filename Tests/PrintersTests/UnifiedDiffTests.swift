import Printers
import Testing

/// `unifiedDiff` against what GNU `diff -u --label A --label B` prints for the same inputs.
struct UnifiedDiffTests {
    @Test func separateHunksKeepThreeLinesOfContext() {
        let old = "a\nb\nc\nd\ne\nf\ng\nh\ni\nj\nk\nl\nm\n"
        let new = "a\nB\nc\nd\ne\nf\ng\nh\ni\nj\nk\nL\nm\nn\n"
        #expect(unifiedDiff(old, new, oldLabel: "revision 1", newLabel: "revision 2") == """
            --- revision 1
            +++ revision 2
            @@ -1,5 +1,5 @@
             a
            -b
            +B
             c
             d
             e
            @@ -9,5 +9,6 @@
             i
             j
             k
            -l
            +L
             m
            +n

            """)
    }

    @Test func nearbyChangesShareOneHunk() {
        #expect(unifiedDiff("a\nb\nc\nd\ne\nf\ng\nh\n", "a\nX\nc\nd\ne\nf\nY\nh\n", oldLabel: "A", newLabel: "B") == """
            --- A
            +++ B
            @@ -1,8 +1,8 @@
             a
            -b
            +X
             c
             d
             e
             f
            -g
            +Y
             h

            """)
    }

    @Test func emptySidesNameTheLineBefore() {
        #expect(unifiedDiff("", "x\ny\n", oldLabel: "A", newLabel: "B") == "--- A\n+++ B\n@@ -0,0 +1,2 @@\n+x\n+y\n")
        #expect(unifiedDiff("x\ny\n", "", oldLabel: "A", newLabel: "B") == "--- A\n+++ B\n@@ -1,2 +0,0 @@\n-x\n-y\n")
        #expect(unifiedDiff("x\ny\n", "p\nq\n", oldLabel: "A", newLabel: "B")
            == "--- A\n+++ B\n@@ -1,2 +1,2 @@\n-x\n-y\n+p\n+q\n")
    }

    @Test func identicalTextsGiveNothing() {
        #expect(unifiedDiff("a\nb\n", "a\nb\n", oldLabel: "A", newLabel: "B") == "")
        #expect(unifiedDiff("", "", oldLabel: "A", newLabel: "B") == "")
    }

    @Test func editScriptIsShortestAndReplaysTheNewText() {
        let old = ["a", "b", "c", "a", "b", "b", "a"]
        let new = ["c", "b", "a", "b", "a", "c"]
        let script = LineDiff.edits(from: old, to: new)
        let changes = script.filter { if case .keep = $0 { false } else { true } }
        #expect(changes.count == 5, "Myers' example: D = 5")
        let rebuilt = script.compactMap { edit -> String? in
            switch edit {
            case .keep(let line), .insert(let line): line
            case .delete: nil
            }
        }
        #expect(rebuilt == new)
        let original = script.compactMap { edit -> String? in
            switch edit {
            case .keep(let line), .delete(let line): line
            case .insert: nil
            }
        }
        #expect(original == old)
    }
}
