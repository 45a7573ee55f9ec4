import Testing

@testable import Printers

@Suite struct TabWriterTests {
    @Test func lastCellOfALineIsNotPadded() {
        #expect(TabWriter.describe.aligned("a\tb\nccc\td\n") == "a    b\nccc  d\n")
    }

    @Test func minimumWidthAppliesToShortColumns() {
        #expect(TabWriter.table.aligned("A\tB\nx\ty\n") == "A     B\nx     y\n")
    }

    @Test func lineWithoutTabEndsTheBlock() {
        let text = "Name:\tweb\nPod Template:\n  Labels:\tapp=web\n"
        #expect(TabWriter.describe.aligned(text) == "Name:  web\nPod Template:\n  Labels:  app=web\n")
    }

    @Test func columnBlockSpansOnlyLinesHavingThatColumn() {
        let text = "a\tb\tc\nlonger\td\naa\tbbbb\tc\n"
        // Column 0 spans all three lines; column 1 is two separate blocks, cut by line 2.
        #expect(TabWriter.describe.aligned(text) == "a       b  c\nlonger  d\naa      bbbb  c\n")
    }

    @Test func emptyCellsArePadded() {
        #expect(TabWriter.describe.aligned("Labels:\ta=1\n\tb=2\n") == "Labels:  a=1\n         b=2\n")
    }

    @Test func flushStartsNewBlocks() {
        var writer = TabWriter.describe
        writer.write("a\tb\n")
        writer.flush()
        writer.write("longer\tc\n")
        #expect(writer.finish() == "a  b\nlonger  c\n")
    }

    @Test func textWithoutFinalNewlineIsKept() {
        #expect(TabWriter.describe.aligned("a\tb\nc") == "a  b\nc")
    }

    @Test func widthCountsCharactersNotBytes() {
        #expect(TabWriter.describe.aligned("é\tx\nab\ty\n") == "é   x\nab  y\n")
    }

    @Test func tabPaddingRoundsUpToTabStops() {
        let writer = TabWriter(minWidth: 0, tabWidth: 8, padding: 1, padChar: "\t")
        #expect(writer.aligned("a\tb\nabcdefgh\tc\n") == "a\t\tb\nabcdefgh\tc\n")
    }

    /// Go's tabwriter ends a line at every "\n" byte, so "\r\n" (one `Character` in Swift) ends one too and
    /// the "\r" stays in the last cell, unpadded.
    @Test func carriageReturnLineFeedEndsALineAtItsLineFeed() {
        #expect(TabWriter.describe.aligned("a\tb\r\nlonger\tc\n") == "a       b\r\nlonger  c\n")
    }
}
