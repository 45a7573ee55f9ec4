@testable import RollbookCLI
import Testing

/// The replay progress bar's text: bar, percentage, counts, rate and ETA, within the terminal's width.
struct ProgressBarTests {
    @Test func lineShowsRateAndETA() {
        let line = ProgressBar.line(phase: "replaying", done: 500, total: 2_000, elapsed: 2, width: 100)
        #expect(line == "replaying [##########------------------------------]  25%  500/2000 events  250/s  ETA 6s")
        #expect(line.count <= 100)
    }

    @Test func narrowTerminalsKeepAShortBar() {
        let line = ProgressBar.line(phase: "copying", done: 10, total: 10, elapsed: 1, width: 60)
        #expect(line == "copying [################] 100%  10/10 events  10/s  ETA 0s")
        #expect(line.count <= 60)
    }

    @Test func durations() {
        #expect(ProgressBar.duration(45) == "45s")
        #expect(ProgressBar.duration(185) == "3m05s")
        #expect(ProgressBar.duration(3_720) == "1h02m")
    }
}
